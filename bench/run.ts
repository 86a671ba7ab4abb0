import { execSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { TBenchmark, TBenchReport } from './harness.ts'

// `npm run bench [-- name…]`: runs every bench/*.bench.ts (or those whose name matches), prints each figure
// with its ceiling and ratio, and rewrites that benchmark's section of docs/BENCHMARKS.md with date and machine.

const DOC = path.resolve('docs/BENCHMARKS.md')
const HEADER = `# Benchmarks

Written by \`npm run bench\` (bench/run.ts); each section is replaced when its benchmark runs again.
Figures are compared with a ceiling measured **in the same run on the same machine**: wall-clock numbers on
this kind of shared 2-core VM drift by up to 2× between runs, ratios much less.
`

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
  let pgVersion = 'not reachable'
  try {
    pgVersion = execSync('psql -h 127.0.0.1 -U postgres -Atc "show server_version"', { encoding: 'utf8', stdio: 'pipe' }).trim()
  } catch {
    pgVersion = 'not reachable'
  }
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}, PostgreSQL ${pgVersion}, PGlite 0.5.14`
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n)
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2)
}

function toMarkdown(name: string, report: TBenchReport, when: string, where: string): string {
  const lines = [
    `<!-- bench:${name} -->`,
    `## ${report.title} (\`${name}\`)`,
    '',
    `Run ${when} on ${where}.`,
    '',
    report.description,
    '',
    '| metric | value | ceiling | ratio | note |',
    '|---|---:|---:|---:|---|',
    ...report.rows.map(
      (r) =>
        `| ${r.metric} | ${fmt(r.value)} ${r.unit} | ${r.ceiling === undefined ? '' : `${fmt(r.ceiling)} ${r.unit}`} | ${r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`} | ${r.note ?? ''} |`,
    ),
    `<!-- /bench:${name} -->`,
  ]
  return lines.join('\n')
}

function writeSection(name: string, section: string): void {
  let doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : HEADER
  const pattern = new RegExp(`<!-- bench:${name} -->[\\s\\S]*?<!-- /bench:${name} -->`)
  doc = pattern.test(doc) ? doc.replace(pattern, section) : `${doc.trimEnd()}\n\n${section}\n`
  writeFileSync(DOC, doc)
}

const filters = process.argv.slice(2)
const files = readdirSync(path.resolve('bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort()
const where = machine()
let failed = 0
for (const file of files) {
  const { bench } = (await import(pathToFileURL(path.resolve('bench', file)).href)) as { bench: TBenchmark }
  console.log(`\n▶ ${bench.name}`)
  try {
    const report = await bench.run()
    for (const r of report.rows) {
      const against = r.ceiling === undefined ? '' : `  (ceiling ${fmt(r.ceiling)} ${r.unit}, ratio ${r.ratio?.toFixed(2)}×)`
      console.log(`  ${r.metric}: ${fmt(r.value)} ${r.unit}${against}${r.note ? `  — ${r.note}` : ''}`)
    }
    writeSection(bench.name, toMarkdown(bench.name, report, new Date().toISOString(), where))
  } catch (err) {
    failed++
    console.error(`  ✗ ${bench.name} failed:`, err)
  }
}
console.log(`\nFigures written to ${path.relative(process.cwd(), DOC)}`)
process.exit(failed ? 1 : 0)
