import { useState } from 'react'
import { Alert, Button, Space, Typography } from 'antd'
import type { TBooking } from '../../../shared/contracts/booking.ts'
import type { TMessageKey } from '../../i18n/zh-CN.ts'
import { useT } from '../../i18n/use-t.ts'
import { useInstrumentCalendar } from '../../queries/booking.ts'
import { useMe } from '../../queries/session.ts'
import { QueryError, QueryLoading } from '../query-state.tsx'
import { BookingPanel } from './booking-panel.tsx'
import { addDays, cellMinutesOf, mondayOf, shanghaiDateOf, visibleMinutes } from './booking-time.ts'
import { WeekGrid, type TSelection } from './week-grid.tsx'
import './booking.css'

export type TBookingCalendarProps = {
  /** The instrument (a resource of kind instrument). */
  instrumentId: string
  /** After a new booking was made (e.g. to close the drawer the calendar sits in). */
  onBooked?: (booking: TBooking) => void
  /** Move an existing booking instead of making a new one. */
  reschedule?: { booking: TBooking; onDone: (booking: TBooking) => void }
  /** Any day of the first week shown (YYYY-MM-DD); default: this week, or the booking's when rescheduling. */
  initialDate?: string
}

const LEGEND = ['free', 'mine', 'busy', 'maintenance', 'closed', 'unavailable'] as const

/**
 * 预约日历: an instrument's week of free/busy in Beijing time, with public holidays and 调休 marked,
 * whatever the visitor's time zone. Choose a range (click start and end, or drag with a mouse; tap on a
 * phone), see the price for you before submitting, then book — or move a booking. Anonymous visitors see
 * which times are taken (not by whom) and are asked to sign in to book.
 * @returns the calendar with its booking panel
 */
export function BookingCalendar({ instrumentId, onBooked, reschedule, initialDate }: TBookingCalendarProps) {
  const t = useT()
  const me = useMe()
  const [monday, setMonday] = useState(() =>
    mondayOf(initialDate ?? (reschedule ? reschedule.booking.start.slice(0, 10) : shanghaiDateOf(Date.now()))),
  )
  const [selection, setSelection] = useState<TSelection | null>(null)
  const [problem, setProblem] = useState<TMessageKey | null>(null)
  const calendar = useInstrumentCalendar(instrumentId, monday, addDays(monday, 6))

  const goTo = (date: string) => {
    setMonday(date)
    setSelection(null)
    setProblem(null)
  }
  const select = (next: TSelection | null, refused: TMessageKey | null) => {
    setSelection(next)
    setProblem(refused)
  }

  if (calendar.isPending) return <QueryLoading rows={8} />
  if (calendar.isError) return <QueryError error={calendar.error} onRetry={() => void calendar.refetch()} />
  const data = calendar.data
  const cellMinutes = cellMinutesOf(data.slotMinutes)
  return (
    <section className="kx-booking" data-testid="booking-calendar" aria-label={t('booking.calendarTitle')}>
      <Space wrap className="kx-booking-nav">
        <Button onClick={() => goTo(addDays(monday, -7))} data-testid="booking-prev-week">
          {t('booking.prevWeek')}
        </Button>
        <Button onClick={() => goTo(mondayOf(shanghaiDateOf(Date.now())))}>{t('booking.thisWeek')}</Button>
        <Button onClick={() => goTo(addDays(monday, 7))} data-testid="booking-next-week">
          {t('booking.nextWeek')}
        </Button>
        <Typography.Text type="secondary">
          {monday} – {addDays(monday, 6)} · {t('booking.timeZoneNote')}
        </Typography.Text>
      </Space>
      {!data.isBookable && <Alert type="warning" showIcon message={t('booking.notBookable')} />}
      <div className="kx-booking-legend">
        {LEGEND.map((state) => (
          <span key={state} className="kx-booking-legend-item">
            <span className="kx-booking-cell" data-state={state} aria-hidden />
            {t(`booking.state.${state}`)}
          </span>
        ))}
      </div>
      <div className="kx-meta">{t('booking.hint')}</div>
      <WeekGrid
        calendar={data}
        cellMinutes={cellMinutes}
        visible={visibleMinutes(data, cellMinutes)}
        selection={selection}
        onSelect={select}
        ignoreBookingId={reschedule?.booking.id ?? null}
      />
      {problem && (
        <Alert
          type="warning"
          showIcon
          message={t(problem, { hours: Math.round((data.maxMinutes / 60) * 100) / 100 })}
        />
      )}
      {selection && data.isBookable && (
        <BookingPanel
          key={`${selection.date}-${selection.startMinute}-${selection.endMinute}`}
          instrumentId={instrumentId}
          selection={selection}
          isSignedIn={Boolean(me.data)}
          isApprovalRequired={data.isApprovalRequired}
          onClear={() => select(null, null)}
          {...(onBooked ? { onBooked } : {})}
          {...(reschedule ? { reschedule } : {})}
        />
      )}
    </section>
  )
}
