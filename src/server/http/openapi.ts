import swagger from '@fastify/swagger'
import type { FastifyInstance } from 'fastify'
import { jsonSchemaTransform } from 'fastify-type-provider-zod'

/**
 * OpenAPI 3 generated from the routes' zod schemas. Register before the routes; the document is served
 * at GET /api/docs (JSON).
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: '科享 Kexiang API',
        description:
          '科技资源共享服务平台 API. Errors are always `{ error: { code, message, details } }`; messages are in ' +
          'zh-CN unless `Accept-Language` asks for English.',
        version: '0.1.0',
      },
      tags: [
        { name: 'system', description: '健康检查 Health and readiness' },
        { name: 'stats', description: '数据统计 Platform figures' },
        { name: 'catalog', description: '资源目录 Resource catalogue' },
        { name: 'network', description: '平台网络 Platform nodes' },
        { name: 'demand', description: '技术需求 Technology demands' },
        { name: 'feedback', description: '留言反馈 Messages to the operators' },
        { name: 'identity', description: '账号与登录 Accounts, sessions, second factor, my data' },
        { name: 'organisations', description: '单位 Organisations, joining and membership' },
        { name: 'notify', description: '消息 Inbox and notification preferences' },
        { name: 'audit', description: '审计 Audit log (auditors only)' },
        { name: 'search', description: '检索 Search and suggestions' },
        { name: 'dev', description: '开发环境 Development-only helpers (dev SMS inbox)' },
      ],
    },
    transform: jsonSchemaTransform,
  })
  app.get('/api/docs', { schema: { hide: true } }, async () => app.swagger())
}
