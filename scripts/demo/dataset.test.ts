import { describe, expect, it } from 'vitest'
import {
  cityCodeOf,
  findDiscipline,
  findIndustry,
  findInstrumentCategory,
  findRegion,
} from '#shared/codes/index.ts'
import { RESOURCE_KINDS } from '#shared/resource-kinds.ts'
import { isCnMobile, isUSCC } from '#shared/validators/index.ts'
import { buildDemoDataset, countDataset } from './build-dataset.ts'
import { loadRealData } from './real-data.ts'
import { DEFAULT_NOW } from './time.ts'

const dataset = buildDemoDataset()
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** GB/T 4754 as the schema stores it: the 门类 letter, then the 大类/中类 digits of that letter. */
function isIndustryCode(code: string): boolean {
  const letter = code.charAt(0)
  const digits = code.slice(1)
  if (digits === '') return findIndustry(letter) !== null
  const hit = findIndustry(digits)
  return hit !== null && hit.ancestors[0]?.code === letter
}

describe('loadRealData', () => {
  it('parses every record of the bundled CSV files', () => {
    const real = loadRealData()
    expect(real.papers).toHaveLength(2000)
    // 696 rows, of which 32 have no publication number and a few no title
    expect(real.patents.length).toBeGreaterThan(650)
    expect(real.patents.length).toBeLessThanOrEqual(664)
    expect(real.papers.every((p) => p.id.startsWith('csl-') && p.title.length > 0)).toBe(true)
  })
})

