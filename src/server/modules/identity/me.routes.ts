import { z } from 'zod'
import { ZCloseAccountRequest, ZMe, ZMyDataExport, ZSetCurrentOrgRequest } from '#shared/contracts/identity.ts'
import type { TApp } from '../../http/app-type.ts'
import { cookiesOf, type TIdentityRouteDeps } from './identity.http.ts'

/** GET /api/me, PUT /api/me/current-org, GET /api/me/export, POST /api/me/close. */
export function registerMeRoutes(app: TApp, { identity, config }: TIdentityRouteDeps): void {
  const cookies = cookiesOf(config)
  const tags = ['identity']

  app.get('/api/me', { schema: { tags, summary: '当前用户 Who am I', response: { 200: ZMe } } }, async (request) =>
    identity.getMe(request.ctx),
  )

  app.put(
    '/api/me/current-org',
    {
      schema: {
        tags,
        summary: '切换单位 Act for another of my organisations',
        body: ZSetCurrentOrgRequest,
        response: { 200: ZMe },
      },
    },
    async (request) => identity.setCurrentOrg(request.ctx, request.body),
  )

  app.get(
    '/api/me/export',
    { schema: { tags, summary: '导出我的数据 Download my data (PIPL Art. 45)', response: { 200: ZMyDataExport } } },
    async (request, reply) => {
      const data = await identity.exportMyData(request.ctx)
      const day = data.exportedAt.slice(0, 10).replaceAll('-', '')
      reply.header('content-disposition', `attachment; filename="kexiang-my-data-${day}.json"`)
      return data
    },
  )

  app.post(
    '/api/me/close',
    {
      schema: {
        tags,
        summary: '注销账号 Close my account (PIPL Art. 47)',
        body: ZCloseAccountRequest,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await identity.closeAccount(request.ctx, request.body)
      cookies.clear(reply)
      return reply.status(204).send(null)
    },
  )
}
