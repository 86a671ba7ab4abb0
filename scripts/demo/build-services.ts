import type { Insertable } from 'kysely'
import type { DemandTable } from '#server/db/schema.ts'
import type { TOrgKind } from '#shared/resource-kinds.ts'
import type { TOwnerPool } from './resource-base.ts'
import { baseResource, contactAt, yuanToFen, type TBuildContext, type TDemoResource } from './resource-base.ts'
import { expandAlternatives, type TRng } from './prng.ts'
import { addDays, beijingDate, daysBefore } from './time.ts'
import { COOPERATION_MODES, DEMAND_BACKGROUNDS, DEMAND_SPECS } from './vocab/demands.ts'
import { FIELDS } from './vocab/fields.ts'
import { SERVICE_CATEGORIES, SERVICE_SELLERS, SERVICE_SPECS, type TServiceCategory } from './vocab/services.ts'

const SERVICE_INDUSTRY: Readonly<Record<TServiceCategory, string>> = {
  testing: 'M745',
  rnd_design: 'M732',
  consulting: 'M753',
  incubation: 'M754',
  ip: 'M752',
  transfer: 'M753',
}

const PROCESS: Readonly<Record<TServiceCategory, string>> = {
  testing: '在线下单 → 寄送样品 → 实验室检测 → 出具报告',
  rnd_design: '需求沟通 → 方案评审 → 签订合同 → 研发实施 → 成果交付验收',
  consulting: '需求诊断 → 制定方案 → 咨询实施 → 交付报告',
  incubation: '提交申请 → 入驻评审 → 签订协议 → 入驻孵化',
  ip: '技术交底 → 检索分析 → 文件撰写 → 提交与跟踪',
  transfer: '需求登记 → 成果匹配 → 对接洽谈 → 签约登记',
}

/**
 * A service product (科技服务产品) listed in a provider's shop: price in fen with its unit, delivery time,
 * process and, for testing, the standard it follows. Platform welfare services are free.
 * @param rng the stream to draw from
 * @param ctx owners, now and status mode
 */
export function makeService(rng: TRng, ctx: TBuildContext): TDemoResource {
  const spec = rng.pick(SERVICE_SPECS)
  const owner = ctx.owners.pick(rng, SERVICE_SELLERS[spec.category], [spec.field])
  const isFree = spec.price[1] === 0
  const priceFen = isFree ? 0 : yuanToFen(rng.between(spec.price[0], spec.price[1]), spec.price[1] >= 10_000 ? 1000 : 10)
  const isAccredited = spec.category === 'testing' && owner.kind !== 'university'
  return {
    ...baseResource(rng, ctx, owner, 'service'),
    title: spec.title,
    summary: spec.description,
    discipline_code: rng.pick(FIELDS[spec.field].disciplines),
    industry_code: SERVICE_INDUSTRY[spec.category],
    category: spec.category,
    tags: [SERVICE_CATEGORIES[spec.category], FIELDS[spec.field].label],
    sharing_level: isFree ? 'free' : 'paid',
    contact: contactAt(rng, owner),
    attributes: {
      serviceCategory: SERVICE_CATEGORIES[spec.category],
      priceFen,
      priceUnit: spec.priceUnit,
      deliveryDays: rng.int(spec.deliveryDays[0], spec.deliveryDays[1]),
      process: PROCESS[spec.category],
      ...(spec.standards ? { standards: spec.standards } : {}),
      ...(isAccredited ? { qualification: rng.pick(['CMA', 'CMA、CNAS']) } : {}),
      shop: `${owner.name}服务店铺`,
    },
  }
}

/** A demand row with every column set. */
export type TDemoDemand = Insertable<DemandTable> & { id: string; status: 'draft' | 'published' | 'matched' | 'closed' }

const DEMAND_OWNERS: readonly (readonly [TOrgKind, number])[] = [
  ['enterprise', 90],
  ['service_agency', 10],
]

/**
 * A technology demand (技术需求) published by a company: a problem from its field with a concrete target,
 * a budget (or 面议) and a deadline that lies ahead for open demands.
 * @param rng the stream to draw from
 * @param owners the owner pool (companies are picked)
 * @param now the fixed reference time
 * @param takenTitles titles already used; a repeat is re-drawn a few times
 */
export function makeDemand(rng: TRng, owners: TOwnerPool, now: Date, takenTitles?: Set<string>): TDemoDemand {
  const org = owners.pick(rng, DEMAND_OWNERS)
  const specs = DEMAND_SPECS.filter((s) => org.fields.includes(s.field))
  let spec = rng.pick(specs.length > 0 ? specs : DEMAND_SPECS)
  let title = expandAlternatives(rng, spec.title)
  for (let i = 0; i < 8 && takenTitles?.has(title); i++) {
    spec = rng.pick(specs.length > 0 ? specs : DEMAND_SPECS)
    title = expandAlternatives(rng, spec.title)
  }
  takenTitles?.add(title)
  const status = rng.weighted([
    ['published', 68],
    ['matched', 12],
    ['closed', 8],
    ['draft', 12],
  ] as const)
  const published = status === 'draft' ? null : daysBefore(rng, now, 3, 700)
  const created = published ? addDays(published, -rng.int(1, 10)) : daysBefore(rng, now, 1, 60)
  let deadline = addDays(published ?? created, rng.int(90, 540))
  if (status === 'published' && deadline <= now) deadline = addDays(now, rng.int(30, 300))
  const background = rng.pick(DEMAND_BACKGROUNDS[spec.field])
  const mode = rng.pick(COOPERATION_MODES)
  return {
    id: rng.uuid(),
    title,
    summary: `${background}，现需解决“${title}”问题。技术指标：${expandAlternatives(rng, spec.target)}。希望与高校、科研院所或技术服务机构合作，合作方式：${mode}。`,
    org_id: org.id,
    node_id: org.nodeId,
    region_code: org.regionCode,
    city_code: org.cityCode,
    industry_code: spec.industry,
    budget_fen: rng.chance(0.25) ? null : yuanToFen(rng.between(5, 300) * 10_000, 10_000),
    deadline: rng.chance(0.1) ? null : beijingDate(deadline),
    status,
    created_at: created,
    published_at: published,
  }
}
