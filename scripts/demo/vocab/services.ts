import type { TOrgKind } from '#shared/resource-kinds.ts'
import type { TFieldKey } from './fields.ts'

/** Service product categories (SPEC §3 service product) as stored in `resource.category`, with labels. */
export const SERVICE_CATEGORIES = {
  testing: '检验检测',
  rnd_design: '研发设计',
  consulting: '技术咨询',
  incubation: '创业孵化',
  ip: '知识产权',
  transfer: '技术转移',
} as const

export type TServiceCategory = keyof typeof SERVICE_CATEGORIES

export type TServiceSpec = {
  title: string
  category: TServiceCategory
  field: TFieldKey
  /** price range in 元 per unit */
  price: readonly [number, number]
  priceUnit: string
  deliveryDays: readonly [number, number]
  description: string
  standards?: string
}

/** Who sells each category. */
export const SERVICE_SELLERS: Readonly<Record<TServiceCategory, readonly (readonly [TOrgKind, number])[]>> = {
  testing: [['service_agency', 60], ['university', 25], ['institute', 15]],
  rnd_design: [['university', 45], ['institute', 35], ['enterprise', 20]],
  consulting: [['service_agency', 50], ['patent_agency', 20], ['university', 30]],
  incubation: [['service_agency', 80], ['university', 20]],
  ip: [['patent_agency', 90], ['service_agency', 10]],
  transfer: [['service_agency', 50], ['university', 30], ['institute', 20]],
}

type TRow = [string, TServiceCategory, TFieldKey, number, number, string, number, number, string, string?]

