/**
 * tsvector and tsquery values written as PostgreSQL literals, so the lexemes are exactly jieba's tokens:
 * no text-search parser runs in the database (the `simple` parser would split `x射线` or `gc-ms` its own
 * way). Both engines read the same literal, so documents and queries match identically on PGlite and
 * PostgreSQL.
 */

/** Weights of the document's fields: A title, B keywords and tags, C description, D owner and place. */
export type TWeight = 'A' | 'B' | 'C' | 'D'

/** Tokens per weight, in text order; `bare` lexemes carry no position (filter values, facet-lexemes.ts). */
export type TWeightedTokens = Partial<Record<TWeight, readonly string[]>> & { bare?: readonly string[] }

/** PostgreSQL keeps positions 1–16383 and at most 256 of them per lexeme. */
const MAX_POSITION = 16_383
const MAX_POSITIONS_PER_LEXEME = 256
const WEIGHT_ORDER: readonly TWeight[] = ['A', 'B', 'C', 'D']

/**
 * Quotes one lexeme for a tsvector or tsquery literal: inside single quotes, `'` and `\` are doubled or
 * escaped.
 * @param lexeme a token
 */
export function quoteLexeme(lexeme: string): string {
  if (!lexeme.includes("'") && !lexeme.includes('\\')) return `'${lexeme}'`
  return `'${lexeme.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`
}

/**
 * Builds a tsvector literal from weighted tokens: each token gets the next position, tagged with its
 * field's weight (D is PostgreSQL's default and is written without a letter).
 * @param fields tokens per weight, and position-less lexemes
 * @returns e.g. `'拉曼':1A '光谱仪':2A,7C 'kind:instrument'`, or '' for no tokens
 */
export function buildTsvector(fields: TWeightedTokens): string {
  // lexeme → [positions text, count]; strings are appended in place to keep bulk indexing cheap
  const positions = new Map<string, [string, number]>()
  let position = 0
  for (const weight of WEIGHT_ORDER) {
    const suffix = weight === 'D' ? '' : weight
    for (const token of fields[weight] ?? []) {
      if (position < MAX_POSITION) position++
      const entry = positions.get(token)
      if (!entry) positions.set(token, [`${position}${suffix}`, 1])
      else if (entry[1] < MAX_POSITIONS_PER_LEXEME) {
        entry[0] += `,${position}${suffix}`
        entry[1]++
      }
    }
  }
  let out = ''
  for (const [lexeme, [list]] of positions) out += `${out ? ' ' : ''}${quoteLexeme(lexeme)}:${list}`
  for (const lexeme of new Set(fields.bare ?? [])) {
    if (!positions.has(lexeme)) out += `${out ? ' ' : ''}${quoteLexeme(lexeme)}`
  }
  return out
}

/** A tsquery as a tree: a lexeme, or all / any of several sub-queries. */
export type TQueryNode = { lexeme: string } | { all: TQueryNode[] } | { any: TQueryNode[] }

/**
 * Writes a query tree as a tsquery literal. Duplicate branches are dropped and one-element groups
 * collapse, so the literal stays small.
 * @param node the tree
 * @returns e.g. `'拉曼' & ( '光谱仪' | 'raman' )`, or '' for an empty tree
 */
export function writeTsquery(node: TQueryNode): string {
  if ('lexeme' in node) return quoteLexeme(node.lexeme)
  const isAll = 'all' in node
  const parts = [...new Set((isAll ? node.all : node.any).map(writeTsquery).filter((p) => p !== ''))]
  if (parts.length === 0) return ''
  if (parts.length === 1) return parts[0] as string
  return `( ${parts.join(isAll ? ' & ' : ' | ')} )`
}
