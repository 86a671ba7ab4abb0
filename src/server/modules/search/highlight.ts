/**
 * Highlighting of search results: the matched terms wrapped in `<mark>`, everything else HTML-escaped, so
 * the web client can render the string as HTML without any other escaping.
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes the five HTML-special characters. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c)
}

const LATIN_TERM = /^[a-z0-9][a-z0-9.-]*$/
const WORD_CHAR = /[a-z0-9]/i

/** A range [start, end) of the text. */
export type TRange = [number, number]

function findTermRanges(text: string, terms: readonly string[]): TRange[] {
  const lower = text.toLowerCase()
  // toLowerCase keeps the length for CJK and ASCII; for anything else, match the text as it is
  const haystack = lower.length === text.length ? lower : text
  const ranges: TRange[] = []
  for (const term of terms) {
    if (!term) continue
    const needle = term.toLowerCase()
    const isLatin = LATIN_TERM.test(needle)
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
      const end = at + needle.length
      // a Latin term matches whole words only: `tem` must not light up inside `system`
      if (isLatin && (WORD_CHAR.test(haystack[at - 1] ?? '') || WORD_CHAR.test(haystack[end] ?? ''))) continue
      ranges.push([at, end])
    }
  }
  return ranges
}

/** Sorts ranges and merges those that overlap or touch. */
export function mergeRanges(ranges: readonly TRange[]): TRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const out: TRange[] = []
  for (const [start, end] of sorted) {
    const last = out[out.length - 1]
    if (last && start <= last[1]) last[1] = Math.max(last[1], end)
    else out.push([start, end])
  }
  return out
}

export type THighlightOptions = {
  /** Extra ranges to mark, e.g. where a pinyin query matched the title. */
  ranges?: readonly TRange[]
  /** Cut the text to about this many characters around the first match ('…' marks the cuts). */
  maxLength?: number
}

function window(text: string, ranges: readonly TRange[], maxLength: number): [number, number] {
  if (text.length <= maxLength) return [0, text.length]
  const first = ranges[0]?.[0] ?? 0
  const start = Math.max(0, Math.min(first - Math.floor(maxLength / 4), text.length - maxLength))
  return [start, start + maxLength]
}

/**
 * Marks every occurrence of the terms (case-insensitive) and the given ranges in the text.
 * @param text plain text (a title or summary)
 * @param terms the query's words, their pieces and synonyms
 * @param options extra ranges; a length to cut a snippet around the first match
 * @returns HTML: escaped text with `<mark>…</mark>` around the matches
 */
export function highlight(text: string, terms: readonly string[], options: THighlightOptions = {}): string {
  const ranges = mergeRanges([...findTermRanges(text, terms), ...(options.ranges ?? [])])
  const [from, to] = options.maxLength ? window(text, ranges, options.maxLength) : [0, text.length]
  let html = from > 0 ? '…' : ''
  let at = from
  for (const [start, end] of ranges) {
    const s = Math.max(start, from)
    const e = Math.min(end, to)
    if (e <= s) continue
    html += `${escapeHtml(text.slice(at, s))}<mark>${escapeHtml(text.slice(s, e))}</mark>`
    at = e
  }
  html += escapeHtml(text.slice(at, to))
  return to < text.length ? `${html}…` : html
}
