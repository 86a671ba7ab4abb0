import { usccCheckChar } from '#shared/validators/index.ts'
import type { TOrgKind } from '#shared/resource-kinds.ts'
import type { TRng } from './prng.ts'

/** GB 32100 character set (no I, O, S, V, Z). */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
/** GB 11714 weights of the eight body characters of a 组织机构代码. */
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]

/**
 * Check character of a 9-character 组织机构代码 (GB 11714-1997), which is positions 9–17 of a 统一社会信用代码:
 * C9 = 11 − (Σ value·weight mod 11), with 10 → 'X' and 11 → '0'. Letters count A = 10 … Z = 35.
 * @param first8 eight digits or upper-case letters
 * @returns '0'–'9' or 'X'
 */
export function orgCodeCheckChar(first8: string): string {
  let sum = 0
  for (let i = 0; i < 8; i++) sum += Number.parseInt(first8.charAt(i), 36) * (ORG_CODE_WEIGHTS[i] ?? 0)
  const c = 11 - (sum % 11)
  if (c === 10) return 'X'
  if (c === 11) return '0'
  return String(c)
}

/**
 * 登记管理部门码 + 机构类别码 by kind of organisation: 9 1 (市场监管, 企业) for companies and patent agencies,
 * 1 2 (机构编制, 事业单位) for universities, institutes and public testing centres, 1 1 (机构编制, 机关) for
 * government departments. A service agency can be either; the caller says which.
 */
export function registrationPrefix(kind: TOrgKind, isPublicInstitution: boolean): string {
  if (kind === 'government') return '11'
  if (kind === 'university' || kind === 'institute') return '12'
  if (kind === 'service_agency' && isPublicInstitution) return '12'
  return '91'
}

/**
 * A valid 统一社会信用代码 (GB 32100-2015) for a demo organisation: prefix, the organisation's GB/T 2260
 * region code, a 主体标识码 (for companies registered after 2015 the usual 'MA' form, otherwise eight
 * digits, each with a correct GB 11714 check character) and the GB 32100 check character.
 * The codes are invented: they are not the real codes of the organisations named in the demo data.
 * @param rng the stream to draw from
 * @param prefix two characters from registrationPrefix
 * @param regionCode six digits
 * @param taken codes already used; a collision is retried
 */
export function buildCreditCode(rng: TRng, prefix: string, regionCode: string, taken: Set<string>): string {
  for (;;) {
    let body: string
    if (prefix === '91' && rng.chance(0.7)) {
      body = 'MA' + rng.digits(1) + Array.from({ length: 5 }, () => rng.pick([...USCC_CHARS])).join('')
    } else {
      body = String(rng.int(1, 9)) + rng.digits(7)
    }
    const orgCode = body + orgCodeCheckChar(body)
    const first17 = prefix + regionCode + orgCode
    const code = first17 + usccCheckChar(first17)
    if (!taken.has(code)) {
      taken.add(code)
      return code
    }
  }
}
