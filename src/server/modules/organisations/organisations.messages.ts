import { registerMessages } from '../../http/messages.ts'

/** The organisations module's own messages (registration, review, joining, members). */
export const ORGANISATION_MESSAGES = registerMessages({
  'zh-CN': {
    'organisations.NOT_FOUND': '单位不存在',
    'organisations.CREDIT_CODE_TAKEN': '该统一社会信用代码已被其他单位注册',
    'organisations.CREDIT_CODE_FORMAT': '统一社会信用代码格式不正确（18 位，不含 I、O、S、V、Z）',
    'organisations.REGION_UNKNOWN': '行政区划代码不存在或未细化到市、区县：{code}',
    'organisations.NODE_UNKNOWN': '申请加盟的平台节点不存在',
    'organisations.NODE_NOT_FOUND': '平台节点不存在',
    'organisations.ALREADY_REVIEWED': '该单位已审核，不能重复审核',
    'organisations.NOT_APPROVED': '该单位尚未通过审核，暂不能申请加入',
    'organisations.ALREADY_MEMBER': '您已是该单位成员',
    'organisations.JOIN_REQUEST_OPEN': '您已提交加入申请，请等待单位管理员处理',
    'organisations.JOIN_REQUEST_NOT_FOUND': '加入申请不存在',
    'organisations.JOIN_REQUEST_DECIDED': '该申请已处理，不能重复处理',
    'organisations.MEMBER_NOT_FOUND': '该用户不是本单位成员',
    'organisations.LAST_ADMIN': '不能移除单位的最后一位管理员，请先指定其他管理员',
    'organisations.LAST_ADMIN_ROLE': '不能取消单位最后一位管理员的管理员角色，请先指定其他管理员',
    'organisations.JOIN_REQUEST_NOT_CANCELLABLE': '该申请已处理，不能撤回',
  },
  en: {
    'organisations.NOT_FOUND': 'Organisation not found',
    'organisations.CREDIT_CODE_TAKEN': 'This unified social credit code is already registered by another organisation',
    'organisations.CREDIT_CODE_FORMAT':
      'The unified social credit code is malformed (18 characters, no I, O, S, V or Z)',
    'organisations.REGION_UNKNOWN': 'Unknown region code, or not a city or district: {code}',
    'organisations.NODE_UNKNOWN': 'The platform node applied to does not exist',
    'organisations.NODE_NOT_FOUND': 'Platform node not found',
    'organisations.ALREADY_REVIEWED': 'This organisation has already been reviewed',
    'organisations.NOT_APPROVED': 'This organisation has not been approved yet; you cannot ask to join it',
    'organisations.ALREADY_MEMBER': 'You are already a member of this organisation',
    'organisations.JOIN_REQUEST_OPEN': 'You have already asked to join; please wait for its admins to decide',
    'organisations.JOIN_REQUEST_NOT_FOUND': 'Join request not found',
    'organisations.JOIN_REQUEST_DECIDED': 'This request has already been decided',
    'organisations.MEMBER_NOT_FOUND': 'This person is not a member of the organisation',
    'organisations.LAST_ADMIN': 'You cannot remove the last admin of an organisation; appoint another admin first',
    'organisations.LAST_ADMIN_ROLE':
      'The last admin of an organisation cannot lose the admin role; appoint another admin first',
    'organisations.JOIN_REQUEST_NOT_CANCELLABLE': 'This request has already been decided and cannot be withdrawn',
  },
})
