import type { Insertable } from 'kysely'
import { contentOfRow } from '#server/modules/catalog/catalog-content.ts'
import type { ResourceRevisionTable, ResourceVersionTable } from '#server/modules/catalog/catalog.tables.ts'
import { DEFAULT_CSTR_PREFIX, formatCstr } from '#server/modules/catalog/cstr.ts'
import type { TDemoResource } from './resource-base.ts'
import { DEFAULT_NOW } from './time.ts'

/**
 * The catalogue-lifecycle columns of the demo resources (0011_catalog_lifecycle.sql), as if they had gone
 * through the review flow: published (and since-offline) rows carry a CSTR-shaped identifier numbered in
 * order of publication, submissions carry the time they were sent, and every row has its version 1.
 */

/** Lifecycle columns of one demo row. */
export type TDemoLifecycle = { cstr: string | null; submitted_at: Date | null; offline_reason: string | null }

/** Why demo resources are offline. */
const OFFLINE_REASON = '设备维护，暂停对外开放'

/**
 * Identifiers for the rows that were published (published_at set), numbered 1…n by publication time,
 * then the lifecycle columns of every row.
 * @param resources the built rows
 * @returns lifecycle columns by resource id, and n (the value resource_cstr_seq must continue from)
 */
export function demoLifecycle(resources: readonly TDemoResource[]): {
  byId: Map<string, TDemoLifecycle>
  cstrCount: number
} {
  const published = resources
    .filter((r) => r.published_at !== null)
    .sort((a, b) => (a.published_at as Date).getTime() - (b.published_at as Date).getTime() || a.id.localeCompare(b.id))
  const cstrs = new Map(published.map((r, i) => [r.id, formatCstr(DEFAULT_CSTR_PREFIX, r.kind, i + 1)]))
  const byId = new Map<string, TDemoLifecycle>()
  for (const r of resources) {
    byId.set(r.id, {
      cstr: cstrs.get(r.id) ?? null,
      submitted_at: r.status === 'submitted' ? r.updated_at : null,
      offline_reason: r.status === 'offline' ? OFFLINE_REASON : null,
    })
  }
  return { byId, cstrCount: published.length }
}

/**
 * Version 1 of each demo row: action 'import' (the demo data is loaded, not written through the API), the
 * row's status and its content as the catalogue snapshots it.
 * @param resources the built rows
 */
export function demoVersionRows(resources: readonly TDemoResource[]): Insertable<ResourceVersionTable>[] {
  return resources.map((r) => ({
    resource_id: r.id,
    version: 1,
    action: 'import',
    status: r.status,
    note: '演示数据',
    content: JSON.stringify(contentOfRow({ ...r, audience: 'public' }, [])),
    changed_by: null,
    changed_at: r.updated_at,
  }))
}

/** The demo's city node whose operator account reviews (build-accounts.ts). */
const REVIEWING_NODE_CODE = 'hlj-mdj'
/** How many published resources of that node wait with a revision, so the review queue shows one of each. */
const REVISIONS = 3

/**
 * Open revisions (submitted changes of published resources) for a few resources of the 牡丹江 node, with
 * their versions 2 (edit) and 3 (submit): the operator's queue then holds both new resources and changes.
 * @param resources the built rows
 * @param nodes the built nodes (id and code)
 * @returns the revision rows, their version rows, and the ids whose row version is 3
 */
export function demoRevisions(resources: readonly TDemoResource[], nodes: readonly { id: string; code: string }[]) {
  const nodeId = nodes.find((n) => n.code === REVIEWING_NODE_CODE)?.id
  const chosen = resources
    .filter((r) => r.node_id === nodeId && r.status === 'published')
    .sort((a, b) => a.id.localeCompare(b.id))
    .slice(0, REVISIONS)
  const revisions: Insertable<ResourceRevisionTable>[] = []
  const versions: Insertable<ResourceVersionTable>[] = []
  for (const [i, r] of chosen.entries()) {
    const changed = {
      ...contentOfRow({ ...r, audience: 'public' }, []),
      summary: `${r.summary}（更新：补充开放时间与收费说明）`,
    }
    const content = JSON.stringify(changed)
    const at = new Date(DEFAULT_NOW.getTime() - (REVISIONS - i) * 3_600_000)
    revisions.push({
      resource_id: r.id,
      status: 'submitted',
      content,
      created_at: at,
      updated_at: at,
      submitted_at: at,
    })
    for (const [version, action, status] of [
      [2, 'edit', 'draft'],
      [3, 'submit', 'submitted'],
    ] as const) {
      versions.push({
        resource_id: r.id,
        version,
        action,
        status,
        note: '演示数据',
        is_revision: true,
        content,
        changed_by: null,
        changed_at: at,
      })
    }
  }
  return { revisions, versions, revisedIds: new Set(chosen.map((r) => r.id)) }
}
