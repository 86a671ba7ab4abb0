/**
 * The password rules of MLPS level 3 身份鉴别 a (standards-and-conventions §2.1): at least 8 characters from at
 * least 3 of the 4 classes, not containing the account's phone number, not a commonly used password.
 * Pure: the service turns each broken rule into a field error in the caller's language.
 */

export const PASSWORD_MIN_LENGTH = 8
/** Longer inputs are refused before hashing (argon2 cost grows with the input). */
export const PASSWORD_MAX_LENGTH = 128
export const PASSWORD_MIN_CLASSES = 3

/** A rule a password can break; the message key is `identity.PASSWORD_<RULE>`. */
export type TPasswordRule = 'TOO_SHORT' | 'TOO_LONG' | 'TOO_FEW_CLASSES' | 'CONTAINS_PHONE' | 'TOO_COMMON'

// Frequent passwords that pass the length and class rules (leaked-password lists, Chinese sites included):
// the class rule already refuses 123456, 12345678, password, qwerty123, 5201314, iloveyou, woaini1314 and alike.
const COMMON_PASSWORDS = new Set(
  [
    'Password1',
    'Password123',
    'Password@123',
    'Password1!',
    'P@ssw0rd',
    'P@ssword1',
    'P@ssw0rd123',
    'Passw0rd',
    'Passw0rd!',
    'Admin123',
    'Admin@123',
    'Admin123!',
    'Admin@2024',
    'Admin@2025',
    'Admin@2026',
    'Abc12345',
    'Abc123456',
    'Abc@1234',
    'Abc@123456',
    'Aa123456',
    'Aa123456!',
    'Aa@123456',
    'Qwer1234',
    'Qwer@1234',
    'Qwerty123',
    'Qwerty@123',
    'Qwe123!@#',
    'Qq123456',
    'Zxc12345',
    'Woaini1314',
    'Woaini@1314',
    'Welcome1',
    'Welcome@1',
    'Welcome123',
    'Test@123',
    'Test1234',
    'Root@123',
    'Huawei@123',
    'Huawei12#$',
    'Changeme1',
    'Kexiang@123',
    'Kexiang123',
    '1qaz@WSX',
    '1qaz!QAZ',
    '1QAZ2wsx',
    '1qaz2wsX',
    'Zaq12wsx',
    'Asdf1234',
    'Asd123456',
    'Abcd1234',
    'Abcd@1234',
    'Aa111111',
    'Aa888888',
    'Iloveyou1',
    'Sunshine1',
  ].map((p) => p.toLowerCase()),
)

/** True for the four character classes: lower-case, upper-case, digit, anything else (symbols, CJK…). */
function classesOf(password: string): number {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/]
  return classes.filter((re) => re.test(password)).length
}

/**
 * Checks a new password against every rule and lists the ones it breaks (empty when acceptable).
 * @param password the candidate, exactly as typed (no trimming: spaces are symbols)
 * @param context.phone the account's mobile number; the password may not contain it, nor its last 8 digits
 * @returns the broken rules, in the order a form should show them
 */
export function checkPassword(password: string, context: { phone?: string | null } = {}): TPasswordRule[] {
  const broken: TPasswordRule[] = []
  if (password.length < PASSWORD_MIN_LENGTH) broken.push('TOO_SHORT')
  if (password.length > PASSWORD_MAX_LENGTH) broken.push('TOO_LONG')
  if (classesOf(password) < PASSWORD_MIN_CLASSES) broken.push('TOO_FEW_CLASSES')
  const phone = context.phone ?? ''
  if (phone.length >= 8 && password.includes(phone.slice(-8))) broken.push('CONTAINS_PHONE')
  if (COMMON_PASSWORDS.has(password.toLowerCase())) broken.push('TOO_COMMON')
  return broken
}
