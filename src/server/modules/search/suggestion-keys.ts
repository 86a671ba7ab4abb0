import { pinyinOf } from './pinyin.ts'
import { cutQuery, isIndexable, normalizeText } from './tokenizer.ts'

/** Keys longer than this are cut: a prefix search never needs more. */
const MAX_KEY = 48
/** Tails from the first few words only: nobody starts typing at the tenth word of a patent title. */
const MAX_TAILS = 4
/** Full pinyin only for short tails: longer names are typed through the input method, not letter by letter. */
const MAX_PINYIN_TAIL = 8

const cache = new Map<string, string[]>()
const CACHE_LIMIT = 50_000

/**
 * The prefix keys of a suggestion (GET /api/search/suggest): the title, its tails from each word on
 * (激光显微拉曼光谱仪 → 显微拉曼光谱仪, 拉曼光谱仪, 光谱仪, so typing 拉曼 suggests it), the initials of each of those
 * (lmgpy), and the full pinyin of the short ones (lamanguangpuyi). Cached: titles repeat across a bulk load.
 * @param title the title
 * @param kind the resource kind (experts' names read their first character as a surname)
 * @returns distinct keys
 */
export function suggestionKeys(title: string, kind: string): string[] {
  const cacheKey = `${kind}\u0000${title}`
  let keys = cache.get(cacheKey)
  if (!keys) {
    if (cache.size >= CACHE_LIMIT) cache.clear()
    keys = computeKeys(title, kind)
    cache.set(cacheKey, keys)
  }
  return keys
}

function computeKeys(title: string, kind: string): string[] {
  const text = normalizeText(title).trim()
  const words = cutQuery(text)
  const tails: string[] = []
  let at = 0
  for (const word of words) {
    const start = text.indexOf(word, at)
    if (start < 0) continue
    at = start + word.length
    const tail = text.slice(start).trim()
    if (isIndexable(word) && [...tail].length >= 2) tails.push(tail)
    if (tails.length >= MAX_TAILS) break
  }
  if (tails.length === 0 && text) tails.push(text)
  const keys = new Set<string>()
  for (const tail of tails) {
    keys.add(tail)
    const py = pinyinOf(tail, kind === 'expert' && tail === tails[0])
    if (py.full && [...tail].length <= MAX_PINYIN_TAIL) keys.add(py.full)
    if (py.initials.length >= 2) keys.add(py.initials)
  }
  return [...new Set([...keys].map((k) => k.slice(0, MAX_KEY)))]
}
