// STUB — being replaced.
import type { TApp } from '../../http/app-type.ts'
import type { TAuditService } from './audit.service.ts'

export function registerAuditRoutes(_app: TApp, _deps: { audit: TAuditService }): void {}
