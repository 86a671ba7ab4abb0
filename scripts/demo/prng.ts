/**
 * Seeded randomness for the demo data. Everything the generator produces comes from these streams, never
 * from Math.random or the clock, so the same seed always gives byte-identical data (tests rely on it).
 */

/** A seeded pseudo-random stream with the helpers the builders need. */
export type TRng = {
  /** Uniform float in [0, 1). */
  next: () => number
  /** Uniform integer in [min, max], both inclusive. */
  int: (min: number, max: number) => number
  /** Uniform float in [min, max). */
  between: (min: number, max: number) => number
  /** True with probability p. */
  chance: (p: number) => boolean
  /** One element, uniformly. Throws on an empty list. */
  pick: <T>(items: readonly T[]) => T
  /** One value, by weight: `[[value, weight], …]`. */
  weighted: <T>(items: readonly (readonly [T, number])[]) => T
  /** n distinct elements in random order (all of them when n ≥ length). */
  sample: <T>(items: readonly T[], n: number) => T[]
  /** A version-4-shaped UUID made of PRNG bytes. */
  uuid: () => string
  /** n random decimal digits. */
  digits: (n: number) => string
}

/**
 * mulberry32: a tiny 32-bit generator, fast and good enough for demo data (not for secrets).
 * @param seed any 32-bit integer
 * @returns a function giving floats in [0, 1)
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Mixes a seed with a label (FNV-1a over the label's UTF-16 units), so each part of the dataset draws
 * from its own stream: adding experts does not change the instruments.
 * @param seed the user's seed
 * @param label a stable name for the stream, e.g. 'instruments'
 * @returns a 32-bit seed
 */
export function deriveSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  // one extra avalanche round so that seeds 1 and 2 do not give neighbouring states
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b) >>> 0
  h ^= h >>> 13
  return h >>> 0
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

/**
 * Creates a stream for one part of the dataset.
 * @param seed the user's seed
 * @param label the stream's name; different labels give independent streams
 */
export function createRng(seed: number, label = ''): TRng {
  const next = mulberry32(deriveSeed(seed, label))
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('pick from an empty list')
    return items[Math.floor(next() * items.length)] as T
  }
  const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
    const total = items.reduce((sum, [, w]) => sum + w, 0)
    let r = next() * total
    for (const [value, w] of items) {
      r -= w
      if (r < 0) return value
    }
    const last = items[items.length - 1]
    if (!last) throw new RangeError('weighted pick from an empty list')
    return last[0]
  }
  const sample = <T>(items: readonly T[], n: number): T[] => {
    const copy = [...items]
    const count = Math.min(n, copy.length)
    for (let i = 0; i < count; i++) {
      const j = i + Math.floor(next() * (copy.length - i))
      const tmp = copy[i] as T
      copy[i] = copy[j] as T
      copy[j] = tmp
    }
    return copy.slice(0, count)
  }
  const uuid = () => {
    const b: number[] = []
    for (let i = 0; i < 16; i++) b.push(Math.floor(next() * 256))
    b[6] = ((b[6] ?? 0) & 0x0f) | 0x40
    b[8] = ((b[8] ?? 0) & 0x3f) | 0x80
    const h = b.map((x) => HEX[x]).join('')
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
  }
  const digits = (n: number) => {
    let s = ''
    for (let i = 0; i < n; i++) s += String(Math.floor(next() * 10))
    return s
  }
  return {
    next,
    int,
    between: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick,
    weighted,
    sample,
    uuid,
    digits,
  }
}

type TTemplatePart = string | readonly string[]

const TEMPLATE_CACHE = new Map<string, readonly TTemplatePart[]>()

function compileTemplate(template: string): readonly TTemplatePart[] {
  const parts: TTemplatePart[] = []
  let last = 0
  for (const match of template.matchAll(/\{([^{}]*\|[^{}]*)\}/g)) {
    if (match.index > last) parts.push(template.slice(last, match.index))
    parts.push((match[1] ?? '').split('|'))
    last = match.index + match[0].length
  }
  if (last < template.length) parts.push(template.slice(last))
  return parts
}

/**
 * Expands `{a|b|c}` groups in a template by picking one alternative each, so vocabularies can vary
 * their wording ("分辨率 {0.8|1.0} nm") without a list per variant. Templates are parsed once and cached
 * (they come from the fixed vocabularies).
 * @param rng the stream to pick with
 * @param template text with zero or more `{…|…}` groups (no nesting)
 */
export function expandAlternatives(rng: TRng, template: string): string {
  let parts = TEMPLATE_CACHE.get(template)
  if (!parts) {
    parts = compileTemplate(template)
    TEMPLATE_CACHE.set(template, parts)
  }
  let out = ''
  for (const part of parts) out += typeof part === 'string' ? part : rng.pick(part)
  return out
}
