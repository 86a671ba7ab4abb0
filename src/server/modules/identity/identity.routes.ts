import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  ZAuthOptionsResponse,
  ZDevSmsResponse,
  ZMe,
  ZRequestSmsCodeRequest,
  ZRequestSmsCodeResponse,
  ZResetPasswordRequest,
  ZSignInRequest,
  ZSignInResponse,
  ZSignUpRequest,
  ZTotpCodeRequest,
  ZTotpSetupResponse,
} from '#shared/contracts/identity.ts'
import type { TApp } from '../../http/app-type.ts'
import { cookiesOf, type TIdentityRouteDeps } from './identity.http.ts'
import { registerMeRoutes } from './me.routes.ts'

/**
 * Accounts, sessions and sign-in: /api/auth/*, /api/me/*, and /api/dev/sms in development. The routes live in
 * their own scope so that every answer, and only theirs, is `Cache-Control: no-store`.
 */
export function registerIdentityRoutes(app: TApp, deps: TIdentityRouteDeps): void {
  void app.register(async (instance) => {
    const scope = instance.withTypeProvider<ZodTypeProvider>()
    scope.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'no-store')
    })
    registerAuthRoutes(scope, deps)
    registerMeRoutes(scope, deps)
    if (deps.config.devInbox) registerDevInboxRoute(scope, deps)
  })
}

function registerAuthRoutes(app: TApp, { identity, config }: TIdentityRouteDeps): void {
  const cookies = cookiesOf(config)
  const tags = ['identity']

  app.get(
    '/api/auth/options',
    { schema: { tags, summary: '登录注册参数 Sign-in and sign-up settings', response: { 200: ZAuthOptionsResponse } } },
    async () => identity.getAuthOptions(),
  )

  app.post(
    '/api/auth/sms-codes',
    {
      schema: {
        tags,
        summary: '发送短信验证码 Send a one-time SMS code',
        body: ZRequestSmsCodeRequest,
        response: { 202: ZRequestSmsCodeResponse },
      },
    },
    async (request, reply) => reply.status(202).send(await identity.requestSmsCode(request.ctx, request.body)),
  )

  app.post(
    '/api/auth/sign-up',
    {
      schema: {
        tags,
        summary: '个人用户注册 Register a person',
        body: ZSignUpRequest,
        response: { 201: ZSignInResponse },
      },
    },
    async (request, reply) => {
      const { token, response } = await identity.signUp(request.ctx, request.body)
      cookies.set(reply, token)
      return reply.status(201).send(response)
    },
  )

  app.post(
    '/api/auth/sign-in',
    { schema: { tags, summary: '登录 Sign in', body: ZSignInRequest, response: { 200: ZSignInResponse } } },
    async (request, reply) => {
      const { token, response } = await identity.signIn(request.ctx, request.body)
      cookies.set(reply, token)
      return response
    },
  )

  app.post(
    '/api/auth/reset-password',
    {
      schema: {
        tags,
        summary: '忘记密码 Reset the password',
        body: ZResetPasswordRequest,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await identity.resetPassword(request.ctx, request.body)
      cookies.clear(reply)
      return reply.status(204).send(null)
    },
  )

  app.post(
    '/api/auth/sign-out',
    { schema: { tags, summary: '退出登录 Sign out of this session', response: { 204: z.null() } } },
    async (request, reply) => {
      await identity.signOut(request.ctx)
      cookies.clear(reply)
      return reply.status(204).send(null)
    },
  )

  app.post(
    '/api/auth/sign-out-all',
    { schema: { tags, summary: '退出所有设备 Sign out everywhere', response: { 204: z.null() } } },
    async (request, reply) => {
      await identity.signOutAll(request.ctx)
      cookies.clear(reply)
      return reply.status(204).send(null)
    },
  )

  app.post(
    '/api/auth/totp/setup',
    { schema: { tags, summary: '设置动态口令 Start authenticator enrolment', response: { 200: ZTotpSetupResponse } } },
    async (request) => identity.setupTotp(request.ctx),
  )

  app.post(
    '/api/auth/totp/enable',
    {
      schema: {
        tags,
        summary: '启用动态口令 Confirm the authenticator',
        body: ZTotpCodeRequest,
        response: { 200: ZMe },
      },
    },
    async (request, reply) => {
      const { token, me } = await identity.enableTotp(request.ctx, request.body)
      cookies.set(reply, token)
      return me
    },
  )

  app.post(
    '/api/auth/totp/verify',
    {
      schema: { tags, summary: '二次验证 Pass the second factor', body: ZTotpCodeRequest, response: { 200: ZMe } },
    },
    async (request, reply) => {
      const { token, me } = await identity.verifyTotp(request.ctx, request.body)
      cookies.set(reply, token)
      return me
    },
  )
}

/** GET /api/dev/sms: what the development SMS gateway "sent" (registered only when the dev inbox is on). */
function registerDevInboxRoute(app: TApp, { identity }: TIdentityRouteDeps): void {
  app.get(
    '/api/dev/sms',
    {
      schema: {
        tags: ['dev'],
        summary: '开发短信收件箱 Dev SMS inbox (not in production)',
        response: { 200: ZDevSmsResponse },
      },
    },
    async () => identity.listDevSmsInbox(),
  )
}
