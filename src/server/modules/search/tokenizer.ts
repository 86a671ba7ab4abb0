import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'
import { DOMAIN_WORDS, dictionaryText } from './dictionary.ts'
import { SYNONYM_GROUPS } from './synonyms.ts'

/**
 * Chinese word segmentation for the search index and its queries (src/server/modules/search/README.md): jieba with
 * the general dictionary plus the domain words and the synonyms' Chinese terms. Documents and queries go
 * through the same normalisation (NFKC, lower case), so full-width `ＨＰＬＣ` finds `HPLC`.
 */

let instance: Jieba | undefined

/** One-word CJK terms of the synonym table: segmenting them as words lets a query hit them whole. */
function synonymWords(): string[] {
  return SYNONYM_GROUPS.flat().filter((t) => /\p{Script=Han}/u.test(t) && /^[\p{L}\p{N}]+$/u.test(t))
}

/** The shared jieba instance; loading the dictionaries takes ~0.4 s, so it happens once, on first use. */
export function jieba(): Jieba {
  if (!instance) {
    const words = [...DOMAIN_WORDS, ...synonymWords()].map((w) => w.toLowerCase())
    instance = Jieba.withDict(dict)
    instance.loadDict(Buffer.from(dictionaryText(words)))
  }
  return instance
}

/** Full-width to half-width, compatibility forms folded, lower case; the form both sides are cut in. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

/** Function words that carry no meaning on their own: dropped from documents and queries alike. */
const STOP_WORDS = new Set([
  '的',
  '及',
  '与',
  '和',
  '或',
  '等',
  '在',
  '对',
  '了',
  '是',
  '为',
  '于',
  '以',
  '其',
  '并',
  '由',
  '将',
  '把',
  '被',
  '之',
])

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u

/** True for a token worth indexing: contains a letter or digit and is not a stop word. */
export function isIndexable(token: string): boolean {
  return HAS_WORD_CHAR.test(token) && !STOP_WORDS.has(token)
}

const MAX_TOKEN_LENGTH = 60

/** jieba's tokens without spaces, punctuation and stop words (a token is never padded with spaces). */
function clean(tokens: readonly string[]): string[] {
  return tokens.filter((t) => t.length <= MAX_TOKEN_LENGTH && isIndexable(t))
}

/**
 * Tokens of a long text (summary, description, keywords): jieba's search mode, which emits each word and
 * the dictionary words of two and three characters inside it (电子显微镜 → 电子, 显微, 显微镜, 电子显微镜).
 * @param text raw text
 * @returns tokens in text order, duplicates kept (positions feed ts_rank_cd)
 */
export function tokenizeText(text: string): string[] {
  if (!text) return []
  return clean(jieba().cutForSearch(normalizeText(text), true))
}

/**
 * Tokens of a title: its words plus EVERY dictionary word inside it (jieba's full mode, two characters
 * or more), so a query for any dictionary word that occurs in a title finds it (拉曼光谱仪 → 激光显微拉曼光谱仪,
 * 液相色谱 → 高效液相色谱仪). Titles are short, so the extra tokens cost little.
 * @param title raw title
 * @returns tokens, the segmentation first, then the extra words
 */
export function tokenizeTitle(title: string): string[] {
  if (!title) return []
  const text = normalizeText(title)
  const words = clean(jieba().cut(text, true))
  const seen = new Set(words)
  const extra = clean(jieba().cutAll(text)).filter((w) => [...w].length >= 2 && !seen.has(w))
  return [...words, ...new Set(extra)]
}

/**
 * Words of a query, as the user would split them: jieba's accurate mode (HMM on, so names it does not know
 * still come out as one word). Punctuation and spaces stay in the list (the synonym matcher needs them
 * to see `gc-ms` as one term); `isIndexable` tells words from them.
 * @param text normalised query text
 */
export function cutQuery(text: string): string[] {
  return jieba()
    .cut(text, true)
    .filter((t) => t.trim() !== '' && t.length <= MAX_TOKEN_LENGTH)
}

type TPiece = { text: string; start: number; end: number }

/** The fewest pieces that cover every character of the word, or [] when they cannot cover it. */
function coverOf(word: string, pieces: readonly TPiece[]): string[] {
  const chosen: string[] = []
  let at = 0
  while (at < word.length) {
    let best: TPiece | undefined
    for (const p of pieces) if (p.start <= at && p.end > at && (!best || p.end > best.end)) best = p
    if (!best) return []
    chosen.push(best.text)
    at = best.end
  }
  return chosen
}

/**
 * The fewest smaller dictionary words that together cover a word of four characters or more
 * (液相色谱 → 液相, 相色谱; 扫描电子显微镜 → 扫描, 电子, 显微镜). Document bodies are cut in search mode, which only
 * emits two- and three-character pieces of long words, so a long query word also matches a body that has
 * those pieces. A word its pieces cannot cover (3d打印: only 打印) has none: 打印 alone would match too much.
 * @param word a normalised query word
 * @returns the pieces, or [] when the word is short or cannot be covered
 */
export function piecesOf(word: string): string[] {
  if ([...word].length < 4) return []
  const pieces: TPiece[] = []
  for (const p of new Set(clean(jieba().cutForSearch(word, true)))) {
    if (p === word || [...p].length < 2) continue
    for (let at = word.indexOf(p); at >= 0; at = word.indexOf(p, at + 1))
      pieces.push({ text: p, start: at, end: at + p.length })
  }
  return coverOf(word, pieces)
}
