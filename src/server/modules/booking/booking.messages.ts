import { registerMessages } from '../../http/messages.ts'

/** The booking module's own messages: one per broken rule (details.reason) and per refused action. */
export const BOOKING_MESSAGES = registerMessages({
  'zh-CN': {
    'booking.RANGE_INVALID': '结束时间必须晚于开始时间',
    'booking.IN_PAST': '不能预约已经过去的时间',
    'booking.NOTICE_TOO_SHORT': '该仪器须至少提前 {hours} 小时预约',
    'booking.TOO_FAR_AHEAD': '该仪器最多可提前 {days} 天预约',
    'booking.SLOT_MISALIGNED': '预约时段须按 {minutes} 分钟对齐（从 0 点起整时段开始和结束）',
    'booking.TOO_LONG': '单次预约最长 {hours} 小时',
    'booking.CALENDAR_NOT_LOADED':
      '{year} 年的法定节假日安排尚未载入，暂不能预约该年的时段，请联系平台管理员载入节假日日历',
    'booking.CLOSED_HOLIDAY': '{date}（{name}）为法定节假日，仪器不开放',
    'booking.OUTSIDE_OPENING_HOURS': '所选时段不在仪器开放时间内',
    'booking.IN_MAINTENANCE': '所选时段与仪器维护时间冲突（{from} 至 {to}）',
    'booking.USER_QUOTA_EXCEEDED_WEEK': '超出个人预约额度：每人每周最多 {hours} 小时，本周已预约 {used} 小时',
    'booking.USER_QUOTA_EXCEEDED_MONTH': '超出个人预约额度：每人每月最多 {hours} 小时，本月已预约 {used} 小时',
    'booking.ORG_QUOTA_EXCEEDED_WEEK': '超出单位预约额度：每个单位每周最多 {hours} 小时，本周已预约 {used} 小时',
    'booking.ORG_QUOTA_EXCEEDED_MONTH': '超出单位预约额度：每个单位每月最多 {hours} 小时，本月已预约 {used} 小时',
    'booking.NO_SHOW_LIMIT': '您近 90 天内有 {count} 次预约未到，暂不能预约该仪器，请联系仪器管理员',
    'booking.INSTRUMENT_NOT_FOUND': '仪器不存在或尚未发布',
    'booking.INSTRUMENT_RETIRED': '该仪器已停用，不接受预约',
    'booking.NOT_FOUND': '预约不存在',
    'booking.NOT_PENDING': '该预约不在待审核状态，不能审核',
    'booking.NOT_CHANGEABLE': '该预约已开始或已结束，不能取消或改期',
    'booking.NOT_CONFIRMED': '只有已确认的预约才能签到',
    'booking.CHECK_IN_NOT_OPEN': '签到将于 {from} 开放',
    'booking.CHECK_IN_CLOSED': '已超过签到时间，预约已释放',
    'booking.CALENDAR_RANGE_TOO_LONG': '日历一次最多查询 {days} 天',
    'booking.MAINTENANCE_NOT_FOUND': '维护时段不存在',
    'booking.USER_NOT_FOUND': '用户不存在',
    'booking.TRAINING_NOT_FOUND': '该用户没有此仪器的培训记录',
    'booking.CALENDAR_DAY_OUTSIDE_YEAR': '日期 {date} 不在 {year} 年内',
    'booking.CALENDAR_DAY_TWICE': '日期 {date} 重复',
  },
  en: {
    'booking.RANGE_INVALID': 'The end must be after the start',
    'booking.IN_PAST': 'You cannot book a time that has already passed',
    'booking.NOTICE_TOO_SHORT': 'This instrument must be booked at least {hours} hours ahead',
    'booking.TOO_FAR_AHEAD': 'This instrument can be booked at most {days} days ahead',
    'booking.SLOT_MISALIGNED': 'Bookings start and end on {minutes}-minute slots (counted from midnight)',
    'booking.TOO_LONG': 'A booking may last at most {hours} hours',
    'booking.CALENDAR_NOT_LOADED':
      "The public holidays of {year} are not loaded yet, so that year cannot be booked; please ask a platform admin to load the year's holiday calendar",
    'booking.CLOSED_HOLIDAY': '{date} ({name}) is a public holiday; the instrument is closed',
    'booking.OUTSIDE_OPENING_HOURS': "The chosen time is outside the instrument's opening hours",
    'booking.IN_MAINTENANCE': 'The chosen time overlaps maintenance of the instrument ({from} to {to})',
    'booking.USER_QUOTA_EXCEEDED_WEEK':
      'Personal quota exceeded: at most {hours} hours per person per week; {used} hours already booked this week',
    'booking.USER_QUOTA_EXCEEDED_MONTH':
      'Personal quota exceeded: at most {hours} hours per person per month; {used} hours already booked this month',
    'booking.ORG_QUOTA_EXCEEDED_WEEK':
      'Organisation quota exceeded: at most {hours} hours per organisation per week; {used} hours already booked this week',
    'booking.ORG_QUOTA_EXCEEDED_MONTH':
      'Organisation quota exceeded: at most {hours} hours per organisation per month; {used} hours already booked this month',
    'booking.NO_SHOW_LIMIT':
      'You missed {count} bookings in the last 90 days and cannot book this instrument for now; please contact its manager',
    'booking.INSTRUMENT_NOT_FOUND': 'Instrument not found or not published',
    'booking.INSTRUMENT_RETIRED': 'This instrument is retired and takes no bookings',
    'booking.NOT_FOUND': 'Booking not found',
    'booking.NOT_PENDING': 'This booking is not waiting for approval',
    'booking.NOT_CHANGEABLE': 'This booking has started or ended and can no longer be cancelled or rescheduled',
    'booking.NOT_CONFIRMED': 'Only confirmed bookings can be checked in',
    'booking.CHECK_IN_NOT_OPEN': 'Check-in opens at {from}',
    'booking.CHECK_IN_CLOSED': 'Check-in has closed; the slot was released',
    'booking.CALENDAR_RANGE_TOO_LONG': 'The calendar shows at most {days} days at a time',
    'booking.MAINTENANCE_NOT_FOUND': 'Maintenance window not found',
    'booking.USER_NOT_FOUND': 'User not found',
    'booking.TRAINING_NOT_FOUND': 'This user has no training record for the instrument',
    'booking.CALENDAR_DAY_OUTSIDE_YEAR': 'The date {date} is not in {year}',
    'booking.CALENDAR_DAY_TWICE': 'The date {date} is listed twice',
  },
})
