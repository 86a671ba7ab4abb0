import { describe, expect, it } from 'vitest'
import { CsvFormatError, createCsvParser } from './import-csv.ts'

/** Parses `text` cut into chunks of `size` characters. */
function parseInChunks(text: string, size: number): string[][] {
  const parser = createCsvParser()
  const rows: string[][] = []
  for (let i = 0; i < text.length; i += size) rows.push(...parser.push(text.slice(i, i + size)))
  rows.push(...parser.end())
  return rows
}

const SAMPLE = '\uFEFF名称,说明,价格\r\n"电镜, 场发射","多行\n说明 ""引号""",1200.50\r\n普通,,\r\n'

describe('createCsvParser', () => {
  it('reads quoted commas, line breaks and doubled quotes; drops the BOM', () => {
    expect(parseInChunks(SAMPLE, 10_000)).toEqual([
      ['名称', '说明', '价格'],
      ['电镜, 场发射', '多行\n说明 "引号"', '1200.50'],
      ['普通', '', ''],
    ])
  })

  it('gives the same records whatever the chunk boundaries (CRLF and "" split across chunks)', () => {
    const whole = parseInChunks(SAMPLE, 10_000)
    for (const size of [1, 2, 3, 5, 7]) expect(parseInChunks(SAMPLE, size)).toEqual(whole)
  })

  it('accepts LF and CR line ends and a last line without a break', () => {
    expect(parseInChunks('a,b\nc,d\re,f', 4)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ])
  })

  it('keeps a quote inside an unquoted field as a character', () => {
    expect(parseInChunks('5" 屏幕,x\n', 3)).toEqual([['5" 屏幕', 'x']])
  })

  it('makes an empty line one record with one empty field', () => {
    expect(parseInChunks('a\n\nb\n', 2)).toEqual([['a'], [''], ['b']])
  })

  it('refuses an unterminated quoted field, naming the row', () => {
    const parser = createCsvParser()
    parser.push('a,b\n"open')
    expect(() => parser.end()).toThrow(CsvFormatError)
    expect(() => createCsvParser().end()).not.toThrow()
  })
})