// title, category, field, min price, max price, unit, min days, max days, description, standards
// prettier-ignore
const ROWS: readonly TRow[] = [
  ['金属材料室温拉伸性能检测', 'testing', 'materials', 150, 300, '件', 3, 7, '测定抗拉强度、屈服强度、断后伸长率及断面收缩率，出具 CMA 检测报告。', 'GB/T 228.1-2021'],
  ['金属材料夏比摆锤冲击试验', 'testing', 'materials', 60, 120, '件', 3, 7, '常温及低温（-196～0 ℃）冲击吸收能量测定。', 'GB/T 229-2020'],
  ['碳素钢和中低合金钢化学成分分析', 'testing', 'materials', 200, 400, '样品', 2, 5, '火花源原子发射光谱法测定 C、Si、Mn、P、S 等元素含量。', 'GB/T 4336-2016'],
  ['扫描电镜形貌观察及能谱分析', 'testing', 'materials', 300, 600, '样品', 3, 10, '断口、表面形貌观察及微区成分分析，提供原始图片与能谱数据。'],
  ['材料失效分析', 'testing', 'materials', 3000, 20000, '项', 15, 30, '通过宏观检查、断口分析、金相及成分检测，判定零部件失效模式与原因并提出改进建议。'],
  ['高分子材料热性能测试（DSC/TGA）', 'testing', 'chem', 300, 600, '样品', 3, 7, '玻璃化转变温度、熔点、结晶度及热分解温度测定。'],
  ['未知物成分剖析', 'testing', 'chem', 3000, 12000, '项', 10, 20, '综合红外、色质联用、核磁等手段，对胶黏剂、涂料、助剂等未知样品进行成分剖析。'],
  ['药品有关物质及含量测定', 'testing', 'biomed', 1500, 5000, '项', 7, 15, '按现行版《中国药典》或企业标准进行 HPLC 含量及有关物质检测。'],
  ['中药材及饮片质量检验', 'testing', 'biomed', 800, 3000, '样品', 7, 15, '性状、鉴别、水分、灰分、浸出物及含量测定，全项或单项检验。'],
  ['细胞实验技术服务', 'rnd_design', 'biomed', 2000, 15000, '项', 15, 45, '细胞增殖、凋亡、迁移等实验设计与实施，提供完整实验记录与报告。'],
  ['动物药效学评价', 'rnd_design', 'biomed', 30000, 150000, '项', 45, 120, '建立疾病动物模型并评价受试物药效，符合实验动物伦理要求。'],
  ['食品营养成分检测（营养标签）', 'testing', 'food', 600, 1500, '样品', 5, 10, '能量、蛋白质、脂肪、碳水化合物、钠等营养成分检测，满足营养标签要求。', 'GB 28050-2011'],
  ['食品中重金属及农药残留检测', 'testing', 'food', 300, 1200, '样品', 5, 10, '铅、镉、汞、砷及常见农药残留检测，出具第三方检测报告。'],
  ['水质常规指标检测', 'testing', 'env', 500, 2000, '样品', 5, 10, 'COD、氨氮、总磷、总氮、重金属等水质指标检测。'],
  ['环境空气及废气检测', 'testing', 'env', 800, 5000, '点位', 5, 15, '有组织及无组织废气、VOCs、颗粒物采样与检测。'],
  ['电子产品EMC预测试及整改', 'testing', 'eit', 3000, 12000, '项', 3, 10, '在 3 米法暗室进行辐射与传导骚扰预测试，工程师协助定位问题并给出整改方案。'],
  ['PCB及电子元器件失效分析', 'testing', 'eit', 2000, 10000, '项', 7, 20, '外观检查、X-ray、切片、SEM/EDS 等手段分析焊点开裂、烧毁等失效原因。'],
  ['机械零部件三坐标尺寸检测', 'testing', 'manufacturing', 300, 800, '小时', 2, 5, '几何尺寸与形位公差检测，提供检测报告及偏差色谱图。'],
  ['产品结构设计与有限元仿真', 'rnd_design', 'manufacturing', 5000, 50000, '项', 20, 60, '结构强度、刚度、模态及疲劳寿命仿真分析，提出优化设计方案。'],
  ['工业机器人应用方案设计', 'rnd_design', 'manufacturing', 10000, 80000, '项', 30, 90, '焊接、搬运、装配工位的机器人选型、节拍分析与系统集成方案。'],
  ['嵌入式软硬件定制开发', 'rnd_design', 'eit', 20000, 200000, '项', 30, 120, '基于 ARM/RISC-V 平台的控制板设计、驱动及应用软件开发。'],
  ['锂电池材料电化学性能测试', 'testing', 'energy', 500, 2000, '样品', 10, 30, '扣式电池组装、首效、倍率及循环性能测试。'],
  ['光伏组件可靠性测试', 'testing', 'energy', 5000, 30000, '项', 20, 60, '湿热、热循环、紫外预处理及 PID 测试。'],
  ['混凝土及建筑材料检测', 'testing', 'civil', 200, 1500, '组', 3, 28, '混凝土抗压强度、抗渗、抗冻及砂石、水泥等原材料检测。'],
  ['高新技术企业认定咨询', 'consulting', 'ip', 10000, 30000, '项', 30, 90, '评估企业条件，梳理知识产权、研发费用归集及科技成果转化材料，协助完成认定申报。'],
  ['科技型中小企业评价辅导', 'consulting', 'ip', 1000, 5000, '项', 7, 20, '协助企业完成科技型中小企业评价信息填报与入库。'],
  ['科技项目申报辅导', 'consulting', 'ip', 5000, 20000, '项', 15, 45, '政策解读、项目策划与申报书撰写辅导。'],
  ['质量管理体系认证咨询', 'consulting', 'manufacturing', 8000, 30000, '项', 60, 120, 'ISO 9001 / IATF 16949 体系建立、内审员培训及认证辅导。'],
  ['企业技术诊断', 'consulting', 'manufacturing', 0, 0, '次', 3, 10, '组织专家赴企业现场诊断工艺与质量问题，提出改进建议（平台公益服务）。'],
  ['发明专利申请代理', 'ip', 'ip', 4500, 8000, '件', 5, 20, '技术交底沟通、专利检索、申请文件撰写与提交，答复审查意见。'],
  ['实用新型专利申请代理', 'ip', 'ip', 1800, 3000, '件', 3, 10, '申请文件撰写与提交，跟踪审查进度。'],
  ['专利检索与分析报告', 'ip', 'ip', 3000, 20000, '项', 10, 30, '查新检索、侵权风险分析、技术领域专利态势分析。'],
  ['专利布局与挖掘', 'ip', 'ip', 20000, 80000, '项', 30, 90, '围绕核心产品进行专利挖掘，制定专利布局策略。'],
  ['知识产权贯标辅导', 'ip', 'ip', 15000, 40000, '项', 90, 180, '按 GB/T 29490 建立企业知识产权管理体系并辅导认证。', 'GB/T 29490-2023'],
  ['众创空间工位入驻', 'incubation', 'ip', 300, 800, '工位·月', 1, 3, '开放办公工位，含网络、会议室及公共服务，提供创业辅导。'],
  ['科技企业孵化服务', 'incubation', 'ip', 5000, 20000, '年', 7, 15, '办公场地、工商财税代理、投融资对接与导师辅导一站式孵化服务。'],
  ['创业导师辅导', 'incubation', 'ip', 0, 0, '次', 1, 7, '对接行业导师，就商业模式、融资与团队建设提供一对一辅导。'],
  ['科技成果评价', 'transfer', 'ip', 5000, 20000, '项', 15, 30, '组织同行专家对科技成果的创新性、成熟度与应用前景进行评价，出具评价报告。'],
  ['技术合同认定登记辅导', 'transfer', 'ip', 500, 2000, '项', 3, 10, '协助整理技术开发、转让、咨询、服务合同，办理技术合同认定登记。'],
  ['技术转移供需对接', 'transfer', 'ip', 0, 0, '次', 7, 30, '根据企业需求匹配高校院所成果与专家，组织对接洽谈。'],
]

/** Every service product of the vocabulary. */
export const SERVICE_SPECS: readonly TServiceSpec[] = ROWS.map(
  ([title, category, field, min, max, priceUnit, d1, d2, description, standards]) => ({
    title,
    category,
    field,
    price: [min, max],
    priceUnit,
    deliveryDays: [d1, d2],
    description,
    ...(standards ? { standards } : {}),
  }),
)
