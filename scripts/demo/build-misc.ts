import { findRegion } from '#shared/codes/index.ts'
import type { TOrgKind } from '#shared/resource-kinds.ts'
import type { TOwner } from './build-orgs.ts'
import { personName } from './people.ts'
import type { TRng } from './prng.ts'
import { baseResource, contactAt, type TBuildContext, type TDemoResource } from './resource-base.ts'
import { beijingDate } from './time.ts'
import {
  DATASET_SPECS,
  INCUBATOR_KINDS,
  LAB_KINDS,
  NEWS_TEMPLATES,
  POLICY_SPECS,
  TOPICS,
  type TPolicySpec,
} from './vocab/catalogue-misc.ts'
import { FIELDS } from './vocab/fields.ts'

const RESEARCH_OWNERS: readonly (readonly [TOrgKind, number])[] = [
  ['university', 70],
  ['institute', 30],
]
const DATASET_OWNERS: readonly (readonly [TOrgKind, number])[] = [...RESEARCH_OWNERS, ['service_agency', 20]]
const INCUBATOR_OWNERS: readonly (readonly [TOrgKind, number])[] = [
  ['service_agency', 60],
  ['university', 40],
]

function placeNames(owner: TOwner): { province: string; city: string } {
  const region = findRegion(owner.regionCode)
  const city = findRegion(owner.cityCode)
  const province = region?.province?.name ?? region?.name ?? ''
  return { province, city: city && city.name !== province ? city.name : province }
}

function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => String(values[key] ?? whole))
}

type TPart = Omit<TDemoResource, keyof ReturnType<typeof baseResource>>

function resource(rng: TRng, ctx: TBuildContext, owner: TOwner, kind: TDemoResource['kind'], part: TPart): TDemoResource {
  return { ...baseResource(rng, ctx, owner, kind), ...part }
}

/**
 * A key laboratory or engineering research centre (重点实验室/工程技术研究中心) hosted by a university or
 * institute: level, field, director, area and services.
 */
export function makeLab(rng: TRng, ctx: TBuildContext): TDemoResource {
  const owner = ctx.owners.pick(rng, RESEARCH_OWNERS)
  const fieldKey = rng.pick(owner.fields)
  const level = rng.weighted([['省级', 60], ['市级', 40]] as const)
  const { province, city } = placeNames(owner)
  const title = `${level === '省级' ? province : city}${rng.pick(TOPICS[fieldKey])}${rng.weighted(LAB_KINDS)}`
  return resource(rng, ctx, owner, 'lab', {
    title,
    summary: `依托${owner.name}建设的${level}${title.endsWith('中心') ? '研发机构' : '科研平台'}，面向行业企业开放仪器设备并提供测试、研发与人才培训服务。`,
    discipline_code: rng.pick(FIELDS[fieldKey].disciplines),
    industry_code: rng.pick(FIELDS[fieldKey].industries),
    category: level === '省级' ? 'provincial' : 'municipal',
    tags: [FIELDS[fieldKey].label, level],
    sharing_level: 'paid',
    contact: contactAt(rng, owner),
    attributes: {
      level,
      field: FIELDS[fieldKey].label,
      hostUnit: owner.name,
      director: personName(rng),
      areaM2: rng.int(8, 60) * 100,
      instrumentCount: rng.int(12, 160),
      establishedYear: rng.int(2005, 2022),
      services: ['仪器共享', '委托测试', '联合研发', '人才培训'].filter(() => rng.chance(0.8)),
    },
  })
}

/** A research team (科研团队): leader, members, field and a record of results. */
export function makeTeam(rng: TRng, ctx: TBuildContext): TDemoResource {
  const owner = ctx.owners.pick(rng, RESEARCH_OWNERS)
  const fieldKey = rng.pick(owner.fields)
  const topic = rng.pick(TOPICS[fieldKey])
  const leader = personName(rng)
  const members = Array.from({ length: rng.int(5, 12) }, () => personName(rng))
  return resource(rng, ctx, owner, 'team', {
    title: `${owner.name}${topic}创新团队`,
    summary: `团队由${leader}${rng.pick(['教授', '研究员'])}领衔，长期围绕${topic}开展研究与成果转化，可承接企业委托研发与技术攻关。`,
    discipline_code: rng.pick(FIELDS[fieldKey].disciplines),
    industry_code: rng.pick(FIELDS[fieldKey].industries),
    category: null,
    tags: [FIELDS[fieldKey].label, topic],
    sharing_level: 'paid',
    contact: contactAt(rng, owner),
    attributes: {
      field: FIELDS[fieldKey].label,
      leader,
      // kind-fields: `members` is the head count; the names are kept alongside
      members: members.length,
      memberNames: members,
      achievements: `近五年承担国家及省部级项目 ${rng.int(3, 20)} 项，授权发明专利 ${rng.int(4, 40)} 件，服务企业 ${rng.int(10, 80)} 家。`,
    },
  })
}

