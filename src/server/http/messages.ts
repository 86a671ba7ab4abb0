import type { TErrorCode } from '../errors.ts'

/** The two languages of the API's messages. zh-CN is the default; `Accept-Language: en…` picks English. */
export type TLang = 'zh-CN' | 'en'

type TCatalogue = Record<`error.${TErrorCode}` | 'error.FIELDS_INVALID' | 'error.INVALID_JSON' | 'error.EMPTY_BODY' | 'error.ROUTE_NOT_FOUND'
  | 'error.RESOURCE_NOT_FOUND' | 'error.DATABASE_UNAVAILABLE' | 'error.FOREIGN_KEY' | 'error.CHECK_FAILED'
  | 'error.INVALID_VALUE' | 'error.SHUTTING_DOWN', string>

const ZH_CN: TCatalogue = {
  'error.VALIDATION': '请求参数有误，请检查后重试',
  'error.FIELDS_INVALID': '请求参数有误，请检查后重试（{summary}）',
  'error.UNAUTHENTICATED': '请先登录',
  'error.FORBIDDEN': '您没有执行此操作的权限',
  'error.SECOND_FACTOR_REQUIRED': '请先完成二次验证（动态口令）',
  'error.LOCKED': '登录失败次数过多，请 {minutes} 分钟后再试',
  'error.NOT_FOUND': '请求的内容不存在',
  'error.METHOD_NOT_ALLOWED': '不支持该请求方法',
  'error.CONFLICT': '数据已存在或与现有数据冲突',
  'error.STATE_INVALID': '当前状态不允许此操作',
  'error.SLOT_TAKEN': '该时段已被预约，请选择其他时段',
  'error.PAYLOAD_TOO_LARGE': '请求内容过大',
  'error.UNSUPPORTED_MEDIA_TYPE': '不支持的请求内容类型，请使用 JSON',
  'error.RATE_LIMITED': '请求过于频繁，请稍后再试',
  'error.UNAVAILABLE': '服务暂时不可用，请稍后再试',
  'error.INTERNAL': '服务器内部错误，请稍后再试（请求编号 {requestId}）',
  'error.INVALID_JSON': '请求体不是有效的 JSON：{reason}',
  'error.EMPTY_BODY': '请求体为空，但声明了 JSON 内容类型',
  'error.ROUTE_NOT_FOUND': '接口不存在：{method} {url}',
  'error.RESOURCE_NOT_FOUND': '未找到该资源或资源尚未发布',
  'error.DATABASE_UNAVAILABLE': '数据库暂时不可用',
  'error.FOREIGN_KEY': '引用的数据不存在：{constraint}',
  'error.CHECK_FAILED': '数据不符合规则：{constraint}',
  'error.INVALID_VALUE': '数据格式无效',
  'error.SHUTTING_DOWN': '服务正在重启，请稍后再试',
}

const EN: TCatalogue = {
  'error.VALIDATION': 'The request is invalid; please check it and try again',
  'error.FIELDS_INVALID': 'The request is invalid; please check it and try again（{summary}）',
  'error.UNAUTHENTICATED': 'Please sign in first',
  'error.FORBIDDEN': 'You are not allowed to do this',
  'error.SECOND_FACTOR_REQUIRED': 'Please complete the second verification step (authenticator code) first',
  'error.LOCKED': 'Too many failed sign-ins; please try again in {minutes} minutes',
  'error.NOT_FOUND': 'Not found',
  'error.METHOD_NOT_ALLOWED': 'Method not allowed',
  'error.CONFLICT': 'This already exists or conflicts with existing data',
  'error.STATE_INVALID': 'This action is not allowed in the current state',
  'error.SLOT_TAKEN': 'This time slot is already booked; please choose another',
  'error.PAYLOAD_TOO_LARGE': 'The request is too large',
  'error.UNSUPPORTED_MEDIA_TYPE': 'Unsupported content type; send JSON',
  'error.RATE_LIMITED': 'Too many requests; please try again later',
  'error.UNAVAILABLE': 'The service is temporarily unavailable; please try again later',
  'error.INTERNAL': 'Internal server error; please try again later (request id {requestId})',
  'error.INVALID_JSON': 'The request body is not valid JSON: {reason}',
  'error.EMPTY_BODY': 'The request body is empty but declares JSON content',
  'error.ROUTE_NOT_FOUND': 'No such endpoint: {method} {url}',
  'error.RESOURCE_NOT_FOUND': 'Resource not found or not published',
  'error.DATABASE_UNAVAILABLE': 'The database is temporarily unavailable',
  'error.FOREIGN_KEY': 'Referenced data does not exist: {constraint}',
  'error.CHECK_FAILED': 'The data breaks a rule: {constraint}',
  'error.INVALID_VALUE': 'Invalid data format',
  'error.SHUTTING_DOWN': 'The service is restarting; please try again shortly',
}

/**
 * A module's own messages: the same keys in both languages (the type makes the English one complete).
 * Keys are prefixed with the module's name, e.g. `identity.PASSWORD_TOO_WEAK`.
 */
export type TModuleMessages<K extends string> = { 'zh-CN': Record<K, string>; en: Record<K, string> }

const MODULE_CATALOGUES: TModuleMessages<string>[] = []

const CATALOGUES: Record<TLang, Record<string, string>> = { 'zh-CN': { ...ZH_CN }, en: { ...EN } }

/** Adds a module's messages to the catalogue (called once, at import time, by the module's messages file). */
export function registerMessages<K extends string>(messages: TModuleMessages<K>): TModuleMessages<K> {
  for (const key of Object.keys(messages['zh-CN'])) {
    if (key in CATALOGUES['zh-CN']) throw new Error(`message key ${key} is defined twice`)
  }
  Object.assign(CATALOGUES['zh-CN'], messages['zh-CN'])
  Object.assign(CATALOGUES.en, messages.en)
  MODULE_CATALOGUES.push(messages)
  return messages
}

export type TMessageKey = keyof TCatalogue | (string & {})

/** Picks the language from an Accept-Language header: English only when asked for first, else zh-CN. */
export function languageOf(acceptLanguage: string | undefined): TLang {
  if (!acceptLanguage) return 'zh-CN'
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean)
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q), index }
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
  for (const entry of ranked) {
    if (entry.tag.startsWith('zh')) return 'zh-CN'
    if (entry.tag.startsWith('en')) return 'en'
  }
  return 'zh-CN'
}

/** True when the catalogue has this key (AppError may carry a module's own key). */
export function isMessageKey(key: string): key is TMessageKey {
  return key in CATALOGUES['zh-CN']
}

/** The message for a key in a language, with `{name}` placeholders filled in. */
export function translate(lang: TLang, key: TMessageKey, vars: Record<string, string | number> = {}): string {
  const template = CATALOGUES[lang][key] ?? key
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  )
}
