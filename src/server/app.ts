import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import helmet from '@fastify/helmet'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyBaseLogger, type FastifyServerOptions } from 'fastify'
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { type TMailer, createLogMailer } from './adapters/mailer.ts'
import { createDevSmsGateway, type TSmsGateway } from './adapters/sms-gateway.ts'
import { systemClock, type TClock } from './clock.ts'
import type { TDatabase } from './db/pool.ts'
import type { TApp } from './http/app-type.ts'
import { registerErrorHandling, routeNotFound, sendError } from './http/error-handler.ts'
import { registerOpenApi } from './http/openapi.ts'
import { generateRequestId } from './http/request-id.ts'
import { registerSessionHook } from './http/session.ts'
import { validatorCompiler } from './http/validation.ts'
import { createInProcessJobQueue, type TJobQueue } from './jobs/queue.ts'
import { registerAuditRoutes } from './modules/audit/audit.routes.ts'
import { registerBookingRoutes } from './modules/booking/booking.routes.ts'
import { createBookingService } from './modules/booking/booking.service.ts'
import { registerBookingJobs } from './modules/booking/no-show.ts'
import { createAuditService } from './modules/audit/audit.service.ts'
import { DEFAULT_IDENTITY_CONFIG, type TIdentityConfig } from './modules/identity/identity.config.ts'
import { registerIdentityRoutes } from './modules/identity/identity.routes.ts'
import { createIdentityService } from './modules/identity/identity.service.ts'
import { registerNotifyRoutes } from './modules/notify/notify.routes.ts'
import { createNotifyService } from './modules/notify/notify.service.ts'
import { registerOrganisationRoutes } from './modules/organisations/organisations.routes.ts'
import { createOrganisationService } from './modules/organisations/organisations.service.ts'
import { registerCatalogRoutes } from './modules/catalog/catalog.routes.ts'
import { registerCatalogImportRoutes } from './modules/catalog/catalog-import.routes.ts'
import { createExportService } from './modules/catalog/export-service.ts'
import { createImportService } from './modules/catalog/import-service.ts'
import { createCatalogService } from './modules/catalog/catalog.service.ts'
import { createCatalogManageService } from './modules/catalog/catalog-manage.service.ts'
import { registerCatalogWriteRoutes } from './modules/catalog/catalog-write.routes.ts'
import { createSearchService, registerSearchRoutes } from './modules/search/index.ts'
import { registerDemandRoutes } from './modules/demand/demand.routes.ts'
import { createDemandService } from './modules/demand/demand.service.ts'
import { registerFeedbackRoutes } from './modules/feedback/feedback.routes.ts'
import { createFileService, createLocalFileStore, registerFileRoutes } from './modules/files/index.ts'
import { registerHelpRequestRoutes } from './modules/help-requests/help-requests.routes.ts'
import { createHelpRequestService } from './modules/help-requests/help-requests.service.ts'
import { createFeedbackService } from './modules/feedback/feedback.service.ts'
import { registerNetworkRoutes } from './modules/network/network.routes.ts'
import { createNetworkService } from './modules/network/network.service.ts'
import { registerStatsRoutes } from './modules/stats/stats.routes.ts'
import { createStatsService } from './modules/stats/stats.service.ts'
import { registerSystemRoutes } from './modules/system/system.routes.ts'

export type TAppDeps = {
  database: TDatabase
  /** Pino options, a logger instance, or false for none (tests). */
  logger?: FastifyServerOptions['logger'] | FastifyBaseLogger
  /** Folder of the built web UI (index.html + assets); null serves the API only. */
  webDir?: string | null
  /** Largest accepted request body in bytes. */
  bodyLimit?: number
  /** Time for every rule that expires or locks (tests pass a manual clock). */
  clock?: TClock
  /** SMS gateway; default: the development gateway (logs + dev outbox, sends nothing). */
  sms?: TSmsGateway
  /** Outgoing mail; default: a logging mailer that sends nothing. */
  mailer?: TMailer
  /** Background jobs; default: the in-process queue (PGlite, tests). main.ts passes pg-boss on PostgreSQL. */
  jobs?: TJobQueue
  /** Session, lockout and second-factor settings. */
  identity?: TIdentityConfig
  /**
   * Behind a reverse proxy: which hops to trust for the client address (X-Forwarded-For), as Fastify's
   * `trustProxy` (true, or the proxies' addresses). Per-address lockout and SMS limits depend on it.
   */
  trustProxy?: boolean | string
  /** 5-character prefix of the catalogue's CSTR-shaped platform identifiers (default 'KX000'). */
  cstrPrefix?: string
  /**
   * Folder of uploaded files (main.ts: KEXIANG_DATA_DIR/files). Default: a new temporary folder, removed
   * when the app closes (tests).
   */
  filesDir?: string
}

