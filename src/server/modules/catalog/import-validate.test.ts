import { describe, expect, it } from 'vitest'
import { RESOURCE_KINDS } from '#shared/resource-kinds.ts'
import { createRowValidator, mapHeader } from './import-validate.ts'
import { columnsOf, ERROR_NOTE_LABEL } from './template-columns.ts'

const LABELS = columnsOf('instrument').map((c) => c.label)

/** An instrument row as cells in template order, with some values replaced. */
function instrumentCells(overrides: Record<string, unknown> = {}): unknown[] {
  const base: Record<string, unknown> = {
    资源名称: '场发射扫描电子显微镜',
    所在地区代码: '231002',
    共享方式: '收费',
    规格型号: 'SU8010',
    生产厂商: '日立',
    主要技术指标: '分辨率 1 nm',
    主要功能: '形貌观察',
    ...overrides,
  }
  return LABELS.map((label) => base[label] ?? null)
}

function validator(kind: 'instrument' | 'expert' = 'instrument') {
  const { map, errors } = mapHeader(
    kind,
    columnsOf(kind).map((c) => c.label),
  )
  expect(errors).toEqual([])
  return createRowValidator(map, { isCsv: false })
}

describe('template columns', () => {
  it('have unique labels in every kind, core columns first', () => {
    for (const kind of RESOURCE_KINDS) {
      const labels = columnsOf(kind).map((c) => c.label)
      expect(new Set(labels).size, kind).toBe(labels.length)
      expect(labels[0]).toBe('资源名称')
      expect(labels).not.toContain(ERROR_NOTE_LABEL)
    }
  })
})

describe('mapHeader', () => {
  it('matches labels in any order, ignores 错误说明 and a trailing * required mark', () => {
    const header = [
      '规格型号',
      '资源名称*',
      ERROR_NOTE_LABEL,
      ...LABELS.filter((l) => l !== '规格型号' && l !== '资源名称'),
    ]
    const { map, errors } = mapHeader('instrument', header)
    expect(errors).toEqual([])
    expect(map.slots[0]?.label).toBe('规格型号')
    expect(map.slots[1]?.label).toBe('资源名称')
    expect(map.slots[2]).toBeNull()
  })

  it('reports unknown, repeated and missing required columns on row 1', () => {
    const { errors } = mapHeader('instrument', ['资源名称', '资源名称', '型号规格', '共享方式'])
    expect(errors).toContainEqual({
      row: 1,
      column: '资源名称',
      value: '资源名称',
      key: 'catalogImport.HEADER_DUPLICATE',
    })
    expect(errors).toContainEqual({
      row: 1,
      column: '型号规格',
      value: '型号规格',
      key: 'catalogImport.HEADER_UNKNOWN',
    })
    expect(errors).toContainEqual({ row: 1, column: '所在地区代码', value: '', key: 'catalogImport.HEADER_MISSING' })
  })
})

