import type { Kysely } from 'kysely'
import { findDiscipline, findIndustry, findInstrumentCategory, regionPath, type TCodeHit } from '#shared/codes/index.ts'
import type {
  TListResourcesQuery,
  TListResourcesResponse,
  TResourceDetail,
  TResourceSummary,
} from '#shared/contracts/catalog.ts'
import { fileUrl } from '#shared/contracts/files.ts'
import type { TResourceKind } from '#shared/resource-kinds.ts'
import type { TActor, TRequestContext } from '../../context.ts'
import type { DB } from '../../db/schema.ts'
import { AppError } from '../../errors.ts'
import type { TNetworkService } from '../network/network.service.ts'
import * as repo from './catalog.repo.ts'

/** Province xx0000 → 'xx', city xxxx00 → 'xxxx', district → all six digits. */
function regionPrefixOf(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2)
  if (code.endsWith('00')) return code.slice(0, 4)
  return code
}

/** Industry codes are stored with their 门类 letter (GB/T 4754 display form, 'M745'); the table is keyed without it. */
function industryDigits(code: string): string {
  return code.length > 1 ? code.slice(1) : code
}

/** "parent / child" display name of a code, or null. */
function codeName(hit: TCodeHit | null): string | null {
  if (!hit) return null
  return [...hit.ancestors.map((a) => a.name), hit.name].join(' / ')
}

type TSummaryRow = {
  id: string
  kind: string
  title: string
  summary: string
  owner_org_id: string
  owner_name: string
  region_code: string
  tags: string[]
  published_at: Date | null
}

/** The fields every resource answer shares, from a row joined with its owner's name. */
function presentSummary(row: TSummaryRow): TResourceSummary {
  return {
    id: row.id,
    kind: row.kind as TResourceKind,
    title: row.title,
    summary: row.summary,
    owner: { id: row.owner_org_id, name: row.owner_name },
    regionCode: row.region_code,
    regionName: regionPath(row.region_code),
    tags: row.tags,
    publishedAt: row.published_at?.toISOString() ?? null,
  }
}

/**
 * Read side of the public catalogue: only published resources are visible here, and of those with the
 * 'network' audience only the ones whose operating node is in the reader's network (see
 * `networkNodeIdsOf`). Writing and review are catalog-manage.service.ts.
 */
export function createCatalogService(deps: {
  db: Kysely<DB>
  /** The network's node tree; without it (benchmarks) only public resources are visible. */
  network?: Pick<TNetworkService, 'visibleNodeIds'>
}) {
  const { db, network } = deps

  /**
   * The nodes whose 'network' resources the reader may see: the nodes of their current unit (its own and
   * the ones it joined) and of their node roles, with every node above them ("users of a child node see
   * the parent's shared resources", network.visibleNodeIds). Anonymous readers: none.
   */
  async function networkNodeIdsOf(actor: TActor | null): Promise<string[]> {
    if (!actor || !network) return []
    const own = actor.currentOrgId ? await repo.findOrganisationNodeIds(db, actor.currentOrgId) : []
    const staffed = actor.grants.flatMap((g) => (g.nodeId ? [g.nodeId] : []))
    const visible = new Set<string>()
    for (const nodeId of new Set([...own, ...staffed])) {
      for (const id of await network.visibleNodeIds(nodeId)) visible.add(id)
    }
    return [...visible]
  }

  /** One page of published resources the reader may see, filtered by kind(s), region and owner organisation. */
  async function listResources(
    ctx: Pick<TRequestContext, 'actor'>,
    query: TListResourcesQuery,
  ): Promise<TListResourcesResponse> {
    const kinds = query.kind === undefined ? undefined : Array.isArray(query.kind) ? query.kind : [query.kind]
    const filter = {
      kinds,
      regionPrefix: query.region ? regionPrefixOf(query.region) : undefined,
      orgId: query.orgId,
      networkNodeIds: await networkNodeIdsOf(ctx.actor),
    }
    const offset = (query.page - 1) * query.pageSize
    const [rows, total] = await Promise.all([
      repo.listPublishedResources(db, filter, { limit: query.pageSize, offset }),
      repo.countPublishedResources(db, filter),
    ])
    return { items: rows.map(presentSummary), total, page: query.page, pageSize: query.pageSize }
  }

  /**
   * A published resource with its kind-specific attributes, identifier and attachments.
   * @throws AppError NOT_FOUND when it does not exist, is not published, or is for a network the reader
   *   is not in
   */
  async function getResource(ctx: Pick<TRequestContext, 'actor'>, id: string): Promise<TResourceDetail> {
    const row = await repo.findPublishedResource(db, id)
    const isVisible =
      row !== undefined && (row.audience === 'public' || (await networkNodeIdsOf(ctx.actor)).includes(row.node_id))
    if (!row || !isVisible) {
      throw new AppError('NOT_FOUND', `resource ${id} not found`, { messageKey: 'error.RESOURCE_NOT_FOUND' })
    }
    const attachments = await repo.listPublicAttachments(db, id)
    return {
      ...presentSummary(row),
      disciplineCode: row.discipline_code,
      disciplineName: row.discipline_code ? codeName(findDiscipline(row.discipline_code)) : null,
      industryCode: row.industry_code,
      industryName: row.industry_code ? codeName(findIndustry(industryDigits(row.industry_code))) : null,
      category: row.category,
      categoryName: row.category ? codeName(findInstrumentCategory(row.category)) : null,
      sharingLevel: row.sharing_level === 'free' ? 'free' : 'paid',
      contact: row.contact,
      attributes: row.attributes,
      node: { id: row.node_id, name: row.node_name },
      cstr: row.cstr,
      audience: row.audience === 'network' ? 'network' : 'public',
      attachments: attachments.map((a) => ({
        fileId: a.file_id,
        role: a.role === 'image' ? 'image' : 'document',
        caption: a.caption,
        name: a.original_name,
        mime: a.mime,
        size: Number(a.size_bytes),
        url: fileUrl(a.file_id),
      })),
    }
  }

  return { listResources, getResource }
}

export type TCatalogService = ReturnType<typeof createCatalogService>
