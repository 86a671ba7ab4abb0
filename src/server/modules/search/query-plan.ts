import { findSynonyms } from './synonyms.ts'
import { cutQuery, isIndexable, normalizeText, piecesOf } from './tokenizer.ts'
import { type TQueryNode, writeTsquery } from './tsvector.ts'

/** How a query string is searched, worked out once in Node before any SQL runs. */
export type TQueryPlan = {
  /** The normalised query (NFKC, lower case, single spaces). */
  text: string
  /** Every word must match (each word may match through its synonyms or its pieces); null: nothing to search. */
  allWords: string | null
  /** Any word may match: the partial-match fallback; null when the query has a single word. */
  anyWord: string | null
  /** Strings to highlight: the words, their pieces and synonyms. */
  terms: string[]
  /** Latin letters only (e.g. `lmgpy`, `laman`): also matched against the titles' pinyin and initials. */
  pinyinKey: string | null
}

/**
 * A query word: the word itself, or — for a long word that a document body may hold only as pieces —
 * all of its pieces (液相色谱 → 液相色谱 | (液相 & 色谱 & 相色谱)).
 */
function wordNode(word: string): TQueryNode {
  const pieces = piecesOf(word)
  if (pieces.length === 0) return { lexeme: word }
  return { any: [{ lexeme: word }, { all: pieces.map((p) => ({ lexeme: p })) }] }
}

/** A synonym term of one or more words: all its words. */
function termNode(term: string): TQueryNode {
  return { all: cutQuery(term).filter(isIndexable).map(wordNode) }
}

type TPart = { node: TQueryNode; isShort: boolean; terms: string[] }

function partsOf(text: string): TPart[] {
  const words = cutQuery(text)
  const parts: TPart[] = []
  const addWords = (list: readonly string[]) => {
    for (const word of list.filter(isIndexable)) {
      parts.push({ node: wordNode(word), isShort: [...word].length < 2, terms: [word, ...piecesOf(word)] })
    }
  }
  let at = 0
  for (const hit of findSynonyms(words)) {
    addWords(words.slice(at, hit.start))
    const terms = [...hit.terms, ...hit.terms.flatMap((t) => cutQuery(t).filter(isIndexable))]
    parts.push({ node: { any: hit.terms.map(termNode) }, isShort: false, terms })
    at = hit.end
  }
  addWords(words.slice(at))
  return parts
}

const MAX_PARTS = 12

/**
 * Turns what the user typed into the tsquery literals and highlight terms: synonyms first (longest
 * match, so 扫描电镜 is SEM, not 电镜), the rest cut by jieba; each part may match through its synonyms.
 * @param q the raw query
 * @returns the plan; `allWords` is null when the query has no searchable word (only punctuation, 的 …)
 */
export function planQuery(q: string): TQueryPlan {
  const text = normalizeText(q).replace(/\s+/g, ' ').trim()
  const parts = partsOf(text).slice(0, MAX_PARTS)
  const allWords = writeTsquery({ all: parts.map((p) => p.node) }) || null
  const long = parts.filter((p) => !p.isShort)
  const anyWord =
    parts.length > 1 ? writeTsquery({ any: (long.length > 0 ? long : parts).map((p) => p.node) }) || null : null
  const compact = text.replace(/[\s']/g, '')
  const pinyinKey = /^[a-z]{2,40}$/.test(compact) ? compact : null
  const terms = [...new Set(parts.flatMap((p) => p.terms))].sort((a, b) => b.length - a.length)
  return { text, allWords, anyWord, terms, pinyinKey }
}