/** A scientific dataset (科学数据) with format, size, licence and access level. */
export function makeDataset(rng: TRng, ctx: TBuildContext, index: number): TDemoResource {
  const spec = DATASET_SPECS[index % DATASET_SPECS.length] ?? DATASET_SPECS[0]
  if (!spec) throw new Error('no dataset vocabulary')
  const owner = ctx.owners.pick(rng, DATASET_OWNERS, [spec.field])
  const { province, city } = placeNames(owner)
  const access = rng.weighted([['公开', 40], ['注册用户', 35], ['申请审批', 25]] as const)
  return resource(rng, ctx, owner, 'dataset', {
    title: fill(spec.title, { province, city }),
    summary: `由${owner.name}采集整理，时间跨度 ${spec.span}，${spec.frequency}更新，可用于科学研究与行业分析。`,
    discipline_code: rng.pick(FIELDS[spec.field].disciplines),
    industry_code: null,
    category: null,
    tags: [FIELDS[spec.field].label, '科学数据'],
    sharing_level: 'free',
    contact: contactAt(rng, owner),
    attributes: {
      format: spec.format,
      size: spec.size,
      timeSpan: spec.span,
      updateFrequency: spec.frequency,
      licence: access === '公开' ? 'CC BY 4.0' : '平台数据共享协议',
      accessLevel: access,
    },
  })
}

/** An incubator or park (孵化器/众创空间/大学科技园) with space, tenants and services. */
export function makeIncubator(rng: TRng, ctx: TBuildContext, index: number): TDemoResource {
  const owner = ctx.owners.pick(rng, INCUBATOR_OWNERS)
  const drawn = INCUBATOR_KINDS[index % INCUBATOR_KINDS.length] ?? '科技企业孵化器'
  const kind = drawn === '大学科技园' && owner.kind !== 'university' ? '科技企业孵化器' : drawn
  const { city } = placeNames(owner)
  const title =
    kind === '大学科技园' ? `${owner.name}科技园` : `${city}${rng.pick(['高新区', '科创', '青年创业', '智汇', '启航'])}${kind}`
  return resource(rng, ctx, owner, 'incubator', {
    title,
    summary: `${title}由${owner.name}运营，提供办公空间、创业辅导、投融资对接和公共技术服务。`,
    discipline_code: null,
    industry_code: 'M754',
    category: kind,
    tags: ['孵化', kind],
    sharing_level: 'paid',
    contact: contactAt(rng, owner),
    attributes: {
      level: rng.weighted([['省级', 50], ['市级', 50]] as const),
      spaceM2: rng.int(20, 300) * 100,
      workstations: rng.int(40, 400),
      tenants: rng.int(15, 120),
      services: ['工位与办公空间', '工商财税代理', '创业导师辅导', '投融资对接', '仪器共享'],
    },
  })
}

/** A policy document (政策法规) republished by a government unit. */
export function makePolicy(rng: TRng, ctx: TBuildContext, spec: TPolicySpec): TDemoResource {
  const owner = ctx.owners.pick(rng, [['government', 1]] as const)
  return resource(rng, ctx, owner, 'policy', {
    title: spec.title,
    summary: spec.summary,
    discipline_code: null,
    industry_code: null,
    category: spec.kind,
    tags: ['政策法规', spec.kind],
    sharing_level: 'free',
    contact: null,
    attributes: {
      issuer: spec.issuer,
      ...(spec.documentNo ? { documentNo: spec.documentNo } : {}),
      issuedAt: spec.issuedAt,
      level: '国家级',
      note: '摘要为平台编写，以发布机关公布的正式文本为准。',
    },
  })
}

/** All policy documents of the vocabulary. */
export const POLICIES = POLICY_SPECS

/** A news item (科技跟踪/平台动态) about a node and its city. */
export function makeNews(rng: TRng, ctx: TBuildContext, nodeNames: ReadonlyMap<string, string>): TDemoResource {
  const owner = ctx.owners.pick(rng, [['government', 60], ['service_agency', 40]] as const)
  const [template, topic] = rng.pick(NEWS_TEMPLATES)
  const fieldKey = rng.pick(['materials', 'biomed', 'eit', 'manufacturing', 'food', 'agri'] as const)
  const base = baseResource(rng, ctx, owner, 'news')
  const date = base.published_at ?? base.created_at
  const title = fill(template, {
    node: nodeNames.get(owner.nodeId) ?? owner.name,
    city: placeNames(owner).city,
    field: FIELDS[fieldKey].label,
    n: rng.int(12, 180),
    m: rng.int(3, 40),
    year: date.getUTCFullYear() - 1,
  })
  return {
    ...base,
    title,
    summary: `${title}。${owner.name}供稿。`,
    discipline_code: null,
    industry_code: null,
    category: topic,
    tags: ['平台动态', topic],
    sharing_level: 'free',
    contact: null,
    attributes: { topic, source: owner.name, date: beijingDate(date) },
  }
}
