import { registerMessages } from '../../http/messages.ts'

/** The network module's own messages (node administration). */
export const NETWORK_MESSAGES = registerMessages({
  'zh-CN': {
    'network.NODE_NOT_FOUND': '平台节点不存在',
    'network.PARENT_NOT_FOUND': '上级平台节点不存在',
    'network.CODE_TAKEN': '节点代码已被其他节点使用',
    'network.REGION_UNKNOWN': '行政区划代码不存在：{code}',
    'network.USER_NOT_FOUND': '用户不存在',
  },
  en: {
    'network.NODE_NOT_FOUND': 'Platform node not found',
    'network.PARENT_NOT_FOUND': 'The parent platform node does not exist',
    'network.CODE_TAKEN': 'This node code is already used by another node',
    'network.REGION_UNKNOWN': 'Unknown region code: {code}',
    'network.USER_NOT_FOUND': 'User not found',
  },
})
