import { registerMessages } from '../../http/messages.ts'

/** The help-requests module's own messages (帮我找). */
export const HELP_REQUEST_MESSAGES = registerMessages({
  'zh-CN': {
    'help_requests.NOT_FOUND': '求助不存在',
    'help_requests.NODE_NOT_FOUND': '平台节点不存在',
    'help_requests.NODE_UNKNOWN': '所选的平台节点不存在',
    'help_requests.NO_ROOT_NODE': '平台尚未设立总平台节点，暂不能提交求助',
    'help_requests.PHONE_REQUIRED': '请填写联系电话（您的账号没有手机号）',
    'help_requests.DEADLINE_PAST': '截止日期不能早于今天',
    'help_requests.CLOSED': '该求助已关闭，不能再答复',
  },
  en: {
    'help_requests.NOT_FOUND': 'Help request not found',
    'help_requests.NODE_NOT_FOUND': 'Platform node not found',
    'help_requests.NODE_UNKNOWN': 'The chosen platform node does not exist',
    'help_requests.NO_ROOT_NODE': 'The platform has no national node yet; help requests cannot be sent',
    'help_requests.PHONE_REQUIRED': 'Please give a contact phone (your account has no mobile number)',
    'help_requests.DEADLINE_PAST': 'The deadline cannot be before today',
    'help_requests.CLOSED': 'This help request is closed and cannot be answered',
  },
})
