import { Readable } from 'node:stream'
import type { TResourceKind } from '#shared/resource-kinds.ts'
import { makeExpert } from './build-experts.ts'
import { makeInstrument } from './build-instruments.ts'
import { makeDataset, makeIncubator, makeLab, makeNews, makePolicy, makeTeam, POLICIES } from './build-misc.ts'
import type { TDatabase } from '#server/db/pool.ts'
import { ownerFromRow, type TOwner } from './build-orgs.ts'
import { isAchievementPaper, makeAchievement, makeLiterature, makePatent } from './build-real.ts'
import { makeService } from './build-services.ts'
import { resourceCopyLine } from './copy-text.ts'
import { createRng, type TRng } from './prng.ts'
import { loadRealData, type TRealData } from './real-data.ts'
import { createOwnerPool, type TBuildContext, type TDemoResource } from './resource-base.ts'
import { findCityPlace } from './vocab/places.ts'

/** Mix of kinds in a benchmark catalogue: mostly instruments, as on a real sharing platform. */
export const GEN_KIND_WEIGHTS: readonly (readonly [TResourceKind, number])[] = [
  ['instrument', 55],
  ['expert', 15],
  ['achievement', 8],
  ['patent', 7],
  ['literature', 6],
  ['service', 5],
  ['lab', 1],
  ['team', 1],
  ['dataset', 0.5],
  ['incubator', 0.5],
  ['policy', 0.5],
  ['news', 0.5],
]

export type TGenOptions = {
  /** Rows to produce. */
  total: number
  seed: number
  now: Date
  /** Approved organisations read back from the database. */
  owners: readonly TOwner[]
  /** Node id → name, for news headlines. */
  nodeNames: ReadonlyMap<string, string>
  real?: TRealData
  /** Called after every chunk with the number of rows produced so far. */
  onProgress?: (produced: number) => void
}

/** Rows per pushed chunk: large enough to amortise stream overhead, small enough to keep memory flat. */
const ROWS_PER_CHUNK = 256

/**
 * A function that makes the next published resource of a benchmark catalogue, deterministic for a seed:
 * the same vocabularies and real texts as the demo, kinds mixed by GEN_KIND_WEIGHTS.
 * @param options seed, now, owners, node names, real data
 */
export function createGenRowMaker(options: Omit<TGenOptions, 'total' | 'onProgress'>): () => TDemoResource {
  const rng: TRng = createRng(options.seed, 'gen')
  const ctx: TBuildContext = { owners: createOwnerPool(options.owners), now: options.now, statusMode: 'published' }
  const real = options.real ?? loadRealData()
  const achievementPapers = real.papers.filter(isAchievementPaper)
  let index = 0
  return () => {
    index++
    switch (rng.weighted(GEN_KIND_WEIGHTS)) {
      case 'instrument':
        return makeInstrument(rng, ctx, findCityPlace)
      case 'expert':
        return makeExpert(rng, ctx)
      case 'achievement':
        return makeAchievement(rng, ctx, rng.pick(achievementPapers))
      case 'patent':
        return makePatent(rng, ctx, rng.pick(real.patents))
      case 'literature':
        return makeLiterature(rng, ctx, rng.pick(real.papers))
      case 'service':
        return makeService(rng, ctx)
      case 'lab':
        return makeLab(rng, ctx)
      case 'team':
        return makeTeam(rng, ctx)
      case 'dataset':
        return makeDataset(rng, ctx, index)
      case 'incubator':
        return makeIncubator(rng, ctx, index)
      case 'policy':
        return makePolicy(rng, ctx, rng.pick(POLICIES))
      case 'news':
        return makeNews(rng, ctx, options.nodeNames)
    }
  }
}

/**
 * A readable stream of COPY text lines for `options.total` resources, generated on demand: it produces a
 * chunk only when the consumer asks for more (backpressure), so memory stays flat for any total.
 * @param options see TGenOptions
 * @returns a stream to pipe into `COPY resource (…) FROM STDIN`
 */
export function createResourceCopyStream(options: TGenOptions): Readable {
  const next = createGenRowMaker(options)
  let produced = 0
  return new Readable({
    highWaterMark: 1 << 20,
    read() {
      for (;;) {
        if (produced >= options.total) {
          this.push(null)
          return
        }
        const end = Math.min(options.total, produced + ROWS_PER_CHUNK)
        let chunk = ''
        for (; produced < end; produced++) chunk += resourceCopyLine(next())
        options.onProgress?.(produced)
        if (!this.push(chunk)) return
      }
    },
  })
}

/**
 * The approved organisations (as owners, in id order for determinism) and node names that generated rows
 * point to, read back from the database.
 * @param database an open, seeded database
 */
export async function loadOwnersAndNodes(database: TDatabase) {
  const orgs = await database.db
    .selectFrom('organisation')
    .select(['id', 'name', 'kind', 'region_code', 'city_code', 'node_id', 'address'])
    .where('status', '=', 'approved')
    .orderBy('id')
    .execute()
  const nodes = await database.db.selectFrom('platform_node').select(['id', 'name']).execute()
  return { owners: orgs.map(ownerFromRow), nodeNames: new Map(nodes.map((n) => [n.id, n.name])) }
}
