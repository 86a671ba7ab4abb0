import { describe, expect, it } from 'vitest'
import { facetLexemes, filterTsquery } from './facet-lexemes.ts'
import { pinyinMatchRanges, pinyinOf } from './pinyin.ts'
import { planQuery } from './query-plan.ts'
import { buildTsvector, quoteLexeme, writeTsquery } from './tsvector.ts'

describe('tsvector and tsquery literals', () => {
  it('quotes lexemes and tags positions with weights (D without a letter)', () => {
    expect(quoteLexeme("it's \\")).toBe("'it''s \\\\'")
    expect(buildTsvector({ A: ['拉曼', '光谱仪'], C: ['拉曼'], D: ['哈尔滨'] })).toBe(
      "'拉曼':1A,3C '光谱仪':2A '哈尔滨':4",
    )
  })

  it('writes trees, dropping duplicates and one-element groups', () => {
    expect(writeTsquery({ all: [{ lexeme: 'a' }, { any: [{ lexeme: 'b' }, { lexeme: 'b' }] }] })).toBe("( 'a' & 'b' )")
    expect(writeTsquery({ any: [] })).toBe('')
  })
})

describe('planQuery', () => {
  it('requires every word, each through its synonyms', () => {
    const plan = planQuery('电镜 哈尔滨')
    expect(plan.allWords).toBe("( ( '电镜' | ( '电子显微镜' | ( '电子' & '显微镜' ) ) ) & '哈尔滨' )")
    expect(plan.anyWord).toContain('|')
    expect(plan.terms).toEqual(expect.arrayContaining(['电镜', '电子显微镜', '哈尔滨']))
  })

  it('lets a long word match through its pieces', () => {
    expect(planQuery('拉曼光谱仪').allWords).toBe("( '拉曼光谱仪' | ( '拉曼' & '光谱仪' ) )")
  })

  it('keeps a pinyin key for Latin-letter queries only', () => {
    expect(planQuery('LM GPY').pinyinKey).toBe('lmgpy')
    expect(planQuery('K6588').pinyinKey).toBeNull()
    expect(planQuery('拉曼').pinyinKey).toBeNull()
  })

  it('has nothing to search for stop words and punctuation', () => {
    expect(planQuery('的，').allWords).toBeNull()
  })
})

describe('pinyin', () => {
  it('gives full pinyin and initials, keeping Latin letters and digits', () => {
    expect(pinyinOf('激光显微拉曼光谱仪')).toEqual({ full: 'jiguangxianweilamanguangpuyi', initials: 'jgxwlmgpy' })
    expect(pinyinOf('实时荧光定量PCR仪').initials).toBe('ssygdlpcry')
    expect(pinyinOf('单伟', true).full).toBe('shanwei')
  })

  it('finds where a pinyin key matches in the title', () => {
    expect(pinyinMatchRanges('激光显微拉曼光谱仪', 'lmgpy')).toEqual([[4, 9]])
    expect(pinyinMatchRanges('激光显微拉曼光谱仪', 'laman')).toEqual([[4, 6]])
    expect(pinyinMatchRanges('激光显微拉曼光谱仪', 'xyz')).toEqual([])
  })
})

describe('filter lexemes', () => {
  it('writes every level of hierarchical codes, so a prefix filter is one lexeme', () => {
    const lexemes = facetLexemes({
      kind: 'instrument',
      provinceCode: '230000',
      cityCode: '230100',
      regionCode: '230103',
      ownerOrgId: 'o1',
      disciplineCode: '43025',
      industryCode: 'M745',
      category: '0104',
      categoryTop: '01',
      sharingLevel: 'paid',
    })
    expect(lexemes).toEqual(
      expect.arrayContaining(['kind:instrument', 'prov:230000', 'city:230100', 'reg:230103', 'org:o1', 'share:paid']),
    )
    expect(lexemes).toEqual(
      expect.arrayContaining(['dis:430', 'dis:43025', 'ind:M', 'ind:M74', 'ind:M745', 'cat:01', 'cat:0104']),
    )
    expect(lexemes).not.toContain('ind:M7')
  })

  it('requires each filter, and any of the kinds', () => {
    const region = { column: 'city_code', code: '230100' } as const
    const filters = { region, discipline: null, industry: 'M74', category: null, orgId: null, sharing: null }
    expect(filterTsquery(filters, ['instrument', 'lab'])).toBe(
      "( 'kind:instrument' | 'kind:lab' ) & 'city:230100' & 'ind:M74'",
    )
    expect(filterTsquery({ ...filters, region: null, industry: null })).toBe('')
  })
})
