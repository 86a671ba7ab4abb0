import type { TOrgKind, TResourceKind } from '#shared/resource-kinds.ts'
import type { TResourceContact } from '#server/db/schema.ts'
import type { TOwner } from './build-orgs.ts'
import { demoEmail, mobileNumber, personName } from './people.ts'
import type { TRng } from './prng.ts'
import { stampsFor } from './time.ts'
import type { TFieldKey } from './vocab/fields.ts'

export type TResourceStatus = 'draft' | 'submitted' | 'approved' | 'returned' | 'published' | 'offline'

/** One resource row with every column set, ready for a Kysely insert or a COPY line. */
export type TDemoResource = {
  id: string
  kind: TResourceKind
  title: string
  summary: string
  owner_org_id: string
  node_id: string
  region_code: string
  city_code: string
  discipline_code: string | null
  industry_code: string | null
  category: string | null
  tags: string[]
  sharing_level: 'free' | 'paid'
  status: TResourceStatus
  contact: TResourceContact | null
  attributes: Record<string, unknown>
  created_at: Date
  updated_at: Date
  published_at: Date | null
}

/** Everything a kind builder needs besides its own stream. */
export type TBuildContext = {
  owners: TOwnerPool
  now: Date
  /** 'demo': mostly published with some drafts and submissions; 'published': all published (gen). */
  statusMode: 'demo' | 'published'
}

/** Owners indexed for quick weighted picks by kind and field. */
export type TOwnerPool = {
  all: readonly TOwner[]
  /**
   * An owner of one of the kinds (kind chosen by weight) that works in one of the fields; when there is none,
   * another of the kinds in the field, then any owner of the kinds, then anybody.
   * @throws Error when no owner at all exists
   */
  pick: (rng: TRng, kinds: readonly (readonly [TOrgKind, number])[], fields?: readonly TFieldKey[]) => TOwner
}

/**
 * Indexes owners for picks. `weightOf` lets the demo favour some owners (the 牡丹江 platform of seed 000
 * should look busy); candidate lists are cached per kind and field set.
 * @param owners approved organisations
 * @param weightOf relative weight of an owner among its candidates
 */
export function createOwnerPool(owners: readonly TOwner[], weightOf: (o: TOwner) => number = () => 1): TOwnerPool {
  if (owners.length === 0) throw new Error('no approved organisations to own resources')
  const cache = new Map<string, { items: TOwner[]; cumulative: number[] }>()
  const candidates = (kinds: readonly TOrgKind[] | null, fields: readonly TFieldKey[] | undefined) => {
    const key = `${kinds?.join(',') ?? '*'}|${fields?.join(',') ?? '*'}`
    let hit = cache.get(key)
    if (!hit) {
      const items = owners.filter(
        (o) => (kinds === null || kinds.includes(o.kind)) && (!fields || o.fields.some((f) => fields.includes(f))),
      )
      let sum = 0
      hit = { items, cumulative: items.map((o) => (sum += weightOf(o))) }
      cache.set(key, hit)
    }
    return hit
  }
  const draw = (rng: TRng, list: { items: TOwner[]; cumulative: number[] }): TOwner => {
    const total = list.cumulative[list.cumulative.length - 1] ?? 0
    const r = rng.next() * total
    let lo = 0
    let hi = list.cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((list.cumulative[mid] ?? 0) > r) hi = mid
      else lo = mid + 1
    }
    return list.items[lo] as TOwner
  }
  return {
    all: owners,
    pick(rng, kinds, fields) {
      const kind = [rng.weighted(kinds)]
      const allowed = kinds.map(([k]) => k)
      // the drawn kind in the field, any allowed kind in the field, then the field is dropped, then the kinds
      const steps = [[kind, fields], [allowed, fields], [kind, undefined], [allowed, undefined], [null, undefined]] as const
      for (const [k, f] of steps) {
        const list = candidates(k, f)
        if (list.items.length > 0) return draw(rng, list)
      }
      throw new Error('no owner available')
    },
  }
}

/**
 * A resource status for the build mode: in demo mode about 88 % published, the rest drafts, submissions
 * awaiting review and a few approved-not-yet-published or taken offline.
 * @param rng the stream to draw from
 * @param mode see TBuildContext.statusMode
 */
export function drawStatus(rng: TRng, mode: TBuildContext['statusMode']): TResourceStatus {
  if (mode === 'published') return 'published'
  return rng.weighted<TResourceStatus>([
    ['published', 88],
    ['draft', 5],
    ['submitted', 4],
    ['approved', 1.5],
    ['offline', 1.5],
  ])
}

/**
 * A contact person at the owner unit: random name, random valid-format mobile, example.com e-mail.
 * @param rng the stream to draw from
 * @param owner the unit
 */
export function contactAt(rng: TRng, owner: TOwner): TResourceContact {
  const name = personName(rng)
  return { name, phone: mobileNumber(rng), email: demoEmail(name, owner.slug) }
}

/**
 * The columns every resource shares: id, owner, node, region, status and timestamps. `published_at` is set
 * for published and offline rows (offline ones were published once).
 * @param rng the stream to draw from
 * @param ctx build context
 * @param owner the owning unit; its node operates the resource
 * @param kind the resource kind
 */
export function baseResource(
  rng: TRng,
  ctx: TBuildContext,
  owner: TOwner,
  kind: TResourceKind,
): Pick<
  TDemoResource,
  'id' | 'kind' | 'owner_org_id' | 'node_id' | 'region_code' | 'city_code' | 'status' | 'created_at' | 'updated_at' | 'published_at'
> {
  const status = drawStatus(rng, ctx.statusMode)
  const stamps = stampsFor(rng, ctx.now, status === 'published' || status === 'offline')
  return {
    id: rng.uuid(),
    kind,
    owner_org_id: owner.id,
    node_id: owner.nodeId,
    region_code: owner.regionCode,
    city_code: owner.cityCode,
    status,
    ...stamps,
  }
}

/**
 * Rounds a yuan amount to a "price-list" figure and returns it in fen.
 * @param yuan amount in 元
 * @param step rounding step in 元 (10 for fees, 100 for instrument values)
 */
export function yuanToFen(yuan: number, step: number): number {
  return Math.max(step, Math.round(yuan / step) * step) * 100
}

/**
 * The short brand of a manufacturer written as '中文名（Brand）': the part before the bracket.
 * @param maker manufacturer string from the vocabulary
 */
export function makerShortName(maker: string): string {
  const i = maker.indexOf('（')
  return i > 0 ? maker.slice(0, i) : maker
}
