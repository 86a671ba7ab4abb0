import { describe, expect, it } from 'vitest'
import { languageOf, translate } from './messages.ts'

describe('languageOf', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['fr-FR, en;q=0.5', 'en'],
    ['en;q=0.3, zh-TW;q=0.8', 'zh-CN'],
    ['de', 'zh-CN'],
    ['en;q=0', 'zh-CN'],
  ])('%s → %s', (header, expected) => {
    expect(languageOf(header)).toBe(expected)
  })
})

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('zh-CN', 'error.ROUTE_NOT_FOUND', { method: 'GET', url: '/x' })).toBe('接口不存在：GET /x')
    expect(translate('en', 'error.ROUTE_NOT_FOUND', { method: 'GET' })).toBe('No such endpoint: GET {url}')
  })
})
