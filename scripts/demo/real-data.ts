import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseCsvRecords } from './csv.ts'

/**
 * The real public data the demo catalogue quotes (see data/<dataset>/SOURCE.md): CSL journal-paper metadata
 * (Apache-2.0) and KPPatent-ZH patent texts (MIT). They are byte-for-byte copies of the files in the shared
 * data folder, kept beside the generator so that the seed works from a fresh clone.
 */
export const REAL_DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data')

export type TPaper = {
  id: string
  title: string
  abstract: string
  keywords: string[]
  /** 门类, e.g. 工学 */
  category: string
  /** 学科 as CSL labels it, e.g. 材料科学与工程 */
  discipline: string
}

export type TPatent = {
  id: string
  publicationNumber: string
  title: string
  abstract: string
  firstClaim: string
  claimCount: number
  keywords: string[]
}

export type TRealData = { papers: readonly TPaper[]; patents: readonly TPatent[] }

/** Attribution stored in `attributes.source` of every row built from these files. */
export const SOURCES = {
  csl: {
    dataset: 'CSL: Chinese Scientific Literature (github.com/ydli-ai/CSL)',
    licence: 'Apache-2.0',
  },
  kppatent: {
    dataset: 'KPPatent-ZH (github.com/tanggongbo/KPPatent-ZH); texts are public CNIPA publications',
    licence: 'MIT',
  },
} as const

let cached: TRealData | undefined

function splitKeywords(value: string): string[] {
  return value
    .split(';')
    .map((k) => k.trim())
    .filter((k) => k.length > 0)
}

/**
 * Reads and parses both files once per process (about 5 MB; tens of milliseconds).
 * Patents without a publication number, title or abstract are left out: they cannot be catalogued.
 * @param dir folder holding csl-literature/ and kppatent-zh/
 * @returns papers and patents in file order
 */
export function loadRealData(dir: string = REAL_DATA_DIR): TRealData {
  if (cached && dir === REAL_DATA_DIR) return cached
  const paperRows = parseCsvRecords(readFileSync(path.join(dir, 'csl-literature', 'csl_papers.csv'), 'utf8'))
  const patentRows = parseCsvRecords(readFileSync(path.join(dir, 'kppatent-zh', 'patents_cn.csv'), 'utf8'))
  const papers = paperRows
    .filter((r) => r.title && r.abstract)
    .map((r) => ({
      id: r.id ?? '',
      title: (r.title ?? '').trim(),
      abstract: (r.abstract ?? '').trim(),
      keywords: splitKeywords(r.keywords ?? ''),
      category: r.category ?? '',
      discipline: r.discipline ?? '',
    }))
  const patents = patentRows
    .filter((r) => r.publication_number && r.title && r.abstract)
    .map((r) => ({
      id: r.id ?? '',
      publicationNumber: r.publication_number ?? '',
      title: (r.title ?? '').trim(),
      abstract: (r.abstract ?? '').trim(),
      firstClaim: (r.first_claim ?? '').trim(),
      claimCount: Number(r.claim_count) || 0,
      keywords: splitKeywords(r.keywords ?? ''),
    }))
  const data = { papers, patents }
  if (dir === REAL_DATA_DIR) cached = data
  return data
}

/**
 * Cuts a long text at the last sentence end (。；.) before `max` characters, or hard at `max` with '…'.
 * @param text the text
 * @param max the longest result
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text
  const head = text.slice(0, max)
  const end = Math.max(head.lastIndexOf('。'), head.lastIndexOf('；'), head.lastIndexOf('. '))
  return end > max / 2 ? head.slice(0, end + 1) : `${head.slice(0, max - 1)}…`
}
