import type { TOrgKind } from '#shared/resource-kinds.ts'
import type { TRng } from './prng.ts'
import { clipText, SOURCES, type TPaper, type TPatent } from './real-data.ts'
import { baseResource, contactAt, yuanToFen, type TBuildContext, type TDemoResource } from './resource-base.ts'
import { CSL_DISCIPLINES, PATENT_FIELD_RULES } from './vocab/csl-disciplines.ts'
import { FIELDS, type TFieldKey } from './vocab/fields.ts'

/** CSL 门类 that describe technology (the others are humanities and social sciences). */
export const TECH_CATEGORIES = new Set(['工学', '医学', '农学', '理学'])

/** Reviews and essays are literature, not transferable achievements. */
const NOT_AN_ACHIEVEMENT = /进展|综述|现状|浅谈|浅析|探讨|述评|展望|回顾|思考|概述/

/**
 * True when a CSL paper can stand in for a technology achievement: a technical field and not a review.
 * @param paper the source record
 */
export function isAchievementPaper(paper: TPaper): boolean {
  return TECH_CATEGORIES.has(paper.category) && !NOT_AN_ACHIEVEMENT.test(paper.title)
}

/** Keywords become tags only when they fit a tag (ZResourceContent: at most 30 characters). */
function isTagLength(keyword: string): boolean {
  return keyword.length <= 30
}

const MATURITY: readonly (readonly [string, number])[] = [
  ['实验室阶段', 20],
  ['小试阶段', 25],
  ['中试阶段', 25],
  ['试生产阶段', 18],
  ['批量生产阶段', 12],
]

const TRANSFER_MODES: readonly (readonly [readonly string[], number])[] = [
  [['转让'], 20],
  [['许可'], 15],
  [['转让', '许可'], 20],
  [['合作开发'], 20],
  [['作价入股'], 8],
  [['许可', '合作开发'], 12],
  [['转让', '作价入股'], 5],
]

const AWARDS = ['省科学技术进步奖一等奖', '省科学技术进步奖二等奖', '省科学技术进步奖三等奖', '省技术发明奖二等奖', '市科学技术进步奖一等奖']

const PATENT_TERMS = ['可转让', '可独占许可', '可普通许可', '转让或许可均可，价格面议', '可作价入股合作实施']

const ACHIEVEMENT_OWNERS: readonly (readonly [TOrgKind, number])[] = [
  ['university', 70],
  ['institute', 24],
  ['enterprise', 6],
]
const PATENT_OWNERS: readonly (readonly [TOrgKind, number])[] = [
  ['enterprise', 45],
  ['university', 40],
  ['institute', 15],
]
const LITERATURE_OWNERS: readonly (readonly [TOrgKind, number])[] = [
  ['university', 80],
  ['institute', 20],
]

function paperField(paper: TPaper): readonly [string | null, TFieldKey] {
  const hit = CSL_DISCIPLINES[paper.discipline]
  return hit ? hit : [null, 'ip']
}

/**
 * A technology achievement (科技成果) built on a real CSL paper: its title, abstract and keywords, with a
 * demo owner working in the matching field. Maturity, transfer mode, price and award are demo values.
 * @param rng the stream to draw from
 * @param ctx owners, now and status mode
 * @param paper the source record (attributed in attributes.source)
 */
export function makeAchievement(rng: TRng, ctx: TBuildContext, paper: TPaper): TDemoResource {
  const [discipline, fieldKey] = paperField(paper)
  const field = FIELDS[fieldKey]
  const owner = ctx.owners.pick(rng, ACHIEVEMENT_OWNERS, [fieldKey])
  const isNegotiable = rng.chance(0.25)
  const award = rng.chance(0.15) ? rng.pick(AWARDS) : null
  return {
    ...baseResource(rng, ctx, owner, 'achievement'),
    title: paper.title,
    summary: clipText(paper.abstract, 400),
    discipline_code: discipline,
    industry_code: rng.pick(field.industries),
    category: null,
    tags: paper.keywords.filter(isTagLength).slice(0, 5),
    sharing_level: 'paid',
    contact: contactAt(rng, owner),
    attributes: {
      field: field.label,
      maturity: rng.weighted(MATURITY),
      transferMode: [...rng.weighted(TRANSFER_MODES)],
      ...(isNegotiable ? { priceNote: '面议' } : { referencePriceFen: yuanToFen(rng.between(5, 500) * 10_000, 10_000) }),
      ...(award ? { awardLevel: award } : {}),
      keywords: paper.keywords,
      source: { ...SOURCES.csl, id: paper.id },
    },
  }
}

/**
 * The demo field of a patent, guessed from its title and keywords (the data has no IPC classes).
 * @param patent the source record
 */
export function patentField(patent: TPatent): TFieldKey {
  const text = `${patent.title} ${patent.keywords.join(' ')}`
  for (const [pattern, key] of PATENT_FIELD_RULES) if (pattern.test(text)) return key
  return 'manufacturing'
}

/**
 * A patent (专利) built on a real published Chinese invention application (kind A): number, title,
 * abstract, first claim and keywords are real; the owner unit and the licensing terms are demo values.
 * @param rng the stream to draw from
 * @param ctx owners, now and status mode
 * @param patent the source record (attributed in attributes.source)
 */
export function makePatent(rng: TRng, ctx: TBuildContext, patent: TPatent): TDemoResource {
  const fieldKey = patentField(patent)
  const field = FIELDS[fieldKey]
  const owner = ctx.owners.pick(rng, PATENT_OWNERS, [fieldKey])
  return {
    ...baseResource(rng, ctx, owner, 'patent'),
    title: patent.title,
    summary: clipText(patent.abstract, 400),
    discipline_code: rng.pick(field.disciplines),
    industry_code: rng.pick(field.industries),
    category: 'invention',
    tags: patent.keywords.filter((k) => k.length >= 2 && isTagLength(k)).slice(0, 5),
    sharing_level: 'paid',
    contact: contactAt(rng, owner),
    attributes: {
      patentNumber: patent.publicationNumber,
      patentType: '发明专利',
      patentStatus: '已公开（发明专利申请）',
      field: field.label,
      terms: rng.pick(PATENT_TERMS),
      claimCount: patent.claimCount,
      firstClaim: clipText(patent.firstClaim, 600),
      keywords: patent.keywords,
      source: { ...SOURCES.kppatent, id: patent.id },
    },
  }
}

/**
 * A literature record (科技文献, journal article metadata) from a real CSL paper, held by a university or
 * institute library of the demo network. Free to search; no authors or journal are invented.
 * @param rng the stream to draw from
 * @param ctx owners, now and status mode
 * @param paper the source record (attributed in attributes.source)
 */
export function makeLiterature(rng: TRng, ctx: TBuildContext, paper: TPaper): TDemoResource {
  const [discipline, fieldKey] = paperField(paper)
  const owner = ctx.owners.pick(rng, LITERATURE_OWNERS, [fieldKey])
  return {
    ...baseResource(rng, ctx, owner, 'literature'),
    title: paper.title,
    summary: clipText(paper.abstract, 600),
    discipline_code: discipline,
    industry_code: null,
    category: 'journal_article',
    tags: paper.keywords.filter(isTagLength).slice(0, 5),
    sharing_level: 'free',
    contact: null,
    attributes: {
      docType: '期刊论文',
      subjectCategory: paper.category,
      subject: paper.discipline,
      keywords: paper.keywords,
      holdings: '中文核心期刊，馆藏电子版，可申请原文传递',
      source: { ...SOURCES.csl, id: paper.id },
    },
  }
}
