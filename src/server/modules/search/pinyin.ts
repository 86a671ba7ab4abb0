import { pinyin } from 'pinyin-pro'

/**
 * Pinyin of titles (SPEC §3 "Search": pinyin and initials): the full pinyin and the initials as plain
 * lower-case letters, with digits and Latin letters kept as they are (实时荧光定量PCR仪 → shishiyingguang…
 * pcryi / ssygdlpcry). Person names (experts) read surnames as surnames (单 → shan).
 */

type TSyllable = { start: number; end: number; full: string; initial: string }

const ALNUM = /^[\p{L}\p{N}]$/u

const HAN = /\p{Script=Han}/u

function syllables(title: string, isPersonName: boolean): TSyllable[] {
  const chars = [...title]
  // 'array' gives one item per character; it is ~9× faster than 'all', which would give the same alignment
  const items = pinyin(title, {
    type: 'array',
    toneType: 'none',
    ...(isPersonName ? { surname: 'head' as const } : {}),
  })
  const aligned = items.length === chars.length
  const out: TSyllable[] = []
  let offset = 0
  chars.forEach((char, i) => {
    const start = offset
    offset += char.length
    const reading = aligned ? (items[i] ?? '') : pinyin(char, { toneType: 'none' })
    if (HAN.test(char) && /^[a-zü]+$/.test(reading)) {
      out.push({ start, end: offset, full: reading.replace('ü', 'v'), initial: reading[0] ?? '' })
    } else if (ALNUM.test(char)) {
      const lower = char.toLowerCase()
      out.push({ start, end: offset, full: lower, initial: lower })
    }
  })
  return out
}

const cache = new Map<string, { full: string; initials: string }>()
const CACHE_LIMIT = 50_000

/**
 * The pinyin columns of a title. Titles repeat a lot (instrument types, service names), so results are
 * cached; the cache is emptied when it grows past 50,000 titles.
 * @param title the resource title
 * @param isPersonName read the first character as a surname
 */
export function pinyinOf(title: string, isPersonName = false): { full: string; initials: string } {
  const key = `${isPersonName ? 1 : 0}${title}`
  const hit = cache.get(key)
  if (hit) return hit
  const list = syllables(title, isPersonName)
  const value = { full: list.map((s) => s.full).join(''), initials: list.map((s) => s.initial).join('') }
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(key, value)
  return value
}

/**
 * Where a Latin-letter query matches a title's full pinyin or initials, as ranges of the title, for
 * highlighting (`lmgpy` in 激光显微拉曼光谱仪 → the range of 拉曼光谱仪).
 * @param title the title
 * @param key the query, lower-case letters only
 * @param isPersonName read the first character as a surname
 * @returns [start, end) ranges in the title, possibly empty
 */
export function pinyinMatchRanges(title: string, key: string, isPersonName = false): [number, number][] {
  if (!key) return []
  const list = syllables(title, isPersonName)
  for (const part of ['full', 'initial'] as const) {
    const starts: number[] = []
    let text = ''
    for (const s of list) {
      starts.push(text.length)
      text += s[part]
    }
    const at = text.indexOf(key)
    if (at < 0) continue
    const hit = list.filter((s, i) => {
      const from = starts[i] ?? 0
      return from < at + key.length && from + s[part].length > at
    })
    const first = hit[0]
    const last = hit[hit.length - 1]
    if (first && last) return [[first.start, last.end]]
  }
  return []
}
