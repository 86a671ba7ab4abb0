/**
 * Validators and masks for Chinese identifiers, written here rather than taken from a package
 * (docs: standards-and-conventions §1.6–1.7). All checks are strict: callers normalise input first
 * (trim, upper-case), so that what is stored is exactly what was validated.
 */

/** The 31 characters of GB 32100 codes; a character's value is its index (no I, O, S, V, Z). */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const USCC_BODY = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{9}$/
const USCC_FULL = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/
/** W_i = 3^i mod 31, i = 0..16. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** GB 11643 / ISO 7064 MOD 11-2 weights 2^(17-i) mod 11, i = 0..16, and remainder → check character. */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'
const ID_FULL = /^\d{6}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dX]$/

const CN_MOBILE = /^1[3-9]\d{9}$/

/** Result of checkUSCC. */
export type TUsccCheck = 'valid' | 'checksum' | 'format'

/**
 * Computes the 18th (check) character of a 统一社会信用代码 (GB 32100-2015): 31 − (Σ value·3^i mod 31) mod 31.
 * The demo-data generator uses it to make valid codes.
 * @param first17 the first 17 characters, upper-case, in the GB 32100 character set
 * @returns the check character
 * @throws RangeError when first17 is not 17 characters of the right shape
 */
export function usccCheckChar(first17: string): string {
  if (!USCC_BODY.test(first17)) throw new RangeError(`not the first 17 characters of a USCC: ${first17}`)
  let sum = 0
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17.charAt(i)) * (USCC_WEIGHTS[i] ?? 0)
  return USCC_CHARS.charAt((31 - (sum % 31)) % 31)
}

/**
 * Classifies a 统一社会信用代码. A checksum failure is reported apart from a bad format because some early
 * pilot codes (e.g. Fujian's 91350100M0001TGQXM) are legal but fail the checksum: flag those for admin
 * review rather than rejecting them.
 * @param code 18 characters, upper-case
 * @returns 'valid', 'checksum' (well-formed, wrong check character) or 'format'
 */
export function checkUSCC(code: string): TUsccCheck {
  if (!USCC_FULL.test(code)) return 'format'
  return usccCheckChar(code.slice(0, 17)) === code.charAt(17) ? 'valid' : 'checksum'
}

/**
 * True when code is a well-formed 统一社会信用代码 with a correct check character.
 * @param code 18 characters, upper-case, e.g. '91350100M000100Y43'
 */
export function isUSCC(code: string): boolean {
  return checkUSCC(code) === 'valid'
}

/**
 * Computes the 18th (check) character of a 公民身份号码 (GB 11643-1999, ISO 7064 MOD 11-2).
 * @param first17 the first 17 digits
 * @returns '0'–'9' or 'X'
 * @throws RangeError when first17 is not 17 digits
 */
export function idCardCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`not the first 17 digits of an ID number: ${first17}`)
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (ID_WEIGHTS[i] ?? 0)
  return ID_CHECK.charAt(sum % 11)
}

function isRealDate(year: number, month: number, day: number): boolean {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0
  return day >= 1 && day <= days
}

/**
 * True when id is an 18-character 公民身份号码 with a real birth date (19xx or 20xx; 19990230 is rejected)
 * and a correct check character. The check 'X' must be upper-case. The address code is not looked up, and a
 * birth date in the future is not rejected here (that needs a clock).
 * @param id e.g. '11010519491231002X'
 */
export function isCnIdCard(id: string): boolean {
  if (!ID_FULL.test(id)) return false
  const year = Number(id.slice(6, 10))
  const month = Number(id.slice(10, 12))
  const day = Number(id.slice(12, 14))
  if (!isRealDate(year, month, day)) return false
  return idCardCheckChar(id.slice(0, 17)) === id.charAt(17)
}

/**
 * True for a mainland mobile number: 11 digits starting 13–19. No '+86', spaces or dashes.
 * @param s e.g. '13812345678'
 */
export function isCnMobile(s: string): boolean {
  return CN_MOBILE.test(s)
}

/** Replaces all but the first `head` and last `tail` characters with '*'; masks everything if too short. */
function maskMiddle(value: string, head: number, tail: number): string {
  if (value.length <= head + tail) return '*'.repeat(value.length)
  return `${value.slice(0, head)}${'*'.repeat(value.length - head - tail)}${value.slice(value.length - tail)}`
}

/**
 * Masks a mobile number for display (PIPL): keeps the first 3 and last 4 characters, '138****5678'.
 * Input of 7 characters or fewer is masked entirely, so a mask never shows a whole value.
 * @param mobile e.g. '13812345678'
 */
export function maskMobile(mobile: string): string {
  return maskMiddle(mobile, 3, 4)
}

/**
 * Masks an ID number for display: keeps the first 6 (address code) and last 4 characters,
 * '110105********002X'. Input of 10 characters or fewer is masked entirely.
 * @param id e.g. '11010519491231002X'
 */
export function maskIdCard(id: string): string {
  return maskMiddle(id, 6, 4)
}
