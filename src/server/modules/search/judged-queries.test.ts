import { describe, expect, it } from 'vitest'
import { buildDemoDataset } from '../../../../scripts/demo/index.ts'
import { gradeOf, JUDGED_QUERIES } from './judged-queries.ts'

const docs = buildDemoDataset()
  .resources.filter((r) => r.status === 'published')
  .map((r) => ({ kind: r.kind, title: r.title, summary: r.summary, tags: r.tags, regionCode: r.region_code }))

describe('judged queries', () => {
  it('are at least 50, each written once', () => {
    expect(JUDGED_QUERIES.length).toBeGreaterThanOrEqual(50)
    const keys = JUDGED_QUERIES.map((q) => `${q.q}?${new URLSearchParams(q.params ?? {}).toString()}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it.each(JUDGED_QUERIES.map((q) => [q.q, q] as const))('%s has an exact answer in the demo data', (_q, query) => {
    expect(docs.some((doc) => gradeOf(query, doc) === 2)).toBe(true)
  })

  it('grades by the best rule a document satisfies', () => {
    const query = {
      q: 'x',
      relevant: [
        { grade: 1, title: /镜/ },
        { grade: 2, title: /电子显微镜/, kind: 'instrument' },
      ],
    } as const
    const doc = { kind: 'instrument', title: '透射电子显微镜', summary: '', tags: [], regionCode: '230103' }
    expect(gradeOf(query, doc)).toBe(2)
    expect(gradeOf(query, { ...doc, kind: 'expert' })).toBe(1)
    expect(gradeOf(query, { ...doc, title: '拉曼' })).toBe(0)
  })
})
