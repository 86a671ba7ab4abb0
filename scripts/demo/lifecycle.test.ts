import { describe, expect, it } from 'vitest'
import { checkAttributes } from '#shared/catalog/kind-fields.ts'
import { ZResourceContent } from '#shared/contracts/catalog-write.ts'
import { contentOfRow } from '#server/modules/catalog/catalog-content.ts'
import { buildDemoDataset } from './build-dataset.ts'
import { demoLifecycle, demoRevisions, demoVersionRows } from './lifecycle.ts'

const dataset = buildDemoDataset()

describe('demo resources and the catalogue lifecycle', () => {
  it('every demo resource is content the write side accepts, so providers can edit it as it is', () => {
    for (const r of dataset.resources) {
      expect(ZResourceContent.safeParse(contentOfRow({ ...r, audience: 'public' }, [])).error, r.id).toBeUndefined()
      expect(checkAttributes(r.kind, r.attributes), `${r.kind} ${r.id}`).toEqual([])
    }
  })

  it('published and offline resources get unique identifiers numbered by publication; the rest none', () => {
    const { byId, cstrCount } = demoLifecycle(dataset.resources)
    const given = dataset.resources.filter((r) => byId.get(r.id)?.cstr)
    expect(given.every((r) => r.status === 'published' || r.status === 'offline')).toBe(true)
    expect(given).toHaveLength(cstrCount)
    expect(new Set(given.map((r) => byId.get(r.id)?.cstr)).size).toBe(cstrCount)
    const submitted = dataset.resources.filter((r) => r.status === 'submitted')
    expect(submitted.length).toBeGreaterThan(0)
    expect(submitted.every((r) => byId.get(r.id)?.submitted_at)).toBe(true)
  })

  it('every resource has version 1; three of 牡丹江 wait with a submitted revision', () => {
    expect(demoVersionRows(dataset.resources)).toHaveLength(dataset.resources.length)
    const { revisions, versions, revisedIds } = demoRevisions(dataset.resources, dataset.nodes)
    expect(revisions).toHaveLength(3)
    expect(revisions.every((r) => r.status === 'submitted')).toBe(true)
    expect(versions.map((v) => v.version)).toEqual([2, 3, 2, 3, 2, 3])
    expect(revisedIds.size).toBe(3)
  })
})
