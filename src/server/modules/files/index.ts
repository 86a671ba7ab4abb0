/**
 * Uploaded files (issue 3 licences, issue 4 resource images and documents): what other modules use.
 * Routes: POST /api/files, GET /api/files/:id. Other modules claim files inside their own transaction with
 * `claimFiles` and show them with `listFilesForSubject(s)`.
 */
export { claimFiles, listFilesForSubject, listFilesForSubjects, presentFileRef } from './claim.ts'
export type { TClaimOptions, TFileSubjectType } from './claim.ts'
export { createLocalFileStore } from './file-store.ts'
export type { TFileStore } from './file-store.ts'
export { FILES_CLEANUP_CRON, FILES_CLEANUP_JOB, registerFileJobs } from './files.jobs.ts'
export { registerFileRoutes } from './files.routes.ts'
export { createFileService, UNCLAIMED_FILE_TTL_MS } from './files.service.ts'
export type { TFileService } from './files.service.ts'
