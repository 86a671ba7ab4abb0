import { describe, expect, it } from 'vitest'
import { findSynonyms, SYNONYM_GROUPS, synonymsOf } from './synonyms.ts'

describe('synonym table', () => {
  it('is lower case, and no term belongs to two groups', () => {
    const terms = SYNONYM_GROUPS.flat()
    for (const term of terms) expect(term).toBe(term.toLowerCase())
    expect(new Set(terms).size).toBe(terms.length)
  })

  it.each([
    ['电镜', '电子显微镜'],
    ['sem', '扫描电子显微镜'],
    ['扫描电镜', 'sem'],
    ['tem', '透射电镜'],
    ['hplc', '高效液相色谱'],
    ['gc-ms', '气质联用'],
    ['nmr', '核磁共振'],
    ['xrd', 'x射线衍射'],
    ['pcr', '聚合酶链式反应'],
  ])('%s ↔ %s', (a, b) => {
    expect(synonymsOf(a)).toContain(b)
    expect(synonymsOf(b)).toContain(a)
  })

  it('leaves unknown terms alone', () => {
    expect(synonymsOf('Raman光谱')).toEqual(['raman光谱'])
  })
})

describe('findSynonyms', () => {
  it('prefers the longest run of words: 扫描电镜 is SEM, not 电镜', () => {
    const hits = findSynonyms(['扫描电镜', '哈尔滨'])
    expect(hits).toEqual([{ start: 0, end: 1, terms: expect.arrayContaining(['sem']) }])
  })

  it('joins words and punctuation: gc - ms is one term', () => {
    expect(findSynonyms(['gc', '-', 'ms', '分析'])[0]).toMatchObject({ start: 0, end: 3 })
    expect(findSynonyms(['gc', '分析'])[0]?.terms).toContain('气相色谱')
  })

  it('matches Latin terms as whole words only', () => {
    expect(findSynonyms(['system', '测试'])).toEqual([])
  })
})
