import type { TResourceKind } from '#shared/resource-kinds.ts'

/**
 * Judged queries for the search evaluation (bench/search.bench.ts reports precision@10 and nDCG@10 over
 * the demo data). Each query says what a user typing it wants, as rules over the demo documents — written
 * from the demo vocabularies (scripts/demo/vocab) and real records, not from what the engine returns:
 * grade 2 = exactly what was asked for, grade 1 = related and still useful. A document gets the highest
 * grade of the rules it satisfies; every condition of a rule must hold.
 */

/** What a judge sees of a document. */
export type TJudgedDoc = { kind: string; title: string; summary: string; tags: readonly string[]; regionCode: string }

export type TJudgeRule = {
  grade: 1 | 2
  kind?: TResourceKind | readonly TResourceKind[]
  /** Matched against the title. */
  title?: RegExp
  /** Matched against title, summary and tags. */
  text?: RegExp
  /** Matched against each tag. */
  tag?: RegExp
  /** GB/T 2260 prefix of the document's region. */
  region?: string
}

export type TJudgedQuery = {
  q: string
  /** Extra query parameters (filters, sort). */
  params?: Readonly<Record<string, string>>
  relevant: readonly TJudgeRule[]
}

const I = 'instrument'
const two = (title: RegExp, kind: TJudgeRule['kind'] = I): TJudgeRule => ({ grade: 2, kind, title })
const one = (title: RegExp, kind?: TJudgeRule['kind']): TJudgeRule => ({ grade: 1, title, ...(kind ? { kind } : {}) })

