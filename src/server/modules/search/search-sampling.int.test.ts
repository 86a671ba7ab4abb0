import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../../test/helpers/db.ts'
import { createNode, createOrganisation } from '../../../../test/helpers/factories.ts'
import type { TDatabase } from '../../db/pool.ts'
import { ZSearchQuery } from '#shared/contracts/search.ts'
import { groupsFraction, SAMPLE_GROUPS, sampleGroup } from './sample-groups.ts'
import { createSearchService, type TSearchOptions } from './search.service.ts'

/**
 * Large match sets (README "Large match sets"), made small: the services below count exactly only up to a
 * few matches, so the sampled paths run on a handful of documents whose ids fix their sample groups.
 */

let database: TDatabase
type TDoc = { id: string; group: number; kind: string; province: string; popularity: number; day: number }
const docs: TDoc[] = []

/** An id whose last 32 bits put it in this sample level (sample-groups.ts; levels 0–2 are group 0, 3–4 group 1 …). */
function idAt(level: number, i: number): string {
  const h = level === 0 ? i + 1 : 2 ** (19 + level) + i
  return `00000000-0000-4000-8000-0000${h.toString(16).padStart(8, '0')}`
}

const LEVELS = [0, 0, 1, 2, 3, 4, 5, 5, 6, 7, 8, 9, 10, 11, 11, 12, 12, 12, 12, 12]

beforeAll(async () => {
  database = await createTestDatabase()
  const { db } = database
  const node = await createNode(db)
  const harbin = await createOrganisation(db, node.id, {
    name: '哈尔滨抽样大学',
    region_code: '230103',
    city_code: '230100',
  })
  const wuhan = await createOrganisation(db, node.id, {
    name: '武汉抽样研究院',
    region_code: '420111',
    city_code: '420100',
  })
  const rows = LEVELS.map((level, i) => {
    const org = i % 3 === 0 ? wuhan : harbin
    // title hits of 显微镜, except the last one (an expert who mentions it); a few are much used
    const expert = i === LEVELS.length - 1
    const popularity = expert ? 5000 : i === 7 ? 1000 : i === 12 ? 300 : i === 13 ? 100 : 0
    const id = idAt(level, i)
    const doc = { id, group: sampleGroup(id), kind: expert ? 'expert' : 'instrument', popularity, day: i + 1 }
    docs.push({ ...doc, province: `${org.region_code.slice(0, 2)}0000` })
    return {
      row: {
        id: doc.id,
        kind: doc.kind,
        title: expert ? '王抽样' : `金相显微镜 ${i} 号`,
        summary: expert ? '长期从事显微镜表征' : '材料组织观察',
        owner_org_id: org.id,
        node_id: org.node_id,
        region_code: org.region_code,
        city_code: org.city_code,
        status: 'published',
        published_at: new Date(Date.UTC(2026, 0, doc.day)),
      },
      org,
    }
  })
  const inserted = await db
    .insertInto('resource')
    .values(rows.map((r) => r.row))
    .returningAll()
    .execute()
  const search = createSearchService({ db })
  await search.indexResources(
    inserted.map((r) => {
      const doc = docs.find((d) => d.id === r.id)
      const org = rows.find((x) => x.row.id === r.id)?.org
      return { ...r, owner_name: org?.name ?? '', popularity: doc?.popularity ?? 0 }
    }),
  )
})
afterAll(async () => database.close())

/**
 * What the statement counts for these matches (search-sql-sample.ts): every match, or the sample groups
 * read in order until they hold `size` rows and suggest more than `exact` matches, without a group that
 * hit the `exact` + 1 bound.
 */
function expectedSample(matches: readonly TDoc[], limits: { exact: number; size: number }) {
  let cum = 0
  let complete = -1
  for (const g of SAMPLE_GROUPS.keys()) {
    const count = matches.filter((d) => d.group === g).length
    if (count > limits.exact) break
    cum += count
    complete = g
    if (g === SAMPLE_GROUPS.length - 1) return { rows: matches, fraction: 1, exact: true }
    if (cum >= limits.size && cum > limits.exact * groupsFraction(g)) break
  }
  if (complete < 0) throw new Error('the first group is cut: choose other limits')
  return { rows: matches.filter((d) => d.group <= complete), fraction: groupsFraction(complete), exact: false }
}

const countBy = (rows: readonly TDoc[], key: (d: TDoc) => string, fraction: number) => {
  const counts = new Map<string, number>()
  for (const d of rows) counts.set(key(d), (counts.get(key(d)) ?? 0) + 1)
  return Object.fromEntries([...counts].map(([k, n]) => [k, Math.round(n / fraction)]))
}
const countsOf = (buckets: { value: string; count: number }[]) =>
  Object.fromEntries(buckets.map((b) => [b.value, b.count]))

async function run(options: TSearchOptions, query: Record<string, unknown>) {
  return createSearchService({ db: database.db }, options).search(ZSearchQuery.parse(query))
}

