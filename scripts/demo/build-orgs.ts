import type { Insertable } from 'kysely'
import { cityCodeOf, findRegion } from '#shared/codes/index.ts'
import type { TOrgKind } from '#shared/resource-kinds.ts'
import type { OrganisationTable } from '#server/db/schema.ts'
import { buildCreditCode, registrationPrefix } from './credit-code.ts'
import type { TNodeRow } from './build-nodes.ts'
import type { TRng } from './prng.ts'
import { daysBefore } from './time.ts'
import { FIELD_KEYS, type TFieldKey } from './vocab/fields.ts'
import { ORG_SEEDS } from './vocab/organisations.ts'
import { findCityPlace } from './vocab/places.ts'

/** An organisation row with its id fixed in advance. */
export type TOrgRow = Insertable<OrganisationTable> & { id: string; region_code: string; city_code: string }

/** What the resource builders need to know about an owner unit. */
export type TOwner = {
  id: string
  name: string
  kind: TOrgKind
  regionCode: string
  cityCode: string
  nodeId: string
  address: string
  fields: readonly TFieldKey[]
  slug: string
}

/**
 * A street address for an invented organisation in the given district: province, city, district, a real
 * road of that district and a house number, sometimes with a building.
 * @param rng the stream to draw from
 * @param regionCode GB/T 2260 code (district or city)
 */
export function streetAddress(rng: TRng, regionCode: string): string {
  const region = findRegion(regionCode)
  if (!region) throw new Error(`unknown region code ${regionCode}`)
  const province = region.province?.name ?? region.name
  const city = region.level === 'district' ? region.city?.name : region.level === 'city' ? region.name : undefined
  const prefix = `${province}${city && city !== province ? city : ''}`
  if (region.level !== 'district') return prefix
  const roads = findCityPlace(cityCodeOf(regionCode) ?? '')?.roads[regionCode] ?? ['科技路']
  const building = rng.chance(0.4) ? rng.pick(['科技园', '创业大厦', '孵化园', '产业园']) + `${rng.int(1, 12)}号楼` : ''
  return `${prefix}${region.name}${rng.pick(roads)}${rng.int(1, 399)}号${building}`
}

/**
 * Builds the organisation rows from the vocabulary: a valid credit code each, the node of their area,
 * district-level region and city codes, a street address for the invented ones.
 * @param rng the stream for ids, codes and addresses
 * @param nodes the node rows (looked up by code)
 * @param now the fixed reference time
 * @returns the rows and the owner view of the approved ones
 * @throws Error when the vocabulary names an unknown node or region
 */
export function buildOrganisations(
  rng: TRng,
  nodes: readonly TNodeRow[],
  now: Date,
): { rows: TOrgRow[]; owners: TOwner[] } {
  const nodeByCode = new Map(nodes.map((n) => [n.code, n]))
  const taken = new Set<string>()
  const rows: TOrgRow[] = []
  const owners: TOwner[] = []
  for (const seed of ORG_SEEDS) {
    const node = nodeByCode.get(seed.node)
    const cityCode = cityCodeOf(seed.region)
    if (!node) throw new Error(`organisation ${seed.name}: unknown node ${seed.node}`)
    if (!cityCode) throw new Error(`organisation ${seed.name}: region ${seed.region} has no city`)
    const id = rng.uuid()
    const prefix = registrationPrefix(seed.kind, seed.isPublicInstitution === true)
    const created = daysBefore(rng, now, 760, 1500)
    const address = seed.address || streetAddress(rng, seed.region)
    rows.push({
      id,
      name: seed.name,
      credit_code: buildCreditCode(rng, prefix, seed.region, taken),
      kind: seed.kind,
      region_code: seed.region,
      city_code: cityCode,
      address,
      node_id: node.id,
      status: seed.isPending ? 'pending' : 'approved',
      created_at: created,
      updated_at: created,
    })
    if (seed.isPending) continue
    owners.push({
      id,
      name: seed.name,
      kind: seed.kind,
      regionCode: seed.region,
      cityCode,
      nodeId: node.id,
      address,
      fields: seed.fields,
      slug: seed.slug,
    })
  }
  return { rows, owners }
}

const SEED_BY_NAME = new Map(ORG_SEEDS.map((s) => [s.name, s]))

/**
 * The owner view of an organisation read back from the database (used by `npm run gen`): fields and slug
 * come from the vocabulary when it is a demo organisation, otherwise every field and a slug from the id.
 * @param row id, name, kind, region, city, node and address of an approved organisation
 */
export function ownerFromRow(row: {
  id: string
  name: string
  kind: string
  region_code: string
  city_code: string
  node_id: string
  address: string
}): TOwner {
  const seed = SEED_BY_NAME.get(row.name)
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as TOrgKind,
    regionCode: row.region_code,
    cityCode: row.city_code,
    nodeId: row.node_id,
    address: row.address,
    fields: seed?.fields ?? FIELD_KEYS,
    slug: seed?.slug ?? `org${row.id.slice(0, 8)}`,
  }
}
