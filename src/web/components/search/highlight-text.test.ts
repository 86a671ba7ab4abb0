import { describe, expect, it } from 'vitest'
import { splitHighlight } from './highlight-text.tsx'

describe('splitHighlight', () => {
  it('marks the runs between <mark> and </mark> and unescapes the rest', () => {
    expect(splitHighlight('场发射<mark>扫描电子显微镜</mark> &lt;b&gt;R&amp;D&#39;s&quot;')).toEqual([
      { text: '场发射', isMarked: false },
      { text: '扫描电子显微镜', isMarked: true },
      { text: ` <b>R&D's"`, isMarked: false },
    ])
  })

  it('keeps any other markup as text', () => {
    expect(splitHighlight('<img src=x onerror=alert(1)>')).toEqual([
      { text: '<img src=x onerror=alert(1)>', isMarked: false },
    ])
  })
})
