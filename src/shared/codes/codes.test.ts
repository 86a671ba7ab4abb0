import { readFileSync } from 'node:fs'
import { describe, it, expect } from 'vitest'
import { buildRegions, REGIONS_FILE, serializeRegions } from './build-regions.ts'
import {
  DISCIPLINES,
  INDUSTRIES,
  INSTRUMENT_CATEGORIES,
  REGIONS,
  cityCodeOf,
  findDiscipline,
  findIndustry,
  findInstrumentCategory,
  findRegion,
  flatten,
  regionPath,
} from './index.ts'
import type { TCodeNode } from './index.ts'
import { indexTree } from './tree.ts'

const kids = (node: TCodeNode): TCodeNode[] => node.children ?? []
const level = (tree: readonly TCodeNode[], depth: number): TCodeNode[] =>
  depth === 1 ? [...tree] : level(tree, depth - 1).flatMap(kids)

describe('GB/T 4754-2017 industries', () => {
  it('has 20 门类, 97 大类 and 473 中类, and nothing deeper', () => {
    expect(level(INDUSTRIES, 1)).toHaveLength(20)
    expect(level(INDUSTRIES, 2)).toHaveLength(97)
    expect(level(INDUSTRIES, 3)).toHaveLength(473)
    expect(level(INDUSTRIES, 4)).toHaveLength(0)
  })

  it('uses letters A–T for 门类, 2 digits for 大类 and 大类 + 1 digit for 中类', () => {
    expect(level(INDUSTRIES, 1).map((n) => n.code)).toEqual([...'ABCDEFGHIJKLMNOPQRST'])
    for (const section of INDUSTRIES) {
      for (const division of kids(section)) {
        expect(division.code).toMatch(/^\d{2}$/)
        for (const group of kids(division)) expect(group.code).toMatch(new RegExp(`^${division.code}\\d$`))
      }
    }
  })

  it('numbers 大类 01–97 in order without gaps', () => {
    const codes = level(INDUSTRIES, 2).map((n) => n.code)
    expect(codes).toEqual(Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0')))
  })

  it('resolves codes with their ancestors', () => {
    expect(findIndustry('C')).toMatchObject({ name: '制造业', depth: 1, isLeaf: false })
    expect(findIndustry('395')).toMatchObject({
      name: '非专业视听设备制造',
      depth: 3,
      isLeaf: true,
      ancestors: [
        { code: 'C', name: '制造业' },
        { code: '39', name: '计算机、通信和其他电子设备制造业' },
      ],
    })
    expect(findIndustry('C395')).toBeNull()
    expect(findIndustry('98')).toBeNull()
  })
})

describe('GB/T 13745-2009 disciplines', () => {
  it('has 62 一级 (3 digits), each 二级 being 5 digits starting with its 一级', () => {
    expect(DISCIPLINES).toHaveLength(62)
    for (const first of DISCIPLINES) {
      expect(first.code).toMatch(/^\d{3}$/)
      expect(kids(first).length).toBeGreaterThan(0)
      for (const second of kids(first)) expect(second.code).toMatch(new RegExp(`^${first.code}\\d{2}$`))
    }
    expect(level(DISCIPLINES, 2)).toHaveLength(738)
    expect(level(DISCIPLINES, 3)).toHaveLength(0)
  })

  it('resolves codes and rejects the 学位目录 form', () => {
    expect(findDiscipline('110')).toMatchObject({ name: '数学', depth: 1 })
    expect(findDiscipline('11011')).toMatchObject({ name: '数学史', depth: 2, ancestors: [{ code: '110' }] })
    expect(findDiscipline('0701')).toBeNull()
  })
})

describe('NRII instrument categories', () => {
  const TOP = [
    '分析仪器',
    '物理性能测试仪器',
    '计量仪器',
    '电子测量仪器',
    '海洋仪器',
    '地球探测仪器',
    '大气探测仪器',
    '天文仪器',
    '医学诊断仪器',
    '核仪器',
    '特种检测仪器',
    '工艺实验设备',
    '计算机及其配套设备',
    '激光器',
    '其他仪器',
  ]

  it('has the 15 top-level classes in survey order, coded 01–15', () => {
    expect(INSTRUMENT_CATEGORIES.map((n) => n.name)).toEqual(TOP)
    expect(INSTRUMENT_CATEGORIES.map((n) => n.code)).toEqual(TOP.map((_, i) => String(i + 1).padStart(2, '0')))
  })

  it('codes second-level classes as parent + 2 digits, 其他 as xx99, 77 in all', () => {
    for (const top of INSTRUMENT_CATEGORIES) {
      for (const sub of kids(top)) {
        expect(sub.code).toMatch(new RegExp(`^${top.code}\\d{2}$`))
        if (sub.name === '其他') expect(sub.code).toBe(`${top.code}99`)
      }
    }
    expect(level(INSTRUMENT_CATEGORIES, 2)).toHaveLength(77)
    expect(findInstrumentCategory('0102')).toMatchObject({ name: '质谱仪器', ancestors: [{ name: '分析仪器' }] })
    expect(findInstrumentCategory('15')).toMatchObject({ name: '其他仪器', isLeaf: true })
    expect(findInstrumentCategory('16')).toBeNull()
  })
})

describe('GB/T 2260 regions', () => {
  const all = flatten(REGIONS)

  it('has 34 provincial units', () => {
    expect(REGIONS).toHaveLength(34)
    for (const p of REGIONS) expect(p.code).toMatch(/^\d{2}0000$/)
  })

  it('uses unique 6-digit codes', () => {
    for (const r of all) expect(r.code).toMatch(/^\d{6}$/)
    expect(new Set(all.map((r) => r.code)).size).toBe(all.length)
  })

  it('nests cities under the province with the same 2 digits, districts under the city with the same 4', () => {
    for (const p of REGIONS) {
      for (const c of kids(p)) {
        expect(c.code.slice(0, 2)).toBe(p.code.slice(0, 2))
        expect(c.code.slice(2)).not.toBe('0000')
        for (const d of kids(c)) expect(d.code.slice(0, 4)).toBe(c.code.slice(0, 4))
      }
    }
  })

  it('resolves known codes', () => {
    const names = Object.fromEntries(
      ['230000', '231000', '420100', '330100', '500000', '110000'].map((c) => [c, findRegion(c)?.name]),
    )
    expect(names).toEqual({
      '230000': '黑龙江省',
      '231000': '牡丹江市',
      '420100': '武汉市',
      '330100': '杭州市',
      '500000': '重庆市',
      '110000': '北京市',
    })
    expect(findRegion('231002')).toEqual({
      code: '231002',
      name: '东安区',
      level: 'district',
      province: { code: '230000', name: '黑龙江省' },
      city: { code: '231000', name: '牡丹江市' },
    })
    expect(findRegion('231000')).toEqual({
      code: '231000',
      name: '牡丹江市',
      level: 'city',
      province: { code: '230000', name: '黑龙江省' },
    })
    expect(findRegion('230000')).toEqual({ code: '230000', name: '黑龙江省', level: 'province' })
  })

  it('returns null for unknown codes', () => {
    for (const code of ['999999', '231099', '23100', '', 'abcdef']) expect(findRegion(code)).toBeNull()
    expect(regionPath('999999')).toBe('')
    expect(cityCodeOf('999999')).toBeNull()
  })

  it('builds display paths without repeating municipalities or grouping pseudo-cities', () => {
    expect(regionPath('231002')).toBe('黑龙江省 牡丹江市 东安区')
    expect(regionPath('231000')).toBe('黑龙江省 牡丹江市')
    expect(regionPath('110101')).toBe('北京市 东城区')
    expect(regionPath('500229')).toBe('重庆市 城口县')
    expect(regionPath('429004')).toBe('湖北省 仙桃市')
  })

  it('maps codes to their city, municipalities to xx0100', () => {
    expect(cityCodeOf('231002')).toBe('231000')
    expect(cityCodeOf('231000')).toBe('231000')
    expect(cityCodeOf('230000')).toBeNull()
    expect(cityCodeOf('110101')).toBe('110100')
    expect(cityCodeOf('110000')).toBe('110100')
    expect(cityCodeOf('500229')).toBe('500100')
    expect(cityCodeOf('500200')).toBe('500100')
    expect(cityCodeOf('420102')).toBe('420100')
    const municipalities = REGIONS.filter((p) => cityCodeOf(p.code) !== null).map((p) => p.code)
    expect(municipalities).toEqual(['110000', '120000', '310000', '500000'])
  })

  it('matches what build-regions.ts generates from the installed @vant/area-data', () => {
    expect(readFileSync(REGIONS_FILE, 'utf8')).toBe(serializeRegions(buildRegions()))
  })

  it('rejects orphans when building', () => {
    const list = { province_list: { '230000': '黑龙江省' }, city_list: {}, county_list: { '231002': '东安区' } }
    expect(() => buildRegions(list)).toThrow('district 231002 东安区 has no city')
  })
})

describe('flatten', () => {
  it('lists nodes in pre-order with parent codes and depths', () => {
    const tree: TCodeNode[] = [
      { code: 'A', name: 'a', children: [{ code: 'A1', name: 'a1' }] },
      { code: 'B', name: 'b' },
    ]
    expect(flatten(tree)).toEqual([
      { code: 'A', name: 'a', parentCode: null, depth: 1 },
      { code: 'A1', name: 'a1', parentCode: 'A', depth: 2 },
      { code: 'B', name: 'b', parentCode: null, depth: 1 },
    ])
    expect(flatten(INDUSTRIES)).toHaveLength(20 + 97 + 473)
  })

  it('refuses to index a tree with a duplicate code', () => {
    const tree: TCodeNode[] = [{ code: 'A', name: 'a', children: [{ code: 'A', name: 'again' }] }]
    expect(() => indexTree(tree)).toThrow('duplicate code A (again)')
  })
})
