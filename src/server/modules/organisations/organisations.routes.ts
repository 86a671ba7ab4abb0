// STUB — being replaced.
import type { TApp } from '../../http/app-type.ts'
import type { TOrganisationService } from './organisations.service.ts'

export function registerOrganisationRoutes(_app: TApp, _deps: { organisations: TOrganisationService }): void {}
