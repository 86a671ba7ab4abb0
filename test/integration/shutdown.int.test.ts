import http from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/server/db/pool.ts'
import { createScratchPostgresDatabase } from '../helpers/db.ts'
import { startServerProcess } from '../helpers/server-process.ts'
import { testDbKind } from '../helpers/test-db-config.ts'

// The real server process, killed with SIGTERM while requests are in flight: those requests finish,
// the process exits 0, and everything it answered 201 for is in the database afterwards. Starting the real
// server (tsx, migrations, job queue) can take tens of seconds on a loaded 2-core machine: long timeouts.
let env: Record<string, string>
let reopen: () => ReturnType<typeof openDatabase>
let cleanup: () => Promise<void>

beforeAll(async () => {
  if (testDbKind() === 'pglite') {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kx-shutdown-'))
    env = { KEXIANG_DATA_DIR: dir, KEXIANG_NO_DEMO: '1' }
    reopen = () => openDatabase({ dataDir: path.join(dir, 'pglite') })
    cleanup = () => rm(dir, { recursive: true, force: true })
  } else {
    const scratch = await createScratchPostgresDatabase()
    env = { DATABASE_URL: scratch.url, KEXIANG_NO_DEMO: '1' }
    reopen = () => openDatabase({ url: scratch.url, maxConnections: 1 })
    cleanup = scratch.drop
  }
})
afterAll(async () => cleanup())

type TResult = { status: number | 'error'; at: number; id?: string }

/** POSTs feedback; `slowTail` holds the last bytes of the body back until it resolves. */
function postFeedback(baseUrl: string, content: string, slowTail?: Promise<void>): Promise<TResult> {
  const body = JSON.stringify({ category: 'other', content })
  return new Promise((resolve) => {
    const req = http.request(`${baseUrl}/api/feedback`, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    })
    req.on('response', (res) => {
      let text = ''
      res.on('data', (c: Buffer) => (text += c.toString()))
      res.on('end', () => {
        const parsed = res.statusCode === 201 ? (JSON.parse(text) as { id: string }) : undefined
        resolve({ status: res.statusCode ?? 0, at: Date.now(), ...(parsed ? { id: parsed.id } : {}) })
      })
    })
    req.on('error', () => resolve({ status: 'error', at: Date.now() }))
    if (!slowTail) return void req.end(body)
    req.write(body.slice(0, 10))
    void slowTail.then(() => req.end(body.slice(10)))
  })
}

describe('graceful shutdown (SIGTERM)', () => {
  it('finishes in-flight requests, exits 0 and loses nothing that was acknowledged', async () => {
    const server = await startServerProcess(env)
    let releaseTail!: () => void
    const tail = new Promise<void>((resolve) => (releaseTail = resolve))
    const slow = postFeedback(server.baseUrl, 'in flight during SIGTERM', tail)
    const burst = Array.from({ length: 30 }, (_, i) => postFeedback(server.baseUrl, `burst message ${i}`))
    await new Promise((r) => setTimeout(r, 300))

    const sigtermAt = Date.now()
    server.child.kill('SIGTERM')
    await new Promise((r) => setTimeout(r, 300))
    releaseTail()

    const slowResult = await slow
    const burstResults = await Promise.all(burst)
    expect(await server.exited).toBe(0)

    expect(slowResult.status).toBe(201)
    expect(slowResult.at).toBeGreaterThan(sigtermAt)
    for (const r of burstResults) expect([201, 503, 'error']).toContain(r.status)

    const acknowledged = [slowResult, ...burstResults].filter((r) => r.status === 201).map((r) => r.id!)
    const database = await reopen()
    try {
      const rows = await database.db.selectFrom('feedback').select('id').execute()
      expect(rows.map((r) => r.id).sort()).toEqual(acknowledged.sort())
    } finally {
      await database.close()
    }
  }, 150_000)

  it('starts again on the same data: migrations already applied', async () => {
    const server = await startServerProcess(env)
    const res = await fetch(`${server.baseUrl}/readyz`)
    expect(res.status).toBe(200)
    expect(server.output()).toContain('up to date')
    server.child.kill('SIGTERM')
    expect(await server.exited).toBe(0)
  }, 150_000)
})
