import path from 'node:path'
import { buildApp } from './app.ts'
import { migrate } from './db/migrate.ts'
import { openDatabase } from './db/pool.ts'
import { loadDemoDataOnFirstStart, type TDemoAccount } from './db/seed.ts'
import { loadEnv } from './env.ts'

/**
 * Starts Kexiang: environment → database (PGlite in KEXIANG_DATA_DIR, or DATABASE_URL) → migrations →
 * demo data on first start → HTTP on PORT. SIGTERM/SIGINT close gracefully: new connections are refused,
 * in-flight requests finish, then the database is closed (PGlite flushes to disk).
 */
async function main(): Promise<void> {
  const env = loadEnv()
  const database = await openDatabase({
    url: env.DATABASE_URL,
    dataDir: env.DATABASE_URL ? undefined : path.join(env.KEXIANG_DATA_DIR, 'pglite'),
  })
  const applied = await migrate(database.pool)
  const demo = env.KEXIANG_NO_DEMO === '1' ? null : await loadDemoDataOnFirstStart(database.db)
  const app = await buildApp({
    database,
    logger: { level: env.LOG_LEVEL },
    webDir: path.resolve('dist/web'),
  })

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    app.log.info({ signal }, 'shutting down: finishing in-flight requests')
    const timer = setTimeout(() => {
      console.error(`Shutdown took longer than ${env.SHUTDOWN_TIMEOUT_MS} ms; exiting anyway.`)
      process.exit(1)
    }, env.SHUTDOWN_TIMEOUT_MS)
    timer.unref()
    await app.close()
    await database.close()
    app.log.info('stopped cleanly')
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))

  const address = await app.listen({ port: env.PORT, host: env.HOST })
  printBanner({ address, port: env.PORT, database: database.label, applied, demo })
}

function printBanner(info: {
  address: string
  port: number
  database: string
  applied: string[]
  demo: { seededNow: boolean; accounts: TDemoAccount[] } | null
}): void {
  const port = new URL(info.address).port || String(info.port)
  const lines = [
    '',
    '  科享 Kexiang — 科技资源共享服务平台',
    `  门户 Portal:      http://localhost:${port}/`,
    `  接口文档 API:     http://localhost:${port}/api/docs`,
    `  数据库 Database:  ${info.database}`,
    `  迁移 Migrations:  ${info.applied.length ? `applied ${info.applied.join(', ')}` : 'up to date'}`,
  ]
  if (info.demo) {
    lines.push(`  演示数据 Demo data: ${info.demo.seededNow ? 'loaded now (first start)' : 'already present'}`)
    if (info.demo.accounts.length) {
      lines.push('  演示账号 Demo accounts (sign-in arrives with the identity module):')
      for (const a of info.demo.accounts) {
        lines.push(`    ${a.roleLabel.padEnd(8, '　')} ${a.phone}  ${a.password}  ${a.name}（${a.scope}）`)
      }
    }
  }
  console.log(`${lines.join('\n')}\n`)
}

main().catch((err: unknown) => {
  console.error('Kexiang failed to start:', err)
  process.exit(1)
})
