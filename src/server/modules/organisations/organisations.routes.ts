import {
  ZCreateJoinRequestRequest,
  ZDecideJoinRequestRequest,
  ZJoinRequest,
  ZJoinRequestIdParams,
  ZJoinRequestParams,
  ZListJoinRequestsQuery,
  ZListJoinRequestsResponse,
  ZListMembersQuery,
  ZListMembersResponse,
  ZListMyJoinRequestsQuery,
  ZListMyJoinRequestsResponse,
  ZMember,
  ZListNodeOrganisationsQuery,
  ZListOrganisationsResponse,
  ZMemberParams,
  ZNodeIdParams,
  ZOrganisationView,
  ZOrgIdParams,
  ZRegisterOrganisationRequest,
  ZReviewOrganisationRequest,
  ZSearchOrganisationsQuery,
  ZSearchOrganisationsResponse,
  ZSetMemberRolesRequest,
} from '#shared/contracts/organisations.ts'
import { z } from 'zod'
import type { TApp } from '../../http/app-type.ts'
import type { TOrganisationService } from './organisations.service.ts'

const TAGS = ['organisations']

/** Organisations: registration, review by the node, profile; people joining and members. */
export function registerOrganisationRoutes(app: TApp, deps: { organisations: TOrganisationService }): void {
  registerRegistrationRoutes(app, deps.organisations)
  registerMembershipRoutes(app, deps.organisations)
  registerMyJoinRequestRoutes(app, deps.organisations)
}

/** Registration, review by the node, the profile page, the search and the node's list. */
function registerRegistrationRoutes(app: TApp, organisations: TOrganisationService): void {
  app.get(
    '/api/organisations',
    {
      schema: {
        tags: TAGS,
        summary: '查找单位 Approved organisations by name fragment or exact credit code (public fields)',
        querystring: ZSearchOrganisationsQuery,
        response: { 200: ZSearchOrganisationsResponse },
      },
    },
    (request) => organisations.searchOrganisations(request.query),
  )
  app.post(
    '/api/organisations',
    {
      schema: {
        tags: TAGS,
        summary: '单位注册 Register an organisation (signed in; the registrant becomes its admin)',
        body: ZRegisterOrganisationRequest,
        response: { 201: ZOrganisationView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await organisations.registerOrganisation(request.ctx, request.body)),
  )
  app.get(
    '/api/organisations/:id',
    {
      schema: {
        tags: TAGS,
        summary: '单位主页 Organisation profile (private part for its people and node staff)',
        params: ZOrgIdParams,
        response: { 200: ZOrganisationView },
      },
    },
    (request) => organisations.getOrganisation(request.ctx, request.params.id),
  )
  app.get(
    '/api/nodes/:id/organisations',
    {
      schema: {
        tags: TAGS,
        summary: '节点单位列表 Organisations of a node, e.g. the review queue (node staff over it)',
        params: ZNodeIdParams,
        querystring: ZListNodeOrganisationsQuery,
        response: { 200: ZListOrganisationsResponse },
      },
    },
    (request) => organisations.listNodeOrganisations(request.ctx, request.params.id, request.query),
  )
  app.post(
    '/api/organisations/:id/review',
    {
      schema: {
        tags: TAGS,
        summary: '单位审核 Approve or reject a pending organisation (node staff over its node)',
        params: ZOrgIdParams,
        body: ZReviewOrganisationRequest,
        response: { 200: ZOrganisationView },
      },
    },
    (request) => organisations.reviewOrganisation(request.ctx, request.params.id, request.body),
  )
}

/** People joining a unit and its members (two-level registration, second level). */
function registerMembershipRoutes(app: TApp, organisations: TOrganisationService): void {
  app.post(
    '/api/organisations/:id/join-requests',
    {
      schema: {
        tags: TAGS,
        summary: '申请加入单位 Ask to join an approved organisation',
        params: ZOrgIdParams,
        body: ZCreateJoinRequestRequest,
        response: { 201: ZJoinRequest },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await organisations.requestToJoin(request.ctx, request.params.id, request.body)),
  )
  app.get(
    '/api/organisations/:id/join-requests',
    {
      schema: {
        tags: TAGS,
        summary: '加入申请列表 Requests to join (the organisation’s admins)',
        params: ZOrgIdParams,
        querystring: ZListJoinRequestsQuery,
        response: { 200: ZListJoinRequestsResponse },
      },
    },
    (request) => organisations.listJoinRequests(request.ctx, request.params.id, request.query),
  )
  app.post(
    '/api/organisations/:id/join-requests/:requestId/decide',
    {
      schema: {
        tags: TAGS,
        summary: '处理加入申请 Approve or reject a request to join (the organisation’s admins)',
        params: ZJoinRequestParams,
        body: ZDecideJoinRequestRequest,
        response: { 200: ZJoinRequest },
      },
    },
    (request) =>
      organisations.decideJoinRequest(request.ctx, request.params.id, request.params.requestId, request.body),
  )
  app.get(
    '/api/organisations/:id/members',
    {
      schema: {
        tags: TAGS,
        summary: '单位成员 Members and their roles (its people and node staff over it)',
        params: ZOrgIdParams,
        querystring: ZListMembersQuery,
        response: { 200: ZListMembersResponse },
      },
    },
    (request) => organisations.listMembers(request.ctx, request.params.id, request.query),
  )
  app.delete(
    '/api/organisations/:id/members/:userId',
    {
      schema: {
        tags: TAGS,
        summary: '移除成员 Remove a person from the organisation (its admins, platform admin; never the last admin)',
        params: ZMemberParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await organisations.removeMember(request.ctx, request.params.id, request.params.userId)
      return reply.status(204).send(null)
    },
  )
  app.put(
    '/api/organisations/:id/members/:userId/roles',
    {
      schema: {
        tags: TAGS,
        summary: '设置成员角色 Set a person’s roles in the organisation (its admins; never drops the last admin)',
        params: ZMemberParams,
        body: ZSetMemberRolesRequest,
        response: { 200: ZMember },
      },
    },
    (request) => organisations.setMemberRoles(request.ctx, request.params.id, request.params.userId, request.body),
  )
}

/** The signed-in person's own requests to join units. */
function registerMyJoinRequestRoutes(app: TApp, organisations: TOrganisationService): void {
  app.get(
    '/api/me/join-requests',
    {
      schema: {
        tags: TAGS,
        summary: '我的加入申请 My requests to join organisations, newest first',
        querystring: ZListMyJoinRequestsQuery,
        response: { 200: ZListMyJoinRequestsResponse },
      },
    },
    (request) => organisations.listMyJoinRequests(request.ctx, request.query),
  )
  app.delete(
    '/api/join-requests/:id',
    {
      schema: {
        tags: TAGS,
        summary: '撤回加入申请 Withdraw one of my pending requests to join',
        params: ZJoinRequestIdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await organisations.cancelJoinRequest(request.ctx, request.params.id)
      return reply.status(204).send(null)
    },
  )
}
