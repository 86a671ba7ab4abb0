#!/usr/bin/env node
// `npm test`: every check, in order, on a fresh machine of this kind. It sets up what it can (Debian
// chromium + fonts-noto-cjk, the local PostgreSQL server), saying so, or stops with the exact command to run.
// Steps: typecheck → lint → unit → integration on PGlite → integration on PostgreSQL → web build → browser.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(root)
const bin = (name) => path.join(root, 'node_modules/.bin', name)
const tmp = path.join(root, '.tmp')
mkdirSync(tmp, { recursive: true })
const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

function say(message) {
  console.log(`\n▶ ${message}`)
}

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, TZ: 'UTC', ...env } })
  return result.status === 0
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0
}

function hasCjkFont() {
  const result = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' })
  return result.status === 0 && /Noto (Sans|Serif) CJK/i.test(result.stdout)
}

function ensureBrowser() {
  if (existsSync('/usr/bin/chromium') && hasCjkFont()) return
  const install = 'apt-get update && apt-get install -y chromium fonts-noto-cjk'
  if (!isRoot()) {
    console.error(`The browser suite needs Debian's chromium and fonts-noto-cjk. Run as root:\n  ${install}`)
    process.exit(1)
  }
  say(`Installing Debian's chromium and fonts-noto-cjk for the browser suite (${install})`)
  const ok = run('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${install}`])
  if (!ok || !existsSync('/usr/bin/chromium')) {
    console.error(`Installing chromium failed. Run by hand:\n  ${install}`)
    process.exit(1)
  }
}

function canConnect(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 })
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
    socket.once('timeout', () => (socket.destroy(), resolve(false)))
  })
}

async function ensurePostgres() {
  const url = new URL(pgUrl)
  const host = url.hostname || '127.0.0.1'
  const port = Number(url.port || 5432)
  if (await canConnect(host, port)) return
  const versions = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql') : []
  const start = `pg_ctlcluster --skip-systemctl-redirect ${versions[0] ?? '$(ls /etc/postgresql)'} main start`
  if (!process.env.TEST_DATABASE_URL && versions.length === 1 && isRoot()) {
    say(`PostgreSQL is not answering on ${host}:${port}; starting it (${start})`)
    run('sh', ['-c', start])
    for (let i = 0; i < 30 && !(await canConnect(host, port)); i++) await new Promise((r) => setTimeout(r, 500))
    if (await canConnect(host, port)) return
  }
  console.error(`PostgreSQL is not reachable at ${host}:${port}. Start it with:\n  ${start}\nor set TEST_DATABASE_URL.`)
  process.exit(1)
}

const totals = { passed: 0, failed: 0, skipped: 0 }
const steps = []

function vitest(name, project, env = {}) {
  const report = path.join(tmp, `vitest-${name}.json`)
  const ok = run(bin('vitest'), ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], env)
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'))
    totals.passed += json.numPassedTests
    // a file that fails to load has no failed test of its own: count it, so the closing line cannot read 0 failed
    totals.failed += Math.max(json.numFailedTests, json.success ? 0 : 1)
    totals.skipped += json.numPendingTests + (json.numTodoTests ?? 0)
    if (json.numTotalTests === 0) return false
  }
  return ok
}

function step(name, fn) {
  say(name)
  const started = Date.now()
  const ok = fn()
  steps.push({ name, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) })
  if (!ok) console.error(`✗ ${name} failed`)
}

ensureBrowser()
await ensurePostgres()

step('typecheck (tsc --noEmit)', () => run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']))
step('lint (eslint, zero warnings)', () => run(bin('eslint'), ['.', '--max-warnings', '0']))
step('unit tests', () => vitest('unit', 'unit'))
step('integration tests on PGlite (embedded)', () => vitest('int-pglite', 'integration', { KX_TEST_DB: 'pglite' }))
step(`integration tests on PostgreSQL (${new URL(pgUrl).host})`, () =>
  vitest('int-postgres', 'integration', { KX_TEST_DB: 'postgres', TEST_DATABASE_URL: pgUrl }),
)
step('web build (vite build)', () => run(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']))
step('browser tests (headless Debian chromium)', () => vitest('e2e', 'e2e'))

console.log('\nSummary')
for (const s of steps) console.log(`  ${s.ok ? '✓' : '✗'} ${s.name} (${s.seconds} s)`)
console.log(`  Integration suite ran on: PGlite and PostgreSQL (${new URL(pgUrl).host})`)
const failedSteps = steps.filter((s) => !s.ok).length
console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
if (failedSteps > 0) {
  console.error(`${failedSteps} step(s) failed.`)
  process.exit(1)
}
