import type { FastifyReply } from 'fastify'
import { clearSessionCookie, setSessionCookie } from '../../http/session.ts'
import type { TIdentityConfig } from './identity.config.ts'
import type { TIdentityService } from './identity.service.ts'

export type TIdentityRouteDeps = { identity: TIdentityService; config: TIdentityConfig }

/** Cookie helpers bound to the configuration (Secure flag, lifetime = the session's absolute lifetime). */
export function cookiesOf(config: TIdentityConfig) {
  return {
    set: (reply: FastifyReply, token: string) =>
      setSessionCookie(reply, token, {
        secure: config.cookieSecure,
        maxAgeSeconds: config.session.absoluteHours * 3600,
      }),
    clear: (reply: FastifyReply) => clearSessionCookie(reply, { secure: config.cookieSecure }),
  }
}
