import {
  ZAnswerHelpRequestRequest,
  ZCreateHelpRequestRequest,
  ZHelpRequest,
  ZHelpRequestParams,
  ZListHelpRequestsResponse,
  ZListMyHelpRequestsQuery,
  ZListNodeHelpRequestsQuery,
} from '#shared/contracts/help-requests.ts'
import type { TApp } from '../../http/app-type.ts'
import type { THelpRequestService } from './help-requests.service.ts'

const TAGS = ['help-requests']

/**
 * 帮我找: POST /api/help-requests, GET /api/help-requests/mine (the requester), and for node staff
 * GET /api/nodes/:id/help-requests and POST /api/help-requests/:id/answer.
 */
export function registerHelpRequestRoutes(app: TApp, deps: { helpRequests: THelpRequestService }): void {
  const { helpRequests } = deps
  app.post(
    '/api/help-requests',
    {
      schema: {
        tags: TAGS,
        summary: '帮我找 Ask the node’s operators for help finding a resource (signed in)',
        body: ZCreateHelpRequestRequest,
        response: { 201: ZHelpRequest },
      },
    },
    async (request, reply) => reply.status(201).send(await helpRequests.createHelpRequest(request.ctx, request.body)),
  )
  app.get(
    '/api/help-requests/mine',
    {
      schema: {
        tags: TAGS,
        summary: '我的求助 My help requests and their answers, newest first',
        querystring: ZListMyHelpRequestsQuery,
        response: { 200: ZListHelpRequestsResponse },
      },
    },
    (request) => helpRequests.listMyHelpRequests(request.ctx, request.query),
  )
  app.get(
    '/api/nodes/:id/help-requests',
    {
      schema: {
        tags: TAGS,
        summary: '求助队列 Help requests of a node (and the nodes below it), for node staff over it',
        params: ZHelpRequestParams,
        querystring: ZListNodeHelpRequestsQuery,
        response: { 200: ZListHelpRequestsResponse },
      },
    },
    (request) => helpRequests.listNodeHelpRequests(request.ctx, request.params.id, request.query),
  )
  app.post(
    '/api/help-requests/:id/answer',
    {
      schema: {
        tags: TAGS,
        summary: '答复求助 Answer (or close) a help request (node staff over its node)',
        params: ZHelpRequestParams,
        body: ZAnswerHelpRequestRequest,
        response: { 200: ZHelpRequest },
      },
    },
    (request) => helpRequests.answerHelpRequest(request.ctx, request.params.id, request.body),
  )
}