/**
 * Builds the whole HTTP application without listening, so tests call `app.inject()` and main.ts calls
 * `listen()`. Dependencies are explicit: nothing here reads the environment.
 */
export async function buildApp(deps: TAppDeps): Promise<TApp> {
  const loggerOption = deps.logger ?? false
  const isLoggerInstance = typeof loggerOption === 'object' && loggerOption !== null && 'child' in loggerOption
  const app = Fastify({
    ...(isLoggerInstance ? { loggerInstance: loggerOption as FastifyBaseLogger } : { logger: loggerOption }),
    genReqId: generateRequestId,
    bodyLimit: deps.bodyLimit ?? 1024 * 1024,
    return503OnClosing: true,
    trustProxy: deps.trustProxy ?? false,
  }).withTypeProvider<ZodTypeProvider>()

  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  registerErrorHandling(app)
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        // antd writes its CSS-in-JS into <style> tags at run time.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
      },
    },
  })
  await registerOpenApi(app)

  const { db } = deps.database
  const clock = deps.clock ?? systemClock
  const log = (message: string) => app.log.info(message)
  const sms = deps.sms ?? createDevSmsGateway({ db, log })
  const mailer = deps.mailer ?? createLogMailer(log)
  const jobs = deps.jobs ?? createInProcessJobQueue()
  const identityConfig = deps.identity ?? DEFAULT_IDENTITY_CONFIG

  const audit = createAuditService({ db, clock })
  const notify = createNotifyService({ db, clock, jobs, mailer, sms })
  const identity = createIdentityService({ db, clock, sms, audit, config: identityConfig })
  const organisations = createOrganisationService({ db, clock, audit, notify, identity })
  const network = createNetworkService({ db, clock, audit, identity })
  await registerSessionHook(app, { resolveSession: identity.resolveSession })

  registerSystemRoutes(app, { database: deps.database })
  registerIdentityRoutes(app, { identity, config: identityConfig })
  registerAuditRoutes(app, { audit })
  registerNotifyRoutes(app, { notify })
  registerOrganisationRoutes(app, { organisations })
  const booking = createBookingService({ db, clock, audit, notify })
  registerBookingRoutes(app, { booking })
  await registerBookingJobs({ jobs, booking })
  registerStatsRoutes(app, { stats: createStatsService({ db }) })
  const search = createSearchService({ db })
  registerCatalogRoutes(app, { catalog: createCatalogService({ db, network }) })
  const catalogManage = createCatalogManageService({ db, clock, audit, notify, search, cstrPrefix: deps.cstrPrefix })
  registerCatalogWriteRoutes(app, { catalog: catalogManage })
  registerSearchRoutes(app, { search })
  registerNetworkRoutes(app, { network })
  registerDemandRoutes(app, { demand: createDemandService({ db }) })
  registerFeedbackRoutes(app, { feedback: createFeedbackService({ db }) })
  const files = createFileService({ db, clock, store: createLocalFileStore(filesDirOf(app, deps)) })
  await registerFileRoutes(app, { files })
  registerHelpRequestRoutes(app, {
    helpRequests: createHelpRequestService({ db, clock, audit, notify, identity }),
  })
  // bulk import/export (issue 4 item 4); on PostgreSQL the import writes progress beside its transaction
  const canWriteBesideTransaction = deps.database.kind === 'postgres'
  const imports = createImportService({ db, clock, audit, canWriteBesideTransaction, log: app.log })
  registerCatalogImportRoutes(app, { imports, exports: createExportService({ db, clock, audit }), clock })

  await registerWeb(app, deps.webDir ?? null)
  return app
}

/** The files folder: the one given, or a temporary one that goes away with the app. */
function filesDirOf(app: TApp, deps: TAppDeps): string {
  if (deps.filesDir) return deps.filesDir
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kexiang-files-'))
  app.addHook('onClose', async () => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** Serves the built UI; unknown non-API GETs get index.html (client-side routes), the rest a JSON 404. */
async function registerWeb(app: TApp, webDir: string | null): Promise<void> {
  const hasWeb = webDir !== null && existsSync(path.join(webDir, 'index.html'))
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false, maxAge: '1h' })
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/api' || request.url.startsWith('/healthz')
    const wantsHtml = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html')
    if (hasWeb && !isApi && wantsHtml) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html')
    }
    return sendError(routeNotFound(request), request, reply)
  })
}
