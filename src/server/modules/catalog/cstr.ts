import type { TResourceKind } from '#shared/resource-kinds.ts'

/**
 * Platform identifiers in the shape of a CSTR (GB/T 32843-2016 科技资源标识): `CSTR:<prefix>.<type>.<local id>`.
 * We are not a CSTR registration agency and cannot mint real CSTRs (standards-and-conventions.md §1.4), so
 * the prefix is configurable and defaults to an obviously local one; the UI labels the value 平台标识.
 * Decision record: docs/decisions/007-catalogue-lifecycle.md.
 */

/** Default 5-character registration prefix: "KX" + zeros, plainly not one of the real agencies' numbers. */
export const DEFAULT_CSTR_PREFIX = 'KX000'

/**
 * Our own 2-digit resource-type code per kind. Fixed here, not derived from RESOURCE_KINDS' order, so
 * reordering the kinds never changes an identifier already handed out. Not the national type table.
 *   01 instrument 大型科学仪器设备   05 achievement 科技成果   09 dataset 科学数据
 *   02 lab 实验室/研究中心           06 patent 专利           10 incubator 孵化器/园区
 *   03 expert 专家                   07 service 科技服务产品   11 policy 政策法规
 *   04 team 科研团队                 08 literature 科技文献    12 news 科技跟踪信息
 */
export const CSTR_TYPE_CODES: Readonly<Record<TResourceKind, string>> = {
  instrument: '01',
  lab: '02',
  expert: '03',
  team: '04',
  achievement: '05',
  patent: '06',
  service: '07',
  literature: '08',
  dataset: '09',
  incubator: '10',
  policy: '11',
  news: '12',
}

const PREFIX_PATTERN = /^[0-9A-Za-z]{5}$/

/**
 * Checks a configured prefix.
 * @throws Error when it is not exactly 5 letters or digits (a configuration mistake)
 */
export function assertCstrPrefix(prefix: string): string {
  if (!PREFIX_PATTERN.test(prefix)) throw new Error(`CSTR prefix must be 5 letters or digits, not "${prefix}"`)
  return prefix
}

/**
 * The identifier of a resource: prefix, the kind's type code and the local number from `resource_cstr_seq`,
 * zero-padded to 8 digits (`CSTR:KX000.01.00000042`).
 * @param prefix a checked 5-character prefix
 * @param kind the resource kind
 * @param localNumber the next value of resource_cstr_seq
 */
export function formatCstr(prefix: string, kind: TResourceKind, localNumber: number | bigint | string): string {
  return `CSTR:${prefix}.${CSTR_TYPE_CODES[kind]}.${String(localNumber).padStart(8, '0')}`
}
