import { findDiscipline } from '#shared/codes/index.ts'
import type { TOrgKind } from '#shared/resource-kinds.ts'
import { demoEmail, mobileNumber, personName } from './people.ts'
import type { TRng } from './prng.ts'
import { baseResource, type TBuildContext, type TDemoResource } from './resource-base.ts'
import { FIELDS, type TField } from './vocab/fields.ts'

const OWNER_KINDS: readonly (readonly [TOrgKind, number])[] = [
  ['university', 60],
  ['institute', 18],
  ['enterprise', 13],
  ['service_agency', 6],
  ['patent_agency', 3],
]

// prettier-ignore
const TITLES: Readonly<Record<TOrgKind, readonly (readonly [string, number])[]>> = {
  university: [['教授', 40], ['副教授', 32], ['研究员', 6], ['副研究员', 6], ['高级实验师', 8], ['讲师', 8]],
  institute: [['研究员', 40], ['副研究员', 35], ['正高级工程师', 10], ['高级工程师', 15]],
  enterprise: [['正高级工程师', 20], ['高级工程师', 55], ['工程师', 25]],
  service_agency: [['正高级工程师', 15], ['高级工程师', 60], ['工程师', 25]],
  patent_agency: [['专利代理师', 70], ['高级经济师', 30]],
  government: [['高级工程师', 100]],
}

const SERVICE_SETS: readonly (readonly [readonly string[], number])[] = [
  [['诊断', '咨询', '培训'], 30],
  [['咨询', '培训'], 25],
  [['诊断', '咨询'], 25],
  [['咨询'], 12],
  [['培训'], 8],
]

const SLOTS = ['工作日下午', '每周二、周四', '每月第一周', '周末及节假日', '工作日全天', '寒暑假期间']
const MODES = ['可线上咨询', '可赴企业现场服务', '线上线下均可', '本市内可现场服务，外地以线上为主']

function departmentFor(rng: TRng, kind: TOrgKind, field: TField): string {
  if (kind === 'university') return rng.pick(field.departments)
  if (kind === 'institute') return `${field.label}研究中心`
  if (kind === 'patent_agency') return rng.pick(['专利代理部', '知识产权运营部'])
  if (kind === 'service_agency') return rng.pick(['检测技术部', '技术服务部', '质量技术部'])
  return rng.pick(['技术中心', '研发部', '工艺技术部', '质量部'])
}

/**
 * One expert (专家): an invented person at a unit, with a title fitting the kind of unit, discipline and
 * expertise from one of the unit's fields, the services offered (诊断/咨询/培训, free to enterprises as in
 * seed 000) and availability.
 * @param rng the stream to draw from
 * @param ctx owners, now and status mode
 * @param taken names already used per unit (`<org id>/<name>`), to avoid two same-named experts in one unit
 * @returns a complete resource row
 */
export function makeExpert(rng: TRng, ctx: TBuildContext, taken?: Set<string>): TDemoResource {
  const owner = ctx.owners.pick(rng, OWNER_KINDS)
  const fieldKey = rng.pick(owner.fields)
  const field = FIELDS[fieldKey]
  let name = personName(rng)
  if (taken) {
    while (taken.has(`${owner.id}/${name}`)) name = personName(rng)
    taken.add(`${owner.id}/${name}`)
  }
  const base = baseResource(rng, ctx, owner, 'expert')
  const title = rng.weighted(TITLES[owner.kind])
  const isSenior = /^(教授|研究员|正高级工程师)$/.test(title)
  const position = owner.kind === 'university' && isSenior && rng.chance(0.7) ? '博士生导师' : null
  const department = departmentFor(rng, owner.kind, field)
  const expertise = rng.sample(field.expertise, rng.int(2, 3))
  const disciplineCode = rng.pick(field.disciplines)
  const services = rng.weighted(SERVICE_SETS)
  const degree = owner.kind === 'university' || owner.kind === 'institute' ? '博士' : rng.pick(['博士', '硕士', '硕士', '学士'])
  return {
    ...base,
    title: name,
    summary: `${owner.name}${department}${title}${position ? `，${position}` : ''}，长期从事${expertise.join('、')}等方面的研究与技术服务，可为企业提供技术${services.join('、')}服务。`,
    discipline_code: disciplineCode,
    industry_code: rng.pick(field.industries),
    category: null,
    tags: [field.label, ...expertise],
    sharing_level: 'free',
    contact: { name, phone: mobileNumber(rng), email: demoEmail(name, owner.slug) },
    attributes: {
      title,
      ...(position ? { position } : {}),
      degree,
      unit: owner.name,
      department,
      field: field.label,
      discipline: findDiscipline(disciplineCode)?.name ?? disciplineCode,
      expertise,
      services: [...services],
      availability: `${rng.pick(SLOTS)}，${rng.pick(MODES)}`,
      serviceRecord: { count: rng.int(0, 24), hours: rng.int(0, 160) },
    },
  }
}
