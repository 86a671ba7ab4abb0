import { describe, expect, it } from 'vitest'
import { cutQuery, normalizeText, piecesOf, tokenizeText, tokenizeTitle } from './tokenizer.ts'

describe('tokenizer', () => {
  it.each([
    ['气相色谱', '气相色谱'],
    ['机时', '机时'],
    ['比表面积', '比表面积'],
    ['流式细胞仪', '流式细胞仪'],
    ['差示扫描量热仪', '差示扫描量热仪'],
    ['金相显微镜', '金相显微镜'],
  ])('keeps the domain term %s whole (the general dictionary splits it)', (text, word) => {
    expect(cutQuery(text)).toEqual([word])
  })

  it('emits the dictionary words inside a title, so a shorter query finds the longer title', () => {
    const tokens = tokenizeTitle('激光显微拉曼光谱仪')
    expect(tokens).toEqual(expect.arrayContaining(['拉曼', '拉曼光谱仪', '光谱仪', '激光']))
    expect(tokenizeTitle('高效液相色谱仪')).toEqual(expect.arrayContaining(['液相色谱', '高效液相色谱', '色谱']))
  })

  it('cuts long text in search mode and drops punctuation and stop words', () => {
    const tokens = tokenizeText('场发射扫描电子显微镜的形貌分析，（EDS）')
    expect(tokens).toEqual(expect.arrayContaining(['扫描电子显微镜', '扫描', '电子', '显微镜', '形貌', 'eds']))
    expect(tokens).not.toContain('的')
    expect(tokens).not.toContain('，')
  })

  it('normalises full-width characters and case the same way for documents and queries', () => {
    expect(normalizeText('ＨＰＬＣ（Ａｇｉｌｅｎｔ）')).toBe('hplc(agilent)')
    expect(tokenizeText('ＨＰＬＣ')).toEqual(['hplc'])
  })

  it('covers a long query word with the fewest pieces, or not at all', () => {
    expect(piecesOf('液相色谱')).toEqual(['液相', '色谱'])
    expect(piecesOf('扫描电子显微镜')).toEqual(['扫描', '电子', '显微镜'])
    expect(piecesOf('3d打印')).toEqual([])
    expect(piecesOf('拉曼')).toEqual([])
  })
})