describe('search over a large match set (sampled)', () => {
  it('counts exactly up to the sample limit', async () => {
    const body = await run({ sampleLimit: 100 }, { q: '显微镜' })
    expect(body.total).toBe(LEVELS.length)
    expect(body.totalExact).toBe(true)
    expect(body.facetsExact).toBe(true)
    expect(countsOf(body.facets.region)).toEqual(countBy(docs, (d) => d.province, 1))
  })

  it('above it, scales the counts of the complete sample groups by their fraction', async () => {
    for (const size of [1, 5, 8, 12, 15]) {
      const body = await run({ sampleLimit: 4, sampleSize: size }, { q: '显微镜' })
      const expected = expectedSample(docs, { exact: 4, size })
      expect(body.totalExact, `size ${size}`).toBe(false)
      expect(body.facetsExact).toBe(false)
      expect(body.total, `size ${size}`).toBe(Math.round(expected.rows.length / expected.fraction))
      expect(countsOf(body.facets.region)).toEqual(countBy(expected.rows, (d) => d.province, expected.fraction))
      expect(countsOf(body.facets.kind)).toEqual(countBy(expected.rows, (d) => d.kind, expected.fraction))
    }
  })

  it('with a kind filter, counts the other kinds from a sample without it', async () => {
    const body = await run({ sampleLimit: 8, sampleSize: 12 }, { q: '显微镜', kind: 'instrument' })
    const instruments = expectedSample(
      docs.filter((d) => d.kind === 'instrument'),
      { exact: 8, size: 12 },
    )
    const all = expectedSample(docs, { exact: 8, size: 12 })
    expect(body.total).toBe(Math.round(instruments.rows.length / instruments.fraction))
    expect(countsOf(body.facets.kind)).toEqual({
      ...countBy(all.rows, (d) => d.kind, all.fraction),
      instrument: body.total,
    })
  })

  it('ranks candidates from the sample and the much-used matches, most used title hits first', async () => {
    const sample = expectedSample(docs, { exact: 6, size: 8 })
    const sampled = await run({ sampleLimit: 6, sampleSize: 8 }, { q: '显微镜', pageSize: 3 })
    const exact = await run({ sampleLimit: 100 }, { q: '显微镜', pageSize: 3 })
    const byPopularity = (p: number) => docs.find((d) => d.popularity === p)?.id as string
    const sampleIds = sample.rows.map((d) => d.id)
    // 1000 is in the sample; 300 is not, but is much used (popularity ≥ 256); 100 is neither
    expect(sampleIds).toContain(byPopularity(1000))
    expect(sampleIds).not.toContain(byPopularity(300))
    expect(sampleIds).not.toContain(byPopularity(100))
    expect(exact.items.map((i) => i.id)).toEqual([byPopularity(1000), byPopularity(300), byPopularity(100)])
    expect(sampled.items.map((i) => i.id).slice(0, 2)).toEqual([byPopularity(1000), byPopularity(300)])
    expect(sampleIds).toContain(sampled.items[2]?.id)
  })

  it('sorts a sampled match set by popularity and by date over every match', async () => {
    const popular = await run({ sampleLimit: 3 }, { q: '显微镜', sort: 'popular', pageSize: 3 })
    expect(popular.items.map((i) => i.popularity)).toEqual([5000, 1000, 300])
    const newest = await run({ sampleLimit: 3 }, { q: '显微镜', sort: 'newest', pageSize: 3 })
    const latest = [...docs].sort((a, b) => b.day - a.day).slice(0, 3)
    expect(newest.items.map((i) => i.id)).toEqual(latest.map((d) => d.id))
    const deep = await run({ sampleLimit: 3, candidateLimit: 2 }, { q: '显微镜', page: 2, pageSize: 2 })
    const exactDeep = await run({ sampleLimit: 100, candidateLimit: 2 }, { q: '显微镜', page: 2, pageSize: 2 })
    expect(deep.items.map((i) => i.id)).toEqual(exactDeep.items.map((i) => i.id))
  })

  it('browses everything by a sample too', async () => {
    const body = await run({ sampleLimit: 6 }, {})
    const expected = expectedSample(docs, { exact: 6, size: 250 })
    expect(body.matchMode).toBe('browse')
    expect(body.total).toBe(Math.round(expected.rows.length / expected.fraction))
    expect(body.items.map((i) => i.id)).toEqual(
      [...docs]
        .sort((a, b) => b.day - a.day)
        .map((d) => d.id)
        .slice(0, 20),
    )
  })

  it('keeps the sample group of each document in a column, as sample-groups.ts computes it', async () => {
    const { rows } = await database.pool.query<{ id: string; g: number }>(
      'select resource_id as id, sample_group as g from search_document order by resource_id',
    )
    expect(rows.map((r) => r.g)).toEqual(rows.map((r) => sampleGroup(r.id)))
    expect(new Set(docs.map((d) => d.group))).toEqual(new Set([0, 1, 2, 3, 4, 5]))
  })

  it('estimates pinyin matches from the first blocks of the table', async () => {
    const body = await run({ sampleLimit: 4 }, { q: 'jinxiang' })
    expect(body.matchMode).toBe('words')
    expect(body.totalExact).toBe(false)
    expect(body.total).toBeGreaterThanOrEqual(5)
    expect(body.items.length).toBeGreaterThan(0)
  })
})
