import { ZResourceIdParams } from '#shared/contracts/catalog.ts'
import {
  ZCreateResourceBody,
  ZManagedListResponse,
  ZManagedResource,
  ZManageListQuery,
  ZOfflineBody,
  ZResourceVersionsResponse,
  ZReviewBody,
  ZReviewQueueQuery,
  ZUpdateResourceBody,
} from '#shared/contracts/catalog-write.ts'
import type { TApp } from '../../http/app-type.ts'
import type { TCatalogManageService } from './catalog-manage.service.ts'

const TAGS = ['catalog']
const MANAGED = { 200: ZManagedResource }

/** The provider and reviewer side of the catalogue: /api/catalog/*. */
export function registerCatalogWriteRoutes(app: TApp, deps: { catalog: TCatalogManageService }): void {
  registerEditingRoutes(app, deps.catalog)
  registerLifecycleRoutes(app, deps.catalog)
}

/** Drafts, edits, deletion, the managed view, the provider's list, versions. */
function registerEditingRoutes(app: TApp, catalog: TCatalogManageService): void {
  app.post(
    '/api/catalog/resources',
    {
      schema: {
        tags: TAGS,
        summary: '新建资源草稿 Create a draft resource (the unit’s resource managers)',
        body: ZCreateResourceBody,
        response: { 201: ZManagedResource },
      },
    },
    async (request, reply) => reply.status(201).send(await catalog.createResource(request.ctx, request.body)),
  )
  app.get(
    '/api/catalog/resources',
    {
      schema: {
        tags: TAGS,
        summary: '单位资源管理列表 A unit’s resources in any status',
        querystring: ZManageListQuery,
        response: { 200: ZManagedListResponse },
      },
    },
    (request) => catalog.listOrgResources(request.ctx, request.query),
  )
  app.get(
    '/api/catalog/resources/:id',
    {
      schema: {
        tags: TAGS,
        summary: '资源管理视图 Managed view of a resource',
        params: ZResourceIdParams,
        response: MANAGED,
      },
    },
    (request) => catalog.getManagedResource(request.ctx, request.params.id),
  )
  app.put(
    '/api/catalog/resources/:id',
    {
      schema: {
        tags: TAGS,
        summary: '编辑资源 Save a draft, or a revision of a published resource (expectedVersion)',
        params: ZResourceIdParams,
        body: ZUpdateResourceBody,
        response: MANAGED,
      },
    },
    (request) => catalog.updateResource(request.ctx, request.params.id, request.body),
  )
  app.delete(
    '/api/catalog/resources/:id',
    { schema: { tags: TAGS, summary: '删除草稿 Delete a never-published draft', params: ZResourceIdParams } },
    async (request, reply) => {
      await catalog.deleteResource(request.ctx, request.params.id)
      return reply.status(204).send()
    },
  )
  app.get(
    '/api/catalog/resources/:id/versions',
    {
      schema: {
        tags: TAGS,
        summary: '版本记录 Every change of a resource, newest first',
        params: ZResourceIdParams,
        response: { 200: ZResourceVersionsResponse },
      },
    },
    (request) => catalog.listVersions(request.ctx, request.params.id),
  )
}

/** Submit, withdraw, review, publish, offline, online, and the node's review queue. */
function registerLifecycleRoutes(app: TApp, catalog: TCatalogManageService): void {
  const simple = [
    ['submit', '提交审核 Submit for review', catalog.submitResource],
    ['withdraw', '撤回 Withdraw a submission', catalog.withdrawResource],
    ['publish', '发布 Publish an approved resource', catalog.publishResource],
    ['online', '重新上线 Ask to bring an offline resource back (new review)', catalog.bringOnline],
  ] as const
  for (const [verb, summary, action] of simple) {
    app.post(
      `/api/catalog/resources/:id/${verb}`,
      { schema: { tags: TAGS, summary, params: ZResourceIdParams, response: MANAGED } },
      (request) => action(request.ctx, request.params.id),
    )
  }
  app.post(
    '/api/catalog/resources/:id/review',
    {
      schema: {
        tags: TAGS,
        summary: '审核 Approve (and publish) or return a submission (node staff)',
        params: ZResourceIdParams,
        body: ZReviewBody,
        response: MANAGED,
      },
    },
    (request) => catalog.reviewResource(request.ctx, request.params.id, request.body),
  )
  app.post(
    '/api/catalog/resources/:id/offline',
    {
      schema: {
        tags: TAGS,
        summary: '下线 Take a published resource offline (provider or node staff)',
        params: ZResourceIdParams,
        body: ZOfflineBody,
        response: MANAGED,
      },
    },
    (request) => catalog.takeOffline(request.ctx, request.params.id, request.body),
  )
  app.get(
    '/api/catalog/reviews',
    {
      schema: {
        tags: TAGS,
        summary: '审核队列 Submissions waiting in a node’s subtree, oldest first',
        querystring: ZReviewQueueQuery,
        response: { 200: ZManagedListResponse },
      },
    },
    (request) => catalog.listReviewQueue(request.ctx, request.query),
  )
}
