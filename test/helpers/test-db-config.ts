/**
 * Which database the integration suite runs on: KX_TEST_DB=pglite (default) or postgres. For postgres the
 * server is TEST_DATABASE_URL (default: the local server on 127.0.0.1:5432, database postgres).
 */
export type TTestDbKind = 'pglite' | 'postgres'

export function testDbKind(): TTestDbKind {
  const kind = process.env.KX_TEST_DB ?? 'pglite'
  if (kind !== 'pglite' && kind !== 'postgres') throw new Error(`KX_TEST_DB must be pglite or postgres, not ${kind}`)
  return kind
}

export function testServerUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
}

/** The same server URL pointing at another database. */
export function urlForDatabase(name: string): string {
  const url = new URL(testServerUrl())
  url.pathname = `/${name}`
  return url.toString()
}
