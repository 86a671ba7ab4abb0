import type { TFieldKey } from './fields.ts'

/**
 * Vocabulary for the smaller kinds: labs, teams, datasets, incubators, policies and news. Lab, team, dataset,
 * incubator and news names are invented. Policies are real national documents (number, issuer and date
 * as published); their summaries are ours — users must read the official text.
 */

/** Research topics per field, for lab and team names. */
// prettier-ignore
export const TOPICS: Readonly<Record<TFieldKey, readonly string[]>> = {
  materials: ['先进焊接与连接', '轻合金材料', '功能薄膜材料', '高分子复合材料'],
  manufacturing: ['汽车零部件轻量化', '精密测量与检测', '智能装备', '增材制造'],
  eit: ['智能传感与物联网', '射频集成电路', '机器视觉', '工业软件'],
  biomed: ['寒地生物医药', '中药质量控制', '分子诊断', '药物制剂'],
  chem: ['精细化工', '绿色催化', '分析测试方法'],
  env: ['水污染控制', '大气环境监测', '固废资源化'],
  agri: ['寒地作物遗传育种', '食用菌', '设施园艺'],
  food: ['食品质量安全', '特色农产品精深加工', '功能食品'],
  energy: ['新能源材料与器件', '储能技术', '油气田开发'],
  civil: ['寒区土木工程', '桥梁健康监测', '绿色建材'],
  ip: ['科技成果转化', '知识产权运营'],
}

export const LAB_KINDS: readonly (readonly [string, number])[] = [
  ['重点实验室', 40],
  ['工程技术研究中心', 40],
  ['公共技术服务平台', 20],
]

export type TDatasetSpec = { title: string; field: TFieldKey; format: string; size: string; span: string; frequency: string }

// prettier-ignore
export const DATASET_SPECS: readonly TDatasetSpec[] = [
  { title: '{province}主要农作物表型观测数据集', field: 'agri', format: 'CSV、JPEG', size: '38.6 GB', span: '2019—2025', frequency: '每年' },
  { title: '{city}地表水水质自动监测数据集', field: 'env', format: 'CSV', size: '1.2 GB', span: '2018—2026', frequency: '每月' },
  { title: '{city}空气质量小时数据集', field: 'env', format: 'CSV', size: '860 MB', span: '2016—2026', frequency: '每日' },
  { title: '典型结构钢与铝合金力学性能数据集', field: 'materials', format: 'Excel、CSV', size: '45 MB', span: '2012—2025', frequency: '不定期' },
  { title: '道地中药材HPLC指纹图谱数据集', field: 'biomed', format: 'CDF、PDF', size: '3.4 GB', span: '2017—2025', frequency: '每季度' },
  { title: '锂离子电池循环寿命测试数据集', field: 'energy', format: 'HDF5', size: '12.8 GB', span: '2020—2025', frequency: '不定期' },
  { title: '寒区道路路面温度与冻深监测数据集', field: 'civil', format: 'CSV', size: '2.1 GB', span: '2015—2026', frequency: '每小时' },
  { title: '工业零件表面缺陷图像数据集', field: 'eit', format: 'PNG、JSON 标注', size: '24.5 GB', span: '2021—2025', frequency: '不定期' },
  { title: '{province}食用菌种质资源特性数据集', field: 'agri', format: 'Excel', size: '18 MB', span: '2010—2025', frequency: '每年' },
  { title: '{province}大型科学仪器共享服务记录数据集', field: 'ip', format: 'CSV', size: '320 MB', span: '2018—2026', frequency: '每月' },
]

export const INCUBATOR_KINDS = ['科技企业孵化器', '众创空间', '大学科技园', '创新创业孵化基地']

export type TPolicySpec = { title: string; documentNo: string; issuer: string; issuedAt: string; kind: string; summary: string }

// prettier-ignore
export const POLICY_SPECS: readonly TPolicySpec[] = [
  { title: '国务院关于国家重大科研基础设施和大型科研仪器向社会开放的意见', documentNo: '国发〔2014〕70号', issuer: '国务院', issuedAt: '2014-12-31', kind: '规范性文件',
    summary: '推动重大科研基础设施和大型科研仪器向高校、科研院所、企业和社会研发组织开放，建立统一的网络管理平台和开放共享评价机制。' },
  { title: '科学数据管理办法', documentNo: '国办发〔2018〕17号', issuer: '国务院办公厅', issuedAt: '2018-03-17', kind: '规范性文件',
    summary: '规定科学数据的采集汇交、保存、共享利用和保密安全要求，明确主管部门和法人单位职责。' },
  { title: '中华人民共和国促进科技成果转化法（2015年修正）', documentNo: '', issuer: '全国人民代表大会常务委员会', issuedAt: '2015-08-29', kind: '法律',
    summary: '规范科技成果转化活动，明确成果完成单位的转化自主权、收益分配和对完成人的奖励报酬。' },
  { title: '实施《中华人民共和国促进科技成果转化法》若干规定', documentNo: '国发〔2016〕16号', issuer: '国务院', issuedAt: '2016-02-26', kind: '规范性文件',
    summary: '细化成果转化收益分配、科研人员兼职创业和技术转移机构建设等政策措施。' },
  { title: '促进科技成果转移转化行动方案', documentNo: '国办发〔2016〕28号', issuer: '国务院办公厅', issuedAt: '2016-04-21', kind: '规范性文件',
    summary: '部署开展科技成果信息汇交与发布、产学研协同转化、技术市场建设等重点任务。' },
  { title: '中华人民共和国科学技术进步法（2021年修订）', documentNo: '', issuer: '全国人民代表大会常务委员会', issuedAt: '2021-12-24', kind: '法律',
    summary: '确立科技创新在国家发展全局中的核心地位，规定科研基础设施和科技资源开放共享等制度。' },
  { title: '中华人民共和国专利法（2020年修正）', documentNo: '', issuer: '全国人民代表大会常务委员会', issuedAt: '2020-10-17', kind: '法律',
    summary: '加强专利保护，完善职务发明激励机制，新增专利开放许可制度。' },
  { title: '中华人民共和国标准化法（2017年修订）', documentNo: '', issuer: '全国人民代表大会常务委员会', issuedAt: '2017-11-04', kind: '法律',
    summary: '规定国家标准、行业标准、地方标准、团体标准和企业标准的制定与实施。' },
]

/** News headline templates: {node}, {city}, {field}, {n}, {m}, {year}. */
// prettier-ignore
export const NEWS_TEMPLATES: readonly (readonly [string, string])[] = [
  ['{node}新增共享仪器{n}台套', '平台建设'],
  ['{node}举办{field}领域供需对接会，现场签约{m}项', '对接活动'],
  ['{node}完成{year}年度仪器共享后补助兑现工作', '政策落实'],
  ['{city}发放第{m}批科技创新券，惠及{n}家中小企业', '创新券'],
  ['{node}与上级平台实现统一身份认证和资源互通', '平台建设'],
  ['专家服务团走进{city}企业开展现场技术诊断', '专家服务'],
  ['{node}开通在线咨询服务，平均响应时间缩短至{m}分钟', '平台建设'],
  ['{city}{field}领域科技成果征集活动启动', '成果转化'],
  ['{node}组织大型仪器操作技能培训，{n}名技术人员参加', '培训'],
  ['{city}技术合同成交额同比增长{m}%', '统计数据'],
]
