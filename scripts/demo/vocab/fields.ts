/**
 * Technology fields (领域) that tie the vocabularies together: an organisation works in some fields; its
 * experts, instruments, services and demands are drawn from the same fields, with matching GB/T 13745
 * discipline codes and GB/T 4754 industry codes (stored as letter + digits, e.g. 'C336', as the schema
 * requires).
 */

export const FIELD_KEYS = [
  'materials',
  'manufacturing',
  'eit',
  'biomed',
  'chem',
  'env',
  'agri',
  'food',
  'energy',
  'civil',
  'ip',
] as const

export type TFieldKey = (typeof FIELD_KEYS)[number]

export type TField = {
  /** 领域 as shown to users. */
  label: string
  /** GB/T 13745 二级学科 codes. */
  disciplines: readonly string[]
  /** GB/T 4754 codes, letter + 大类/中类 digits. */
  industries: readonly string[]
  /** 院系 of a university working in the field. */
  departments: readonly string[]
  /** Research directions / 专业特长 of experts. */
  expertise: readonly string[]
}

// prettier-ignore
export const FIELDS: Readonly<Record<TFieldKey, TField>> = {
  materials: {
    label: '新材料',
    disciplines: ['43040', '43045', '43050', '43055', '43070', '43020', '43025', '43035'],
    industries: ['C32', 'C325', 'C30', 'C265', 'C336', 'C339', 'C398'],
    departments: ['材料科学与工程学院', '材料学院', '化学与材料科学学院'],
    expertise: [
      '铝合金焊接与连接', '高强钢热处理与组织调控', '高分子复合材料成型', '陶瓷基复合材料', '锂离子电池正极材料',
      '材料失效分析', '表面工程与防腐涂层', '粉末冶金', '纳米功能材料', '高温合金', '金属增材制造工艺', '石墨烯制备与应用',
      '镁合金成形', '碳纤维复合材料', '功能薄膜材料', '稀土功能材料',
    ],
  },
  manufacturing: {
    label: '先进制造',
    disciplines: ['46020', '46025', '46050', '46035', '41310', '59045'],
    industries: ['C34', 'C345', 'C35', 'C367', 'C37', 'C342'],
    departments: ['机电工程学院', '机械工程学院', '车辆工程学院', '航空科学与工程学院'],
    expertise: [
      '数控加工与工艺优化', '精密测量与误差补偿', '机械结构设计与有限元分析', '工业机器人应用', '智能制造系统集成',
      '齿轮传动与振动噪声', '汽车零部件轻量化', '液压与气动控制', '模具设计与制造', '设备故障诊断', '焊接机器人',
      '激光加工', '精密锻造工艺',
    ],
  },
  eit: {
    label: '电子信息',
    disciplines: ['51010', '51020', '51030', '51050', '52020', '52040', '41320'],
    industries: ['C39', 'C397', 'C398', 'I65', 'I651', 'I652', 'C392'],
    departments: ['电子信息工程学院', '计算机科学与技术学院', '信息与通信工程学院', '微电子学院'],
    expertise: [
      '射频与微波电路设计', '嵌入式系统开发', '集成电路测试', '图像处理与机器视觉', '工业互联网', '信号完整性分析',
      '电磁兼容设计与整改', '功率半导体器件', '传感器与物联网', '人工智能算法应用', '信息安全', '光电检测技术',
    ],
  },
  biomed: {
    label: '生物医药',
    disciplines: ['35010', '35035', '31047', '18037', '18021', '36040', '41660', '31027'],
    industries: ['C27', 'C272', 'C274', 'C276', 'C358', 'M734'],
    departments: ['药学院', '生命科学学院', '基础医学院', '医学部'],
    expertise: [
      '中药质量标准研究', '药物制剂与释放', '仿制药一致性评价', '细胞生物学实验', '抗体药物研发', '医疗器械注册检验',
      '分子诊断技术', '药代动力学', '天然产物提取分离', '动物模型与药效评价', '生物材料与组织工程', '医学影像',
    ],
  },
  chem: {
    label: '化学化工',
    disciplines: ['15025', '15020', '15045', '53021', '53024', '53037', '15065'],
    industries: ['C26', 'C261', 'C264', 'C266', 'C268', 'C25'],
    departments: ['化学化工学院', '化学学院', '化工学院'],
    expertise: [
      '精细化学品合成', '催化剂制备与评价', '仪器分析方法开发', '色谱质谱分析', '化工过程模拟', '涂料配方', '分离纯化工艺',
      '电化学与电池材料', '化工安全评价', '高分子合成',
    ],
  },
  env: {
    label: '节能环保',
    disciplines: ['61030', '61020', '57040', '33057', '61050'],
    industries: ['N77', 'N772', 'M746', 'D462', 'C359'],
    departments: ['环境学院', '环境科学与工程学院', '资源与环境学院'],
    expertise: [
      '工业废水处理', '大气污染物监测', '土壤修复', '固体废物资源化', 'VOCs治理', '环境影响评价', '水质在线监测',
      '清洁生产审核', '碳排放核算',
    ],
  },
  agri: {
    label: '现代农业',
    disciplines: ['21030', '21040', '21060', '21050', '23020', '22055', '41650'],
    industries: ['A01', 'A011', 'A014', 'A03', 'C262', 'A05'],
    departments: ['农学院', '园艺园林学院', '动物科学技术学院', '林学院'],
    expertise: [
      '寒地水稻栽培', '大豆育种', '设施蔬菜栽培', '食用菌栽培', '植物病虫害绿色防控', '畜禽健康养殖', '土壤肥料',
      '农业机械化', '林下经济', '中药材种植',
    ],
  },
  food: {
    label: '食品',
    disciplines: ['55020', '55030', '55070', '33047', '21045'],
    industries: ['C13', 'C14', 'C144', 'C146', 'C15', 'C137'],
    departments: ['食品学院', '食品科学与工程学院'],
    expertise: [
      '食品营养成分分析', '功能性食品开发', '乳制品加工', '发酵工程', '食品安全快速检测', '农产品贮藏保鲜', '粮油深加工',
      '食品添加剂检测',
    ],
  },
  energy: {
    label: '新能源',
    disciplines: ['47040', '48040', '48070', '47010', '44050'],
    industries: ['D44', 'D441', 'C384', 'C38', 'B07'],
    departments: ['能源科学与工程学院', '电气工程学院', '石油工程学院'],
    expertise: [
      '储能系统集成', '光伏组件可靠性', '燃料电池', '电力电子变换', '油气田开发', '智能电网', '电池管理系统',
      '余热回收利用', '氢能技术',
    ],
  },
  civil: {
    label: '土木建筑',
    disciplines: ['56025', '56030', '56045', '58010', '57025'],
    industries: ['E48', 'E481', 'M748', 'C30'],
    departments: ['土木工程学院', '交通学院', '建筑学院'],
    expertise: [
      '混凝土耐久性', '桥梁检测与评估', '寒区道路工程', '装配式建筑', '结构抗震', '岩土工程', '建筑节能', '既有建筑加固',
    ],
  },
  ip: {
    label: '知识产权与科技服务',
    disciplines: ['63035', '63040', '82030', '79041'],
    industries: ['M752', 'M753', 'M751', 'L72'],
    departments: ['经济管理学院', '法学院', '公共管理学院'],
    expertise: [
      '专利布局与挖掘', '技术转移', '科技项目申报', '高新技术企业认定', '知识产权运营', '竞争情报分析', '科技成果评价',
      '企业管理咨询', '质量管理体系认证',
    ],
  },
}