describe('buildDemoDataset', () => {
  it('is deterministic for a seed and differs for another seed', () => {
    const again = buildDemoDataset()
    expect(again).toEqual(dataset)
    const other = buildDemoDataset({ seed: 7 })
    expect(other.nodes[0]?.id).not.toBe(dataset.nodes[0]?.id)
    expect(JSON.stringify(other.resources)).not.toBe(JSON.stringify(dataset.resources))
  })

  it('meets the minimum counts, with every resource kind present at least five times', () => {
    const counts = countDataset(dataset)
    expect(counts.organisation).toBeGreaterThanOrEqual(60)
    expect(counts['resource.instrument']).toBeGreaterThanOrEqual(300)
    expect(counts['resource.expert']).toBeGreaterThanOrEqual(500)
    expect((counts['resource.achievement'] ?? 0) + (counts['resource.patent'] ?? 0)).toBeGreaterThanOrEqual(300)
    expect(counts['resource.literature']).toBeGreaterThanOrEqual(200)
    expect(counts['resource.service']).toBeGreaterThanOrEqual(60)
    expect(counts.demand).toBeGreaterThanOrEqual(120)
    for (const kind of RESOURCE_KINDS) expect(counts[`resource.${kind}`], kind).toBeGreaterThanOrEqual(5)
  })

  it('gives every organisation a valid, unique 统一社会信用代码 and mostly approved status', () => {
    const codes = dataset.organisations.map((o) => o.credit_code)
    for (const code of codes) expect(isUSCC(code), code).toBe(true)
    expect(new Set(codes).size).toBe(codes.length)
    const pending = dataset.organisations.filter((o) => o.status === 'pending').length
    expect(pending).toBeGreaterThan(0)
    expect(pending).toBeLessThan(10)
  })

  it('uses region codes that resolve, with city codes that match, in at least 12 cities', () => {
    const rows = [...dataset.organisations, ...dataset.resources, ...dataset.demands]
    for (const row of rows) {
      expect(findRegion(row.region_code), row.region_code).not.toBeNull()
      expect(row.city_code).toBe(cityCodeOf(row.region_code))
    }
    for (const node of dataset.nodes) expect(findRegion(node.region_code), node.code).not.toBeNull()
    expect(new Set(dataset.organisations.map((o) => o.city_code)).size).toBeGreaterThanOrEqual(12)
  })

  it('gives every instrument a category, model, manufacturer, value and fee standard', () => {
    const instruments = dataset.resources.filter((r) => r.kind === 'instrument')
    for (const row of instruments) {
      const a = row.attributes
      expect(findInstrumentCategory(row.category ?? ''), row.title).not.toBeNull()
      expect(typeof a.model === 'string' && a.model.length > 0).toBe(true)
      expect(typeof a.manufacturer === 'string' && a.manufacturer.length > 0).toBe(true)
      expect(Number.isSafeInteger(a.originalValueFen) && (a.originalValueFen as number) > 0).toBe(true)
      expect(a.purchaseDate as string < '2026-11-01').toBe(true)
      expect(a.feeStandard).toMatchObject({ unit: expect.stringMatching(/^(hour|sample)$/) })
    }
  })

  it('uses discipline and industry codes that exist in the code tables', () => {
    for (const row of dataset.resources) {
      if (row.discipline_code) expect(findDiscipline(row.discipline_code), row.discipline_code).not.toBeNull()
      if (row.industry_code) expect(isIndustryCode(row.industry_code), row.industry_code).toBe(true)
    }
    for (const row of dataset.demands) expect(isIndustryCode(row.industry_code ?? ''), row.title).toBe(true)
  })

  it('builds node paths from the parent path and ids that are unique v4-shaped UUIDs', () => {
    const byId = new Map(dataset.nodes.map((n) => [n.id, n]))
    for (const node of dataset.nodes) {
      const parent = node.parent_id ? byId.get(node.parent_id) : undefined
      expect(node.path).toBe(`${parent?.path ?? '/'}${node.id}/`)
    }
    const ids = [...dataset.nodes, ...dataset.organisations, ...dataset.resources, ...dataset.demands, ...dataset.users].map(
      (r) => r.id,
    )
    for (const id of ids) expect(id).toMatch(UUID)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('publishes rows within the two years before now, and keeps open demands open', () => {
    const twoYearsAgo = DEFAULT_NOW.getTime() - 731 * 86_400_000
    for (const row of [...dataset.resources, ...dataset.demands]) {
      if (row.status === 'published') expect(row.published_at).toBeInstanceOf(Date)
      if (row.published_at instanceof Date) {
        expect(row.published_at.getTime()).toBeLessThan(DEFAULT_NOW.getTime())
        expect(row.published_at.getTime()).toBeGreaterThan(twoYearsAgo)
      }
    }
    for (const demand of dataset.demands) {
      if (demand.status === 'published' && demand.deadline) expect(demand.deadline > '2026-11-01').toBe(true)
    }
    const published = dataset.resources.filter((r) => r.status === 'published').length
    expect(published / dataset.resources.length).toBeGreaterThan(0.8)
  })

  it('attributes every row built from real data to its dataset and licence', () => {
    const real = dataset.resources.filter((r) => ['achievement', 'patent', 'literature'].includes(r.kind))
    for (const row of real) {
      expect(row.attributes.source).toMatchObject({ licence: expect.stringMatching(/^(Apache-2\.0|MIT)$/) })
    }
  })

  it('uses valid-format mobile numbers and example.com addresses for every contact', () => {
    for (const row of dataset.resources) {
      if (!row.contact) continue
      expect(isCnMobile(row.contact.phone), row.contact.phone).toBe(true)
      expect(row.contact.email).toMatch(/^[a-z]+@[a-z0-9]+\.example\.com$/)
    }
  })

  it('has one account per role, each with a grant on an existing node or organisation', () => {
    expect(dataset.accounts.map((a) => a.role)).toEqual([
      'platform_admin',
      'node_admin',
      'node_operator',
      'org_admin',
      'member',
      'instrument_manager',
      'expert',
      'gov_manager',
      'auditor',
    ])
    const nodeIds = new Set(dataset.nodes.map((n) => n.id))
    const orgIds = new Set(dataset.organisations.map((o) => o.id))
    for (const grant of dataset.grants) {
      expect(grant.node_id ? nodeIds.has(grant.node_id) : orgIds.has(grant.org_id ?? '')).toBe(true)
    }
    for (const user of dataset.users) expect(isCnMobile(user.phone)).toBe(true)
    const expertUser = dataset.users[dataset.accounts.findIndex((a) => a.role === 'expert')]
    expect(dataset.resources.some((r) => r.kind === 'expert' && r.attributes.userId === expertUser?.id)).toBe(true)
  })
})