// prettier-ignore
export const JUDGED_QUERIES: readonly TJudgedQuery[] = [
  // instruments by their Chinese names, abbreviations and synonyms
  { q: '扫描电镜', relevant: [two(/扫描电子显微镜|扫描电子双束/), one(/电子显微镜|电子探针/, I)] },
  { q: '电镜', relevant: [two(/电子显微镜|电子双束显微镜/), one(/电子探针/, I)] },
  { q: 'SEM', relevant: [two(/扫描电子显微镜|扫描电子双束/), one(/电子探针|电子显微镜/, I)] },
  { q: 'TEM', relevant: [two(/透射电子显微镜/), one(/双束显微镜/, I)] },
  { q: '透射电镜', relevant: [two(/透射电子显微镜/), one(/电子显微镜|双束显微镜/, I)] },
  { q: '冷冻电镜', relevant: [two(/冷冻透射电子显微镜/), one(/透射电子显微镜/, I)] },
  { q: '拉曼光谱仪', relevant: [two(/拉曼光谱仪/), one(/拉曼/)] },
  { q: '拉曼', relevant: [two(/拉曼/), one(/拉曼/)] },
  { q: 'Raman', relevant: [two(/拉曼/), one(/拉曼/)] },
  { q: 'lmgpy', relevant: [two(/拉曼光谱仪/)] },
  { q: 'laman', relevant: [two(/拉曼/), one(/拉曼/)] },
  { q: 'HPLC', relevant: [two(/高效液相色谱仪/), one(/液相色谱|HPLC/), { grade: 1, kind: 'service', title: /药品有关物质/ }] },
  { q: '液相色谱', relevant: [two(/液相色谱/), one(/液相色谱/)] },
  { q: '气相色谱', relevant: [two(/气相色谱/), one(/气相色谱/)] },
  { q: 'GC-MS', relevant: [two(/气相色谱-质谱/), one(/气相色谱|液相色谱-质谱/, I)] },
  { q: '气质联用', relevant: [two(/气相色谱-质谱/), one(/气相色谱/, I)] },
  { q: '液质联用', relevant: [two(/液相色谱-质谱/), one(/液相色谱/, I)] },
  { q: '质谱', relevant: [two(/质谱/), one(/质谱/)] },
  { q: 'ICP-MS', relevant: [two(/等离子体质谱/), one(/等离子体/, I)] },
  { q: '核磁共振', relevant: [two(/核磁共振/), one(/磁共振|核磁/)] },
  { q: 'NMR', relevant: [two(/核磁共振/), one(/磁共振|核磁/)] },
  { q: 'X射线衍射', relevant: [two(/X射线衍射/), one(/X射线/, I)] },
  { q: 'XRD', relevant: [two(/^X射线衍射仪$/), one(/X射线衍射/, I)] },
  { q: '红外光谱', relevant: [two(/红外光谱仪/), one(/红外/)] },
  { q: 'FTIR', relevant: [two(/傅里叶变换红外/), one(/红外/, I)] },
  { q: '比表面积', relevant: [two(/比表面积/)] },
  { q: 'BET', relevant: [two(/比表面积/)] },
  { q: '热重分析', relevant: [two(/热重/), one(/同步热分析|TGA/)] },
  { q: 'DSC', relevant: [two(/差示扫描量热/), one(/同步热分析|DSC/)] },
  { q: '热分析', relevant: [two(/热重|差示扫描量热|同步热分析|动态热机械/), one(/DSC|TGA|热性能/)] },
  { q: '流式细胞仪', relevant: [two(/流式细胞/)] },
  { q: 'PCR', relevant: [two(/PCR仪/), one(/PCR/)] },
  { q: '荧光定量PCR', relevant: [two(/荧光定量PCR/), one(/PCR/)] },
  { q: '基因测序', relevant: [two(/基因测序/), one(/测序/)] },
  { q: '酶标仪', relevant: [two(/酶标仪/)] },
  { q: '拉伸试验', relevant: [two(/万能材料试验机/), { grade: 2, kind: 'service', title: /拉伸/ }, one(/拉伸/)] },
  { q: '疲劳试验机', relevant: [two(/疲劳试验机/), one(/试验机/, I)] },
  { q: '冲击试验', relevant: [two(/冲击试验机/), { grade: 2, kind: 'service', title: /冲击试验/ }] },
  { q: '3D打印', relevant: [two(/增材制造/), one(/增材制造/), { grade: 1, kind: 'expert', tag: /增材制造/ }] },
  { q: 'EMC', relevant: [two(/EMC/), { grade: 2, kind: 'service', title: /EMC/ }, { grade: 1, kind: 'expert', tag: /电磁兼容/ }] },
  { q: '示波器', relevant: [two(/示波器/)] },
  { q: '超算', relevant: [two(/高性能计算/)] },
  { q: '共聚焦显微镜', relevant: [two(/共聚焦显微镜/)] },
  { q: '金相显微镜', relevant: [two(/金相显微镜/), one(/金相/)] },
  { q: '粒度分析', relevant: [two(/粒度/)] },
  { q: '元素分析', relevant: [two(/元素分析仪/), { grade: 1, kind: I, tag: /元素分析/ }] },
  { q: 'iS50', relevant: [{ grade: 2, kind: I, text: /iS50/ }, one(/傅里叶变换红外/, I)] },
  { q: 'gxyxsp', relevant: [two(/高效液相色谱仪/)] },
  { q: 'rezhong', relevant: [two(/热重/)] },
  // typos and partial words
  { q: '扫描电子显危镜', relevant: [two(/扫描电子显微镜/), one(/扫描电子|电子显微镜/, I)] },
  { q: '高效液相色普仪', relevant: [two(/高效液相色谱仪/), one(/液相色谱/, I)] },
  // with filters: place, kind
  { q: '扫描电镜 哈尔滨', relevant: [{ grade: 2, kind: I, title: /扫描电子/, region: '2301' }, { grade: 1, kind: I, title: /电子显微镜/, region: '2301' }] },
  { q: '热重分析仪', params: { region: '230000' }, relevant: [{ grade: 2, kind: I, title: /热重/, region: '23' }, { grade: 1, kind: I, title: /热分析/, region: '23' }] },
  { q: '显微镜', params: { kind: 'instrument' }, relevant: [two(/显微镜/)] },
  { q: '色谱', params: { kind: 'instrument', region: '420000' }, relevant: [{ grade: 2, kind: I, title: /色谱/, region: '42' }] },
  // experts and services by field
  { q: '高温合金', params: { kind: 'expert' }, relevant: [{ grade: 2, kind: 'expert', tag: /高温合金/ }] },
  { q: '土壤修复', params: { kind: 'expert' }, relevant: [{ grade: 2, kind: 'expert', tag: /土壤修复/ }, { grade: 1, kind: 'expert', tag: /土壤/ }] },
  { q: '分子诊断', relevant: [{ grade: 2, tag: /分子诊断/ }, { grade: 2, kind: 'lab', title: /分子诊断/ }] },
  { q: '机器视觉', relevant: [{ grade: 2, kind: 'team', title: /机器视觉/ }, { grade: 2, kind: 'expert', tag: /机器视觉/ }, one(/图像/)] },
  { q: '锂离子电池', relevant: [{ grade: 2, text: /锂离子电池|锂电池/ }, { grade: 1, text: /电池/ }] },
  { q: '专利申请', relevant: [{ grade: 2, kind: 'service', title: /专利申请/ }, { grade: 1, kind: 'service', title: /专利/ }, one(/专利法/, 'policy')] },
  { q: '失效分析', relevant: [{ grade: 2, kind: 'service', title: /失效分析/ }, { grade: 1, kind: 'expert', tag: /失效分析/ }] },
  { q: '水质检测', relevant: [{ grade: 2, kind: 'service', title: /水质/ }, { grade: 1, text: /水质/ }] },
  { q: '农药残留', relevant: [{ grade: 2, kind: 'service', title: /农药残留/ }, { grade: 1, text: /农残|农药/ }] },
  // achievements, patents, literature, policies, news, incubators, labs
  { q: '公铁联运', relevant: [{ grade: 2, title: /公铁联运/ }] },
  { q: '毒鼠强', relevant: [{ grade: 2, title: /毒鼠强/ }] },
  { q: '抑菌纸巾', relevant: [{ grade: 2, title: /抑菌纸巾/ }] },
  { q: '钙钛矿', relevant: [{ grade: 2, title: /钙钛矿/ }, { grade: 1, text: /钙钛矿/ }] },
  { q: '石墨烯', relevant: [{ grade: 2, title: /石墨烯/ }, { grade: 1, text: /石墨烯/ }] },
  { q: '镁合金', relevant: [{ grade: 2, title: /镁合金/ }, { grade: 1, text: /镁合金/ }] },
  { q: '风力发电机', relevant: [{ grade: 2, title: /风力发电机|风电机组/ }, { grade: 1, text: /风力发电|风电/ }] },
  { q: '聚酰亚胺', relevant: [{ grade: 2, title: /聚酰亚胺/ }, { grade: 1, text: /聚酰亚胺/ }] },
  { q: '科技成果转化法', relevant: [{ grade: 2, kind: 'policy', title: /促进科技成果转化法/ }, { grade: 1, kind: 'policy', title: /成果转/ }] },
  { q: '创新券', relevant: [{ grade: 2, title: /创新券/ }, { grade: 1, text: /创新券/ }] },
  { q: '孵化器 牡丹江', relevant: [{ grade: 2, kind: 'incubator', title: /牡丹江/ }, { grade: 1, kind: 'incubator' }] },
  { q: '众创空间', relevant: [{ grade: 2, kind: 'incubator', title: /众创空间/ }] },
  { q: '重点实验室', params: { kind: 'lab' }, relevant: [{ grade: 2, kind: 'lab', title: /重点实验室/ }] },
  { q: '大型科研仪器开放', relevant: [{ grade: 2, kind: 'policy', title: /大型科研仪器/ }, { grade: 1, kind: 'news', title: /共享仪器/ }] },
  { q: '数据集 水质', relevant: [{ grade: 2, kind: 'dataset', title: /水质/ }, { grade: 1, kind: 'dataset' }] },
]

/**
 * The grade a judged query gives a document: the highest grade among the rules it satisfies, else 0.
 * @param query the judged query
 * @param doc the document as the judge sees it
 */
export function gradeOf(query: TJudgedQuery, doc: TJudgedDoc): number {
  let grade = 0
  for (const rule of query.relevant) {
    const kinds = rule.kind === undefined ? null : typeof rule.kind === 'string' ? [rule.kind] : rule.kind
    if (kinds && !kinds.includes(doc.kind as TResourceKind)) continue
    if (rule.title && !rule.title.test(doc.title)) continue
    if (rule.text && !rule.text.test(`${doc.title}\n${doc.summary}\n${doc.tags.join(' ')}`)) continue
    if (rule.tag && !doc.tags.some((t) => rule.tag?.test(t))) continue
    if (rule.region && !doc.regionCode.startsWith(rule.region)) continue
    grade = Math.max(grade, rule.grade)
  }
  return grade
}
