import { describe, expect, it } from 'vitest'
import { escapeHtml, highlight, mergeRanges } from './highlight.ts'

describe('highlight', () => {
  it('marks every occurrence, case-insensitively, and escapes the rest', () => {
    expect(highlight('HPLC <高效> & hplc', ['hplc'])).toBe('<mark>HPLC</mark> &lt;高效&gt; &amp; <mark>hplc</mark>')
  })

  it('merges overlapping and touching terms into one mark', () => {
    expect(highlight('高效液相色谱仪', ['液相', '色谱', '相色谱'])).toBe('高效<mark>液相色谱</mark>仪')
  })

  it('matches Latin terms as whole words only', () => {
    expect(highlight('TEM system', ['tem'])).toBe('<mark>TEM</mark> system')
  })

  it('marks extra ranges (a pinyin match) and escapes inside marks', () => {
    expect(highlight('激光拉曼<光谱仪>', [], { ranges: [[2, 4]] })).toBe('激光<mark>拉曼</mark>&lt;光谱仪&gt;')
    expect(highlight('a<b', ['<'])).toBe('a<mark>&lt;</mark>b')
  })

  it('cuts a snippet around the first match', () => {
    const text = `${'前'.repeat(50)}拉曼${'后'.repeat(50)}`
    const html = highlight(text, ['拉曼'], { maxLength: 20 })
    expect(html).toBe(`…${'前'.repeat(5)}<mark>拉曼</mark>${'后'.repeat(13)}…`)
    expect(highlight('短文本', ['拉曼'], { maxLength: 20 })).toBe('短文本')
  })

  it('escapes quotes and merges ranges', () => {
    expect(escapeHtml(`"'&`)).toBe('&quot;&#39;&amp;')
    expect(
      mergeRanges([
        [5, 7],
        [0, 2],
        [2, 3],
        [6, 9],
      ]),
    ).toEqual([
      [0, 3],
      [5, 9],
    ])
  })
})
