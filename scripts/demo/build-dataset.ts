import { buildAccounts, type TDemoAccount, type TGrantRow, type TUserRow } from './build-accounts.ts'
import { makeExpert } from './build-experts.ts'
import { makeInstrument } from './build-instruments.ts'
import { makeDataset, makeIncubator, makeLab, makeNews, makePolicy, makeTeam, POLICIES } from './build-misc.ts'
import { buildNodes, type TNodeRow } from './build-nodes.ts'
import { buildOrganisations, type TOrgRow } from './build-orgs.ts'
import { isAchievementPaper, makeAchievement, makeLiterature, makePatent } from './build-real.ts'
import { makeDemand, makeService, type TDemoDemand } from './build-services.ts'
import { createRng, type TRng } from './prng.ts'
import { loadRealData, type TRealData } from './real-data.ts'
import { createOwnerPool, type TBuildContext, type TDemoResource } from './resource-base.ts'
import { addDays, DEFAULT_NOW } from './time.ts'
import { ORG_SEEDS } from './vocab/organisations.ts'
import { findCityPlace } from './vocab/places.ts'

/** How many rows of each kind the demo holds (seed 000 reports 578 experts, 327 achievements, 126 demands). */
export const DEMO_COUNTS = {
  instrument: 360,
  expert: 578,
  achievement: 327,
  patent: 300,
  literature: 200,
  service: 60,
  lab: 12,
  team: 15,
  dataset: 10,
  incubator: 8,
  policy: POLICIES.length,
  news: 14,
  demand: 130,
} as const

/** The default seed of the demo data. */
export const DEFAULT_SEED = 20_261_101

/** Everything the demo inserts, built in memory, in insert order. */
export type TDemoDataset = {
  nodes: TNodeRow[]
  organisations: TOrgRow[]
  users: TUserRow[]
  grants: TGrantRow[]
  resources: TDemoResource[]
  demands: TDemoDemand[]
  accounts: TDemoAccount[]
}

export type TBuildOptions = {
  seed?: number
  now?: Date
  /** Defaults to the files in scripts/demo/data. */
  real?: TRealData
}

/** The owners that get extra weight: the 牡丹江 platform (seed 000) should look as busy as it reports. */
const FAVOURED_CITY = '231000'

function times<T>(n: number, make: (i: number) => T): T[] {
  return Array.from({ length: n }, (_, i) => make(i))
}

/** The catalogue: instruments and experts from the vocabularies, real texts, then the smaller kinds. */
function buildCatalogue(
  rng: (label: string) => TRng,
  ctx: TBuildContext,
  real: TRealData,
  nodeNames: ReadonlyMap<string, string>,
): { resources: TDemoResource[]; experts: TDemoResource[] } {
  const r = rng('instruments')
  const instruments = times(DEMO_COUNTS.instrument, () => makeInstrument(r, ctx, findCityPlace))
  const e = rng('experts')
  const expertNames = new Set<string>()
  const experts = times(DEMO_COUNTS.expert, () => makeExpert(e, ctx, expertNames))
  const pick = rng('real-data')
  const achievementPapers = pick.sample(real.papers.filter(isAchievementPaper), DEMO_COUNTS.achievement)
  const used = new Set(achievementPapers.map((p) => p.id))
  const otherPapers = real.papers.filter((p) => !used.has(p.id))
  const literaturePapers = pick.sample(otherPapers, DEMO_COUNTS.literature)
  const patentRecords = pick.sample(real.patents, DEMO_COUNTS.patent)
  const [a, p, l, s, m] = ['achievements', 'patents', 'literature', 'services', 'misc'].map(rng) as [TRng, TRng, TRng, TRng, TRng]
  const resources = [
    ...instruments,
    ...experts,
    ...achievementPapers.map((paper) => makeAchievement(a, ctx, paper)),
    ...patentRecords.map((patent) => makePatent(p, ctx, patent)),
    ...literaturePapers.map((paper) => makeLiterature(l, ctx, paper)),
    ...times(DEMO_COUNTS.service, () => makeService(s, ctx)),
    ...times(DEMO_COUNTS.lab, () => makeLab(m, ctx)),
    ...times(DEMO_COUNTS.team, () => makeTeam(m, ctx)),
    ...times(DEMO_COUNTS.dataset, (i) => makeDataset(m, ctx, i)),
    ...times(DEMO_COUNTS.incubator, (i) => makeIncubator(m, ctx, i)),
    ...POLICIES.map((spec) => makePolicy(m, ctx, spec)),
    ...times(DEMO_COUNTS.news, () => makeNews(m, ctx, nodeNames)),
  ]
  return { resources, experts }
}

/**
 * Builds the whole demo dataset in memory, deterministically: the same seed and now give identical rows
 * (ids included); each part draws from its own named stream. Pure apart from reading the real-data files.
 * @param options seed (default DEFAULT_SEED), now (default 2026-11-01 00:00 +08:00), real data
 * @returns rows for every table plus the demo accounts
 */
export function buildDemoDataset(options: TBuildOptions = {}): TDemoDataset {
  const seed = options.seed ?? DEFAULT_SEED
  const now = options.now ?? DEFAULT_NOW
  const rng = (label: string) => createRng(seed, label)
  const nodes = buildNodes(rng('nodes'), addDays(now, -1200))
  const { rows: organisations, owners } = buildOrganisations(rng('organisations'), nodes, now)
  const pool = createOwnerPool(owners, (o) => (o.cityCode === FAVOURED_CITY ? 3 : 1))
  const ctx: TBuildContext = { owners: pool, now, statusMode: 'demo' }
  const nodeNames = new Map(nodes.map((n) => [n.id, n.name]))
  const { resources, experts } = buildCatalogue(rng, ctx, options.real ?? loadRealData(), nodeNames)
  const d = rng('demands')
  const demandTitles = new Set<string>()
  const demands = times(DEMO_COUNTS.demand, () => makeDemand(d, pool, now, demandTitles))
  const { users, grants, accounts } = buildAccounts(rng('accounts'), {
    nodes,
    orgs: organisations,
    orgSlugs: ORG_SEEDS.map((o) => o.slug),
    experts,
    now,
  })
  return { nodes, organisations, users, grants, resources, demands, accounts }
}

/**
 * Row counts of a dataset: per table, and per resource kind as `resource.<kind>`.
 * @param dataset a built dataset
 */
export function countDataset(dataset: TDemoDataset): Record<string, number> {
  const counts: Record<string, number> = {
    platform_node: dataset.nodes.length,
    organisation: dataset.organisations.length,
    app_user: dataset.users.length,
    role_grant: dataset.grants.length,
    resource: dataset.resources.length,
    demand: dataset.demands.length,
  }
  for (const row of dataset.resources) counts[`resource.${row.kind}`] = (counts[`resource.${row.kind}`] ?? 0) + 1
  return counts
}
