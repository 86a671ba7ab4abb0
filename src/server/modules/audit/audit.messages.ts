import { registerMessages } from '../../http/messages.ts'

/** The audit module's own messages (zh-CN and en). */
export const AUDIT_MESSAGES = registerMessages({
  'zh-CN': {
    'audit.AUDITOR_ONLY': '仅审计管理员可以查看审计日志',
    'audit.INVALID_RANGE': '时间范围有误：开始时间必须早于结束时间',
  },
  en: {
    'audit.AUDITOR_ONLY': 'Only auditors may read the audit log',
    'audit.INVALID_RANGE': 'Invalid time range: "from" must be earlier than "to"',
  },
})
