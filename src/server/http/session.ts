import cookie from '@fastify/cookie'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { TActor, TRequestContext } from '../context.ts'
import type { TApp } from './app-type.ts'

/** The session cookie: httpOnly, SameSite=Lax, Secure in production; the value is a random token. */
export const SESSION_COOKIE = 'kx_session'

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking, from where: handed to every service call. */
    ctx: TRequestContext
  }
}

export type TSessionResolver = (token: string, meta: { ip: string; userAgent: string }) => Promise<TActor | null>

/**
 * Resolves the session cookie into `request.ctx.actor` on every request (null when absent, expired,
 * idle too long or revoked). The identity module decides what a valid session is.
 */
export async function registerSessionHook(app: TApp, deps: { resolveSession: TSessionResolver }): Promise<void> {
  await app.register(cookie)
  app.decorateRequest('ctx', null as unknown as TRequestContext)
  app.addHook('onRequest', async (request) => {
    const userAgent = request.headers['user-agent'] ?? ''
    const token = request.cookies[SESSION_COOKIE]
    const actor = token ? await deps.resolveSession(token, { ip: request.ip, userAgent }) : null
    request.ctx = { actor, ip: request.ip, requestId: request.id, userAgent }
  })
}

/** Sets the session cookie (sign-in, rotation). */
export function setSessionCookie(reply: FastifyReply, token: string, options: { secure: boolean; maxAgeSeconds: number }) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    maxAge: options.maxAgeSeconds,
  })
}

/** Clears the session cookie (sign-out). */
export function clearSessionCookie(reply: FastifyReply, options: { secure: boolean }) {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: options.secure })
}

/** The request context, for route handlers. */
export function contextOf(request: FastifyRequest): TRequestContext {
  return request.ctx
}
