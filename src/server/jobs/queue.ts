// STUB — being replaced by the job queue (pg-boss on PostgreSQL, in-process on PGlite).
export type TJobHandler<T> = (data: T) => Promise<void>
export type TJobQueue = {
  send: <T extends object>(name: string, data: T) => Promise<void>
  work: <T extends object>(name: string, handler: TJobHandler<T>) => Promise<void>
  stop: () => Promise<void>
}
export function createInProcessJobQueue(): TJobQueue {
  return { send: async () => {}, work: async () => {}, stop: async () => {} }
}
