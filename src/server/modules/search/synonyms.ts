/**
 * Synonyms expanded at query time (SPEC §3 "Search": synonyms). Each group lists terms that name the same
 * thing; a query containing one of them also matches documents containing any other. Latin terms are
 * lower case and match only as whole words (`sem` does not match inside `semiconductor`).
 * Expansion happens on the query only, so editing this table needs no re-indexing.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['电镜', '电子显微镜'],
  ['sem', '扫描电镜', '扫描电子显微镜'],
  ['tem', '透射电镜', '透射电子显微镜'],
  ['冷冻电镜', '冷冻透射电子显微镜', 'cryo-em'],
  ['fib', '聚焦离子束', '双束电镜'],
  ['afm', '原子力显微镜'],
  ['hplc', '高效液相色谱', '液相色谱'],
  ['gc', '气相色谱'],
  ['gc-ms', 'gcms', '气质联用', '气相色谱-质谱联用', '气相色谱质谱联用'],
  ['lc-ms', 'lcms', '液质联用', '液相色谱-质谱联用', '液相色谱质谱联用'],
  ['icp-ms', '电感耦合等离子体质谱'],
  ['icp-oes', 'icp-aes', '电感耦合等离子体发射光谱'],
  ['nmr', '核磁共振', '核磁'],
  ['epr', 'esr', '电子顺磁共振', '顺磁共振'],
  ['xrd', 'x射线衍射'],
  ['xrf', 'x射线荧光'],
  ['ftir', '傅里叶变换红外', '红外光谱'],
  ['raman', '拉曼'],
  ['aas', '原子吸收'],
  ['uv-vis', '紫外可见', '紫外-可见'],
  ['pcr', '聚合酶链式反应'],
  ['qpcr', '荧光定量pcr', '实时荧光定量pcr', '定量pcr'],
  ['dsc', '差示扫描量热'],
  ['tga', '热重分析', '热重'],
  ['dma', '动态热机械'],
  ['bet', '比表面积'],
  ['fcm', '流式细胞仪', '流式细胞术', '流式'],
  ['ngs', '高通量测序', '基因测序'],
  ['emc', '电磁兼容'],
  ['hpc', '高性能计算', '超算'],
  ['3d打印', '增材制造'],
  ['风电', '风力发电'],
  ['ct', '工业ct', '计算机断层扫描'],
  ['创新券', '科技创新券'],
]

/** A synonym found in a query's words: words [start, end) form one term of the group `terms`. */
export type TSynonymHit = { start: number; end: number; terms: readonly string[] }

const GROUP_OF: ReadonlyMap<string, readonly string[]> = new Map(
  SYNONYM_GROUPS.flatMap((group) => group.map((term) => [term, group] as const)),
)

/** The longest synonym term is six words (气相色谱-质谱联用 → 气相色谱, -, 质谱联用). */
const MAX_RUN = 6

/**
 * Finds synonym terms among a query's words: a run of consecutive words whose concatenation is a term of
 * the table, longest run first. Working on whole words means a Latin term only matches a whole word
 * (`tem` never fires inside `system`) and a Chinese term only where jieba cut it as such.
 * @param words the query's words in order, punctuation included (normalised: NFKC, lower case)
 * @returns the hits in word order, without overlaps
 */
export function findSynonyms(words: readonly string[]): TSynonymHit[] {
  const hits: TSynonymHit[] = []
  let i = 0
  while (i < words.length) {
    let hit: TSynonymHit | undefined
    for (let len = Math.min(MAX_RUN, words.length - i); len >= 1 && !hit; len--) {
      const group = GROUP_OF.get(words.slice(i, i + len).join(''))
      if (group) hit = { start: i, end: i + len, terms: group }
    }
    if (hit) hits.push(hit)
    i = hit ? hit.end : i + 1
  }
  return hits
}

/** Every term of the group `term` belongs to (itself included), or just `[term]`. */
export function synonymsOf(term: string): readonly string[] {
  const lower = term.toLowerCase()
  return GROUP_OF.get(lower) ?? [lower]
}
