import { createCatalogRecorder } from './catalog-recorder.ts'
import { createCatalogReviewActions } from './catalog-review.service.ts'
import type { TCatalogWriteDeps } from './catalog-write.deps.ts'
import { createCatalogWriteActions } from './catalog-write.service.ts'
import { assertCstrPrefix, DEFAULT_CSTR_PREFIX } from './cstr.ts'

export type { TCatalogWriteDeps } from './catalog-write.deps.ts'

/**
 * The catalogue's provider and reviewer side (issue 4 items 1–3): drafts, edits and revisions, the review
 * lifecycle, versions, CSTR-shaped identifiers and the search index. Every function takes the request
 * context first and checks catalog.policy.ts and the lifecycle table (lifecycle.ts) before it writes.
 * `recorder` is for bulk writers (import): versions, identifiers and the index in their own transaction.
 * @throws Error when `cstrPrefix` is not 5 letters or digits (a configuration mistake)
 */
export function createCatalogManageService(deps: TCatalogWriteDeps) {
  const cstrPrefix = assertCstrPrefix(deps.cstrPrefix ?? DEFAULT_CSTR_PREFIX)
  const recorder = createCatalogRecorder({ clock: deps.clock, search: deps.search, cstrPrefix })
  const ctx = { ...deps, cstrPrefix, recorder }
  const write = createCatalogWriteActions(ctx)
  const review = createCatalogReviewActions(ctx, write.present)
  const { present: _present, ...writeActions } = write
  return { ...writeActions, ...review, recorder }
}

export type TCatalogManageService = ReturnType<typeof createCatalogManageService>
