import { createHash, randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { TTestSession } from '../../../../test/helpers/sessions.ts'
import type { DB } from '../../db/schema.ts'
import type { TApp } from '../../http/app-type.ts'

/** Test helpers of the catalogue's write side: request bodies, uploaded-file rows, one-line requests. */

/** A valid body for POST /api/catalog/resources: an instrument of `orgId` in 牡丹江 东安区. */
export function buildInstrumentBody(orgId: string, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'instrument',
    orgId,
    title: '场发射扫描电子显微镜',
    summary: '用于材料表面形貌观察与成分分析',
    tags: ['SEM', '电镜'],
    regionCode: '231002',
    disciplineCode: '43025',
    industryCode: 'M745',
    category: '0109',
    sharingLevel: 'paid',
    contact: { name: '王老师', phone: '0453-6666666', email: '' },
    attributes: {
      model: 'SU8010',
      manufacturer: '日立',
      indicators: '二次电子分辨率 1.0 nm',
      functions: '表面形貌观察、能谱分析',
      feeStandard: { unit: 'hour', externalFen: 50_000 },
      location: { latitude: 44.55, longitude: 129.63 },
    },
    ...overrides,
  }
}

/** The PUT body for the managed view's content (what the editor sends back), with changes. */
export function editBody(
  content: Record<string, unknown>,
  expectedVersion: number,
  changes: Record<string, unknown> = {},
) {
  const attachments = ((content.attachments as { fileId: string; role: string; caption: string }[]) ?? []).map((a) => ({
    fileId: a.fileId,
    role: a.role,
    caption: a.caption,
  }))
  return { ...content, attachments, expectedVersion, ...changes }
}

/**
 * An uploaded file as the files module stores it (no bytes on disk: the catalogue only reads the row).
 * @param options uploader, the unit it was uploaded for, type and purpose
 */
export async function insertStoredFile(
  db: Kysely<DB>,
  options: { uploadedBy: string; orgId?: string | null; mime?: string; purpose?: string; name?: string },
): Promise<string> {
  const id = randomUUID()
  await db
    .insertInto('stored_file')
    .values({
      id,
      uploaded_by: options.uploadedBy,
      org_id: options.orgId ?? null,
      purpose:
        options.purpose ?? (options.mime?.startsWith('image/') === false ? 'resource_document' : 'resource_image'),
      original_name: options.name ?? 'photo.png',
      mime: options.mime ?? 'image/png',
      size_bytes: 1234,
      sha256: createHash('sha256').update(id).digest('hex'),
    })
    .execute()
  return id
}

/** Sends one JSON request as `session` (or anonymously). */
export async function call(
  app: TApp,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  session: TTestSession | null,
  payload?: object,
) {
  return app.inject({
    method,
    url,
    headers: {
      ...(session ? { cookie: session.cookie } : {}),
      ...(payload ? { 'content-type': 'application/json' } : {}),
    },
    ...(payload ? { payload: JSON.stringify(payload) } : {}),
  })
}

/** `/api/catalog/resources/:id` and its step URLs. */
export const resourceUrl = (id: string, verb = '') => `/api/catalog/resources/${id}${verb ? `/${verb}` : ''}`

let serial = 0

/**
 * Drives resources of one unit through the lifecycle by the API: `owner` writes and submits, `reviewer`
 * approves. Titles are unique in the test process, so search finds each one first.
 */
export function createLifecycleDriver(app: TApp, who: { orgId: string; owner: TTestSession; reviewer: TTestSession }) {
  async function draft(overrides: Record<string, unknown> = {}) {
    serial += 1
    const title = `原子力显微镜 型号甲${serial}号`
    const body = buildInstrumentBody(who.orgId, { title, ...overrides })
    const res = await call(app, 'POST', '/api/catalog/resources', who.owner, body)
    if (res.statusCode !== 201) throw new Error(`draft: ${res.statusCode} ${res.body}`)
    return { ...res.json(), title } as { id: string; title: string; content: Record<string, unknown> }
  }
  async function submitted(overrides: Record<string, unknown> = {}) {
    const d = await draft(overrides)
    const res = await call(app, 'POST', resourceUrl(d.id, 'submit'), who.owner)
    if (res.statusCode !== 200) throw new Error(`submit: ${res.statusCode} ${res.body}`)
    return d
  }
  async function published(overrides: Record<string, unknown> = {}) {
    const d = await submitted(overrides)
    const res = await call(app, 'POST', resourceUrl(d.id, 'review'), who.reviewer, { decision: 'approve' })
    if (res.statusCode !== 200) throw new Error(`approve: ${res.statusCode} ${res.body}`)
    return { ...d, cstr: res.json().cstr as string, version: res.json().version as number }
  }
  const publicDetail = (id: string) => call(app, 'GET', `/api/resources/${id}`, null)
  async function searchIds(q: string): Promise<string[]> {
    const res = await call(app, 'GET', `/api/search?q=${encodeURIComponent(q)}`, null)
    return res.json().items.map((i: { id: string }) => i.id)
  }
  /** The history as 'version action status[ (revision)]' lines, newest first. */
  async function versionsOf(id: string): Promise<string[]> {
    const res = await call(app, 'GET', resourceUrl(id, 'versions'), who.owner)
    type TLine = { version: number; action: string; status: string; isRevision: boolean }
    return res
      .json()
      .items.map((v: TLine) => `${v.version} ${v.action} ${v.status}${v.isRevision ? ' (revision)' : ''}`)
  }
  return { draft, submitted, published, publicDetail, searchIds, versionsOf }
}
