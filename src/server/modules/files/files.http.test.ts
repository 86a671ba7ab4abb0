import { describe, expect, it } from 'vitest'
import { contentDisposition } from './files.http.ts'

describe('contentDisposition', () => {
  it('shows images and PDF inline and offers the rest as downloads', () => {
    expect(contentDisposition('a.pdf', 'application/pdf')).toMatch(/^inline;/)
    expect(contentDisposition('a.webp', 'image/webp')).toMatch(/^inline;/)
    expect(contentDisposition('a.csv', 'text/csv')).toMatch(/^attachment;/)
    expect(contentDisposition('a.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toMatch(
      /^attachment;/,
    )
  })

  it('gives an ASCII fallback and the real name in RFC 5987 form', () => {
    expect(contentDisposition('检测报告 "终稿"; 100%.pdf', 'application/pdf')).toBe(
      `inline; filename="____ _____ 100_.pdf"; ` +
        `filename*=UTF-8''%E6%A3%80%E6%B5%8B%E6%8A%A5%E5%91%8A%20%22%E7%BB%88%E7%A8%BF%22%3B%20100%25.pdf`,
    )
    expect(contentDisposition("it's (v2)*.txt", 'text/plain')).toBe(
      `attachment; filename="it's (v2)*.txt"; filename*=UTF-8''it%27s%20%28v2%29%2A.txt`,
    )
  })
})
