// STUB — being replaced.
import type { TApp } from '../../http/app-type.ts'
import type { TIdentityConfig } from './identity.config.ts'
import type { TIdentityService } from './identity.service.ts'

export function registerIdentityRoutes(_app: TApp, _deps: { identity: TIdentityService; config: TIdentityConfig }): void {}
