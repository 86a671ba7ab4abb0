import { describe, expect, it } from 'vitest'
import { copyField, resourceCopyLine, RESOURCE_COPY_COLUMNS, textArrayLiteral } from './copy-text.ts'
import type { TDemoResource } from './resource-base.ts'

describe('copyField', () => {
  it('writes NULL as \\N and escapes backslash, tab, newline and carriage return', () => {
    expect(copyField(null)).toBe('\\N')
    expect(copyField('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re')
    expect(copyField('场发射扫描电子显微镜')).toBe('场发射扫描电子显微镜')
  })
})

describe('textArrayLiteral', () => {
  it('quotes every element and escapes quotes and backslashes inside them', () => {
    expect(textArrayLiteral([])).toBe('{}')
    expect(textArrayLiteral(['电镜', 'a,b', 'say "hi"', 'x\\y'])).toBe('{"电镜","a,b","say \\"hi\\"","x\\\\y"}')
  })
})

describe('resourceCopyLine', () => {
  it('writes one tab-separated line with a column per RESOURCE_COPY_COLUMNS entry', () => {
    const at = new Date('2026-01-02T03:04:05.000Z')
    const row: TDemoResource = {
      id: '00000000-0000-4000-8000-000000000000',
      kind: 'instrument',
      title: 'X射线衍射仪',
      summary: '第一行\n第二行',
      owner_org_id: '11111111-1111-4111-8111-111111111111',
      node_id: '22222222-2222-4222-8222-222222222222',
      region_code: '231004',
      city_code: '231000',
      discipline_code: null,
      industry_code: 'M745',
      category: '0103',
      tags: ['XRD'],
      sharing_level: 'paid',
      status: 'published',
      contact: null,
      attributes: { indicators: '1. a\n2. b' },
      created_at: at,
      updated_at: at,
      published_at: null,
    }
    const line = resourceCopyLine(row)
    expect(line.endsWith('\n')).toBe(true)
    const fields = line.slice(0, -1).split('\t')
    expect(fields).toHaveLength(RESOURCE_COPY_COLUMNS.length)
    expect(fields[2]).toBe('第一行\\n第二行')
    expect(fields[7]).toBe('\\N')
    expect(fields[10]).toBe('{"XRD"}')
    // JSON escapes the newline as backslash-n; COPY then doubles the backslash
    expect(fields[14]).toBe('{"indicators":"1. a\\\\n2. b"}')
    expect(fields[15]).toBe('2026-01-02T03:04:05.000Z')
  })
})
