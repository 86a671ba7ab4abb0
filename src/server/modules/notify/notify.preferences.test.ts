import { describe, expect, it } from 'vitest'
import { NOTIFY_CHANNELS, NOTIFY_EVENT_NAMES } from '#shared/contracts/notify.ts'
import { channelsFor, preferenceMatrix } from './notify.preferences.ts'
import { emailOf, smsOf } from './notify.workers.ts'

describe('notification preferences', () => {
  it('defaults to inbox and e-mail, plus SMS for time-critical events', () => {
    expect([...channelsFor('org.review_decided', [])]).toEqual(['inbox', 'email'])
    expect([...channelsFor('account.security', [])]).toEqual(['inbox', 'email', 'sms'])
  })

  it('lets stored choices override the defaults, per event', () => {
    const choices = [
      { event: 'org.review_decided', channel: 'email', enabled: false },
      { event: 'org.review_decided', channel: 'sms', enabled: true },
      { event: 'account.security', channel: 'inbox', enabled: false },
    ]
    expect([...channelsFor('org.review_decided', choices)]).toEqual(['inbox', 'sms'])
    expect([...channelsFor('account.security', choices)]).toEqual(['email', 'sms'])
    expect([...channelsFor('org.join_decided', choices)]).toEqual(['inbox', 'email'])
  })

  it('lists every event × channel, marking which are defaults', () => {
    const { items } = preferenceMatrix([{ event: 'org.join_requested', channel: 'email', enabled: false }])
    expect(items).toHaveLength(NOTIFY_EVENT_NAMES.length * NOTIFY_CHANNELS.length)
    expect(items).toContainEqual({ event: 'org.join_requested', channel: 'email', enabled: false, isDefault: false })
    expect(items).toContainEqual({ event: 'account.security', channel: 'sms', enabled: true, isDefault: true })
    expect(items).toContainEqual({ event: 'org.join_requested', channel: 'sms', enabled: false, isDefault: true })
  })
})

describe('message texts', () => {
  it('puts the platform name in the subject and the link in the e-mail', () => {
    const mail = emailOf({ title: '单位审核通过', body: '您提交的单位已通过审核。', link: '/orgs/1' })
    expect(mail.subject).toBe('【科享】单位审核通过')
    expect(mail.text).toContain('您提交的单位已通过审核。\n\n详情请登录科享平台查看：/orgs/1')
  })

  it('cuts an SMS to 140 characters', () => {
    expect(smsOf({ title: '登录提醒', body: '新设备登录' })).toBe('【科享】登录提醒：新设备登录')
    const long = smsOf({ title: '标题', body: '长'.repeat(300) })
    expect(long).toHaveLength(140)
    expect(long.endsWith('…')).toBe(true)
  })
})