describe('createRowValidator', () => {
  it('turns a valid row into content: codes, yuan → fen, words → stored values, nested attributes', () => {
    const result = validator()(
      2,
      instrumentCells({
        关键词: '电镜；形貌',
        学科代码: '43020',
        行业代码: 'm745',
        仪器分类代码: '0101',
        开放范围: '平台网络内',
        联系人: '王老师',
        联系电话: 13912345678,
        '原值（元）': '1,200,000.50',
        购置日期: new Date('2019-05-06T00:00:00Z'),
        所在实验室: '材料测试中心',
        计费单位: '按机时',
        '对外价（元）': 300,
        年可用机时: '2000',
        运行状态: '维修中',
      }),
    )
    expect(result.errors).toEqual([])
    expect(result.row).toEqual({
      title: '场发射扫描电子显微镜',
      summary: '',
      tags: ['电镜', '形貌'],
      regionCode: '231002',
      cityCode: '231000',
      disciplineCode: '43020',
      industryCode: 'M745',
      category: '0101',
      sharingLevel: 'paid',
      audience: 'network',
      contact: { name: '王老师', phone: '13912345678', email: '' },
      attributes: {
        model: 'SU8010',
        manufacturer: '日立',
        indicators: '分辨率 1 nm',
        functions: '形貌观察',
        originalValueFen: 120000050,
        purchaseDate: '2019-05-06',
        location: { lab: '材料测试中心' },
        feeStandard: { unit: 'hour', externalFen: 30000 },
        annualHours: 2000,
        status: 'maintenance',
      },
    })
  })

  it('reports every bad cell of a row with its column and value', () => {
    const result = validator()(
      7,
      instrumentCells({
        资源名称: '',
        所在地区代码: '230000',
        '原值（元）': '12.345',
        购置日期: '2019-13-01',
        共享方式: '付费',
        仪器分类代码: '9999',
      }),
    )
    expect(result.row).toBeNull()
    const byColumn = Object.fromEntries(result.errors.map((e) => [e.column, e]))
    expect(byColumn['资源名称']).toMatchObject({ row: 7, key: 'catalogImport.REQUIRED' })
    expect(byColumn['所在地区代码']).toMatchObject({ value: '230000', key: 'catalogImport.REGION_NOT_CITY' })
    expect(byColumn['原值（元）']).toMatchObject({ value: '12.345', key: 'catalogImport.FEN_DECIMALS' })
    expect(byColumn['购置日期']).toMatchObject({ key: 'catalogImport.DATE_INVALID' })
    expect(byColumn['共享方式']).toMatchObject({ key: 'catalogImport.ENUM' })
    expect(byColumn['仪器分类代码']).toMatchObject({ key: 'catalogImport.CATEGORY_UNKNOWN' })
    expect(result.errors).toHaveLength(6)
  })

  it('checks the code tables', () => {
    const validate = validator()
    expect(validate(2, instrumentCells({ 所在地区代码: '999999' })).errors[0]?.key).toBe('catalogImport.REGION_UNKNOWN')
    expect(validate(3, instrumentCells({ 学科代码: '99999' })).errors[0]?.key).toBe('catalogImport.DISCIPLINE_UNKNOWN')
    expect(validate(4, instrumentCells({ 行业代码: 'A745' })).errors[0]?.key).toBe('catalogImport.INDUSTRY_UNKNOWN')
    expect(validate(5, instrumentCells({ 所在地区代码: '110000' })).row?.cityCode).toBe('110100')
  })

  it('wants a contact name and phone together', () => {
    const result = validator()(2, instrumentCells({ 联系邮箱: 'lab@example.cn' }))
    expect(result.errors.map((e) => [e.column, e.key])).toEqual([
      ['联系人', 'catalogImport.CONTACT_INCOMPLETE'],
      ['联系电话', 'catalogImport.CONTACT_INCOMPLETE'],
    ])
  })

  it('reports a later row with the same title, model and asset number as a duplicate of the first', () => {
    const validate = validator()
    expect(validate(2, instrumentCells()).errors).toEqual([])
    expect(validate(3, instrumentCells({ 资产编号: 'A-2' })).errors).toEqual([])
    expect(validate(4, instrumentCells()).errors).toEqual([
      expect.objectContaining({ row: 4, column: '资源名称', key: 'catalogImport.DUPLICATE', vars: { row: 2 } }),
    ])
  })

  it('skips blank rows and reads list fields of other kinds', () => {
    const validate = validator('expert')
    const labels = columnsOf('expert').map((c) => c.label)
    expect(
      validate(
        2,
        labels.map(() => '  '),
      ).isBlank,
    ).toBe(true)
    const cells = labels.map(
      (l) =>
        ({ 资源名称: '张三', 所在地区代码: '231002', 共享方式: '免费', 职称: '教授', 专长: '材料；表征' })[l] ?? null,
    )
    const result = validate(3, cells)
    expect(result.errors).toEqual([])
    expect(result.row?.attributes).toEqual({ title: '教授', expertise: ['材料', '表征'] })
    const emptyList = validate(
      4,
      cells.map((c, i) => (labels[i] === '专长' ? '；' : c)),
    )
    expect(emptyList.errors).toEqual([expect.objectContaining({ column: '专长', key: 'catalogImport.REQUIRED' })])
  })
})
