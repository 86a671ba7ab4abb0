import { describe, expect, it } from 'vitest'
import { CsvError, parseCsv, parseCsvRecords } from './csv.ts'

describe('parseCsv', () => {
  it('splits plain fields and records', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ])
  })

  it('accepts CRLF and a missing final line break', () => {
    expect(parseCsv('a,b\r\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ])
  })

  it('keeps commas, line breaks and doubled quotes inside quoted fields', () => {
    const text = 'id,text\n1,"仪器,设备"\n2,"第一行\r\n第二行"\n3,"他说""好"""\n'
    expect(parseCsv(text)).toEqual([
      ['id', 'text'],
      ['1', '仪器,设备'],
      ['2', '第一行\r\n第二行'],
      ['3', '他说"好"'],
    ])
  })

  it('keeps empty fields, including empty quoted ones and a trailing one', () => {
    expect(parseCsv('a,,"",d,\n')).toEqual([['a', '', '', 'd', '']])
  })

  it('reads an empty line in the middle as one empty field, and ignores a BOM', () => {
    expect(parseCsv('\uFEFFa\n\nb\n')).toEqual([['a'], [''], ['b']])
  })

  it('returns nothing for empty input', () => {
    expect(parseCsv('')).toEqual([])
  })

  it('rejects an unterminated quoted field, naming the line it starts on', () => {
    expect(() => parseCsv('a\n"open\nstill open')).toThrow(new CsvError('unterminated quoted field', 2))
  })

  it('rejects text after a closing quote and a quote inside an unquoted field', () => {
    expect(() => parseCsv('"a"b,c')).toThrow(CsvError)
    expect(() => parseCsv('a"b,c')).toThrow('quote inside an unquoted field (line 1)')
  })
})

describe('parseCsvRecords', () => {
  it('maps records to objects by header name', () => {
    expect(parseCsvRecords('id,title\nx1,"A, B"\n')).toEqual([{ id: 'x1', title: 'A, B' }])
  })

  it('refuses a record with the wrong number of fields', () => {
    expect(() => parseCsvRecords('a,b\n1\n')).toThrow('data record 1 has 1 fields, the header has 2')
  })
})
