import { describe, expect, it } from 'vitest'
import {
  CELL_ERROR,
  cellText,
  dateCellText,
  fenToYuanText,
  parseDate,
  parseInteger,
  parseList,
  parseOption,
  parseYuanToFen,
  unguardCsvText,
} from './import-cells.ts'

const fen = (text: string) => parseYuanToFen(text)

describe('parseYuanToFen (yuan in files → integer fen)', () => {
  it('accepts whole yuan and up to two decimals', () => {
    expect(fen('0')).toEqual({ ok: true, value: 0 })
    expect(fen('12')).toEqual({ ok: true, value: 1200 })
    expect(fen('12.3')).toEqual({ ok: true, value: 1230 })
    expect(fen('12.34')).toEqual({ ok: true, value: 1234 })
    expect(fen('0.01')).toEqual({ ok: true, value: 1 })
  })

  it('is exact where floating point is not (0.29 yuan is 29 fen, not 28.999…)', () => {
    expect(fen('0.29')).toEqual({ ok: true, value: 29 })
    expect(fen('1234567.89')).toEqual({ ok: true, value: 123456789 })
  })

  it('accepts thousands separators in the right places (Excel writes them into CSV)', () => {
    expect(fen('1,200.50')).toEqual({ ok: true, value: 120050 })
    expect(fen('12,345,678')).toEqual({ ok: true, value: 1234567800 })
  })

  it('refuses misplaced separators', () => {
    expect(fen('1,20.5')).toMatchObject({ ok: false, key: 'catalogImport.FEN_FORMAT' })
    expect(fen('1200,50')).toMatchObject({ ok: false, key: 'catalogImport.FEN_FORMAT' })
  })

  it('refuses a third decimal instead of rounding', () => {
    expect(fen('12.345')).toMatchObject({ ok: false, key: 'catalogImport.FEN_DECIMALS' })
    expect(fen('0.001')).toMatchObject({ ok: false, key: 'catalogImport.FEN_DECIMALS' })
  })

  it('refuses negative amounts', () => {
    expect(fen('-1')).toMatchObject({ ok: false, key: 'catalogImport.FEN_NEGATIVE' })
    expect(fen('-0.50')).toMatchObject({ ok: false, key: 'catalogImport.FEN_NEGATIVE' })
  })

  it('refuses other shapes: currency signs, exponents, words, a bare point', () => {
    for (const text of ['¥12', '12元', '1e3', 'abc', '.5', '12.', '']) {
      expect(fen(text)).toMatchObject({ ok: false, key: 'catalogImport.FEN_FORMAT' })
    }
  })

  it('refuses amounts above 100 billion yuan', () => {
    expect(fen('100000000000')).toEqual({ ok: true, value: 1e13 })
    expect(fen('100000000000.01')).toMatchObject({ ok: false, key: 'catalogImport.FEN_TOO_LARGE' })
  })

  it('writes fen back as yuan with two decimals', () => {
    expect(fenToYuanText(120050)).toBe('1200.50')
    expect(fenToYuanText(5)).toBe('0.05')
    expect(fen(fenToYuanText(987654321))).toEqual({ ok: true, value: 987654321 })
  })
})

describe('cellText', () => {
  it('normalises what exceljs gives', () => {
    expect(cellText('  a  ')).toBe('a')
    expect(cellText('   ')).toBeNull()
    expect(cellText(null)).toBeNull()
    expect(cellText(12.5)).toBe('12.5')
    expect(cellText(13912345678)).toBe('13912345678')
    expect(cellText(new Date('2020-06-30T00:00:00Z'))).toBe('2020-06-30')
    expect(cellText({ richText: [{ text: '场发射' }, { text: '电镜' }] })).toBe('场发射电镜')
    expect(cellText({ formula: 'A1*2', result: 24 })).toBe('24')
    expect(cellText({ text: '官网', hyperlink: 'https://example.cn' })).toBe('官网')
    expect(cellText({ error: '#N/A' })).toBe(CELL_ERROR)
  })

  it('reads whole numbers in date columns as Excel serials', () => {
    expect(dateCellText(43832)).toBe('2020-01-02')
    expect(dateCellText('2020-01-02')).toBe('2020-01-02')
  })
})

describe('other parsers', () => {
  it('dates: YYYY-MM-DD (and Excel CSV forms), real calendar days only', () => {
    expect(parseDate('2020-06-30')).toEqual({ ok: true, value: '2020-06-30' })
    expect(parseDate('2020/6/3')).toEqual({ ok: true, value: '2020-06-03' })
    expect(parseDate('2023-02-30')).toMatchObject({ ok: false, key: 'catalogImport.DATE_INVALID' })
    expect(parseDate('30.06.2020')).toMatchObject({ ok: false, key: 'catalogImport.DATE_FORMAT' })
  })

  it('integers: whole numbers in range', () => {
    expect(parseInteger('8760', 0, 8784)).toEqual({ ok: true, value: 8760 })
    expect(parseInteger('12.0', 0, 100)).toMatchObject({ ok: false, key: 'catalogImport.NOT_INT' })
    expect(parseInteger('9000', 0, 8784)).toMatchObject({
      ok: false,
      key: 'catalogImport.OUT_OF_RANGE',
      vars: { min: 0, max: 8784 },
    })
  })

  it('lists: split on Chinese and ASCII separators, without repeats', () => {
    expect(parseList('电镜；形貌分析、 能谱,电镜', 20, 30)).toEqual({ ok: true, value: ['电镜', '形貌分析', '能谱'] })
    expect(parseList('a;b;c', 2, 30)).toMatchObject({ ok: false, key: 'catalogImport.LIST_TOO_MANY' })
  })

  it('options: the stored value or its Chinese word', () => {
    const words = { free: '免费', paid: '收费' }
    expect(parseOption('收费', ['free', 'paid'], words)).toEqual({ ok: true, value: 'paid' })
    expect(parseOption('free', ['free', 'paid'], words)).toEqual({ ok: true, value: 'free' })
    expect(parseOption('付费', ['free', 'paid'], words)).toMatchObject({
      ok: false,
      vars: { options: '免费 / 收费 / free / paid' },
    })
  })

  it('undoes the CSV-injection guard of exports', () => {
    expect(unguardCsvText("'=SUM(A1)")).toBe('=SUM(A1)')
    expect(unguardCsvText("'-5 ℃")).toBe('-5 ℃')
    expect(unguardCsvText("'quoted'")).toBe("'quoted'")
  })
})
