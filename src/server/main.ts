import path from 'node:path'
import type { FastifyBaseLogger } from 'fastify'
import { createLogMailer, createSmtpMailer, type TMailer } from './adapters/mailer.ts'
import { buildApp } from './app.ts'
import { systemClock } from './clock.ts'
import { migrate } from './db/migrate.ts'
import { openDatabase } from './db/pool.ts'
import { loadDemoDataOnFirstStart, type TDemoAccount } from './db/seed.ts'
import { loadEnv } from './env.ts'
import { createJobQueue, type TJobLog } from './jobs/queue.ts'
import { registerAuditJobs } from './modules/audit/audit.jobs.ts'
import { createAuditService } from './modules/audit/audit.service.ts'
import { createFileService, createLocalFileStore, registerFileJobs } from './modules/files/index.ts'
import { identityConfigFromEnv } from './modules/identity/identity.config.ts'

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
  // The job queue and the mailer exist before the app, so they log to the console until its logger does.
  const logTo: { app?: FastifyBaseLogger } = {}
  const log: TJobLog = {
    info: (message) => (logTo.app ? logTo.app.info(message) : console.log(message)),
    warn: (message) => (logTo.app ? logTo.app.warn(message) : console.warn(message)),
    error: (message) => (logTo.app ? logTo.app.error(message) : console.error(message)),
  }
  // pg-boss on PostgreSQL (jobs in the database, one run across app copies), in memory on PGlite.
  const jobs = await createJobQueue(database, { connectionString: env.DATABASE_URL, log })
  const mailer: TMailer & { close?: () => void } = env.SMTP_URL
    ? createSmtpMailer({ url: env.SMTP_URL, from: env.MAIL_FROM })
    : createLogMailer((message) => log.info(message))
  const filesDir = env.KEXIANG_FILES_DIR ?? path.join(env.KEXIANG_DATA_DIR, 'files')
  const app = await buildApp({
    database,
    logger: { level: env.LOG_LEVEL },
    webDir: path.resolve('dist/web'),
    identity: identityConfigFromEnv(env),
    trustProxy: env.TRUST_PROXY,
    jobs,
    mailer,
    filesDir,
  })
  logTo.app = app.log
  // The daily audit purge, with the configured retention (app.ts builds its audit service with the default).
  const audit = createAuditService({ db: database.db, clock: systemClock, retentionDays: env.AUDIT_RETENTION_DAYS })
  await registerAuditJobs({ jobs, audit })
  // The hourly clean-up of files nobody claimed within a day.
  const files = createFileService({ db: database.db, clock: systemClock, store: createLocalFileStore(filesDir) })
  await registerFileJobs({ jobs, files })

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
    // Running jobs finish before the database closes under them.
    await jobs.stop().catch((err: unknown) => app.log.error({ err }, 'job queue did not stop cleanly'))
    mailer.close?.()
    await database.close()
    app.log.info('stopped cleanly')
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))

  const address = await app.listen({ port: env.PORT, host: env.HOST })
  printBanner({ address, port: env.PORT, database: database.label, applied, demo, jobs: jobs.description, mail: mailer.description })
}

function printBanner(info: {
  address: string
  port: number
  database: string
  applied: string[]
  demo: { seededNow: boolean; accounts: TDemoAccount[] } | null
  jobs: string
  mail: string
}): void {
  const port = new URL(info.address).port || String(info.port)
  const lines = [
    '',
    '  科享 Kexiang — 科技资源共享服务平台',
    `  门户 Portal:      http://localhost:${port}/`,
    `  接口文档 API:     http://localhost:${port}/api/docs`,
    `  数据库 Database:  ${info.database}`,
    `  迁移 Migrations:  ${info.applied.length ? `applied ${info.applied.join(', ')}` : 'up to date'}`,
    `  任务 Jobs:        ${info.jobs}`,
    `  邮件 Mail:        ${info.mail}`,
  ]
  if (info.demo) {
    lines.push(`  演示数据 Demo data: ${info.demo.seededNow ? 'loaded now (first start)' : 'already present'}`)
    if (info.demo.accounts.length) {
      lines.push('  演示账号 Demo accounts (admin roles set up an authenticator app at first sign-in):')
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
