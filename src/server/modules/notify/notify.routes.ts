// STUB — being replaced.
import type { TApp } from '../../http/app-type.ts'
import type { TNotifyService } from './notify.service.ts'

export function registerNotifyRoutes(_app: TApp, _deps: { notify: TNotifyService }): void {}
