import type { TFieldKey } from './fields.ts'

/**
 * Shape of the instrument vocabulary. Each type is a kind of instrument that a real platform lists, with
 * real manufacturers and model names, an NRII category code (Kexiang's own codes, see
 * src/shared/codes/README.md), plausible price and fee ranges and the technical indicators a manager
 * would write. `{a|b}` in a text picks one alternative per instrument.
 */

/** [manufacturer, model, country of manufacture, first year the model was sold]. */
export type TInstrumentModel = readonly [string, string, string, number?]

/** Where an instrument stands inside a unit; picks the lab name. */
export type TLabFamily = 'materials' | 'chem' | 'bio' | 'medical' | 'mech' | 'eit' | 'env' | 'geo' | 'compute' | 'physics'

export type TInstrumentType = {
  name: string
  /** NRII category code: second level ('0101') where the class has subclasses, else top level ('12'). */
  category: string
  /** Relative frequency in a catalogue. */
  weight: number
  fields: readonly TFieldKey[]
  /** GB/T 13745 code. */
  discipline: string
  /** GB/T 4754 code, letter + digits. */
  industry: string
  /** 原值 range in 万元. */
  valueWan: readonly [number, number]
  /** Pricing unit and the external (对外) price range in 元. */
  fee: readonly ['hour' | 'sample', number, number]
  models: readonly TInstrumentModel[]
  indicators: readonly string[]
  functions: string
  samples: string
  tags: readonly string[]
  lab: TLabFamily
}

/** Manufacturers as Chinese catalogues write them: Chinese name with the brand in brackets. */
export const MAKER = {
  thermo: '赛默飞世尔科技（Thermo Fisher Scientific）',
  shimadzu: '岛津（Shimadzu）',
  agilent: '安捷伦（Agilent）',
  zeiss: '卡尔蔡司（Carl Zeiss）',
  hitachi: '日立高新（Hitachi High-Tech）',
  bruker: '布鲁克（Bruker）',
  jeol: '日本电子（JEOL）',
  waters: '沃特世（Waters）',
  pe: '珀金埃尔默（PerkinElmer）',
  sciex: '爱博才思（SCIEX）',
  malvern: '马尔文帕纳科（Malvern Panalytical）',
  rigaku: '理学（Rigaku）',
  netzsch: '耐驰（NETZSCH）',
  ta: 'TA仪器（TA Instruments）',
  mettler: '梅特勒-托利多（Mettler Toledo）',
  instron: '英斯特朗（Instron）',
  mts: '美特斯（MTS）',
  zwick: '兹韦克罗睿（ZwickRoell）',
  bd: '碧迪（BD Biosciences）',
  beckman: '贝克曼库尔特（Beckman Coulter）',
  biorad: '伯乐（Bio-Rad）',
  roche: '罗氏（Roche）',
  leica: '徕卡（Leica Microsystems）',
  nikon: '尼康（Nikon）',
  olympus: '奥林巴斯（Olympus）',
  oxford: '牛津仪器（Oxford Instruments）',
  park: '帕克（Park Systems）',
  micromeritics: '麦克默瑞提克（Micromeritics）',
  anton: '安东帕（Anton Paar）',
  horiba: '堀场（HORIBA）',
  renishaw: '雷尼绍（Renishaw）',
  keysight: '是德科技（Keysight）',
  rs: '罗德与施瓦茨（Rohde & Schwarz）',
  tek: '泰克（Tektronix）',
  hexagon: '海克斯康（Hexagon）',
  mitutoyo: '三丰（Mitutoyo）',
  tescan: '泰思肯（TESCAN）',
  illumina: '因美纳（Illumina）',
  mgi: '华大智造（MGI）',
  uih: '联影医疗（United Imaging）',
  siemensHealth: '西门子医疗（Siemens Healthineers）',
  mindray: '迈瑞医疗（Mindray）',
  eos: '易欧司（EOS）',
  blt: '铂力特（BLT）',
  farsoon: '华曙高科（Farsoon）',
  sugon: '中科曙光（Sugon）',
  inspur: '浪潮信息（Inspur）',
  coherent: '相干（Coherent）',
  lightConversion: '光转换（Light Conversion）',
  teledyne: '特励达（Teledyne RD Instruments）',
  ortec: '奥泰克（ORTEC）',
  fpi: '聚光科技（FPI）',
  techcomp: '天美（Techcomp）',
  kyky: '中科科仪（KYKY）',
  ciqtek: '国仪量子（CIQTEK）',
  ncs: '钢研纳克（NCS）',
  elite: '依利特（Elite）',
  sunny: '舜宇光学（Sunny）',
  ceyear: '中电科思仪（Ceyear）',
  rigol: '普源精电（RIGOL）',
  dongling: '东菱振动（Dongling）',
  omec: '珠海欧美克（OMEC）',
  jwgb: '精微高博（JWGB）',
  haoyuan: '丹东浩元（Haoyuan）',
  hongshi: '宏石医疗（Hongshi）',
  niumag: '纽迈分析（Niumag）',
  fuli: '福立仪器（Fuli）',
  persee: '北京普析（Persee）',
  metrohm: '瑞士万通（Metrohm）',
  elementar: '元素（Elementar）',
  sunsi: '三思纵横（SUNS）',
  sky: '沈阳科仪（SKY）',
  yxlon: '依科视朗（YXLON）',
  ets: 'ETS-Lindgren',
  moleculardevices: '美谷分子（Molecular Devices）',
  tecan: '帝肯（Tecan）',
  renishawRaman: '雷尼绍（Renishaw）',
  witec: 'WITec',
  edinburgh: '爱丁堡仪器（Edinburgh Instruments）',
  kratos: 'Kratos（岛津集团）',
} as const

/** Lab names by family and kind of owner: universities have schools, companies have test centres. */
// prettier-ignore
export const LAB_NAMES: Readonly<Record<TLabFamily, { university: readonly string[]; other: readonly string[] }>> = {
  materials: { university: ['材料科学与工程学院分析测试中心', '分析测试中心', '材料学院电子显微镜实验室'], other: ['材料分析测试中心', '理化检测室'] },
  chem: { university: ['化学化工学院仪器分析中心', '分析测试中心', '化学学院公共仪器平台'], other: ['理化分析实验室', '分析测试中心'] },
  bio: { university: ['生命科学学院公共仪器平台', '生物医学研究中心', '分析测试中心'], other: ['生物检测实验室', '研发中心实验室'] },
  medical: { university: ['医学影像中心', '转化医学研究中心', '实验动物中心'], other: ['医学检验实验室', '临床前研究中心'] },
  mech: { university: ['机电工程学院力学性能实验室', '工程训练中心', '先进制造实验室'], other: ['质量检测中心', '计量理化室'] },
  eit: { university: ['电子信息学院射频与微波实验室', '微纳加工平台', '集成电路测试实验室'], other: ['电子测试实验室', '研发中心实验室'] },
  env: { university: ['环境学院监测实验室', '分析测试中心'], other: ['环境监测实验室', '理化分析实验室'] },
  geo: { university: ['地球科学学院岩矿测试实验室', '海洋学院仪器平台', '分析测试中心'], other: ['岩矿测试实验室'] },
  compute: { university: ['高性能计算中心', '网络与信息中心'], other: ['数据中心', '研发中心'] },
  physics: { university: ['物理学院公共实验平台', '超快光学实验室', '分析测试中心'], other: ['光电实验室', '研发中心实验室'] },
}
