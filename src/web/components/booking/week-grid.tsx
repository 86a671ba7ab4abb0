import { Tag } from 'antd'
import type { TCalendarDay, TCalendarResponse } from '../../../shared/contracts/booking.ts'
import type { TMessageKey } from '../../i18n/zh-CN.ts'
import { useT } from '../../i18n/use-t.ts'
import { cellState, clockOf } from './booking-time.ts'
import { SELECTABLE, useRangeSelection, type TSelection } from './range-selection.ts'

export type { TSelection } from './range-selection.ts'

type TWeekGridProps = {
  calendar: TCalendarResponse
  cellMinutes: number
  visible: { from: number; to: number }
  selection: TSelection | null
  onSelect: (selection: TSelection | null, problem: TMessageKey | null) => void
  /** A booking being rescheduled: its own cells are selectable. */
  ignoreBookingId: string | null
}

function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay()
  return day === 0 ? 7 : day
}

/** A column's head: weekday, date, and 休 / 调休上班 / 日历未载入 marks. */
function DayHeader({ day }: { day: TCalendarDay }) {
  const t = useT()
  const isMarked = day.kind === 'holiday' || day.kind === 'adjusted_workday' || day.kind === 'unknown'
  const colour = day.kind === 'holiday' ? 'red' : day.kind === 'unknown' ? 'default' : 'blue'
  return (
    <div className="kx-booking-day" data-kind={day.kind}>
      <div>{t(`booking.weekday.${weekdayOf(day.date)}` as TMessageKey)}</div>
      <div className="kx-meta">{day.date.slice(5)}</div>
      {isMarked && (
        <Tag color={colour} title={day.name ?? undefined}>
          {t(`booking.dayKind.${day.kind as 'holiday' | 'adjusted_workday' | 'unknown'}`)}
        </Tag>
      )}
    </div>
  )
}

/**
 * The week as a grid: one column per day, one row per cell of time, each cell a button that says what it
 * is (free, booked, mine, maintenance, closed, outside the booking window). See useRangeSelection for how
 * a range is chosen.
 * @returns the grid
 */
export function WeekGrid({ calendar, cellMinutes, visible, selection, onSelect, ignoreBookingId }: TWeekGridProps) {
  const t = useT()
  const stateOf = (date: string, minute: number) => cellState(calendar, date, minute, cellMinutes, ignoreBookingId)
  const pick = useRangeSelection({ calendar, cellMinutes, selection, stateOf, onSelect })
  const rows: number[] = []
  for (let m = visible.from; m < visible.to; m += cellMinutes) rows.push(m)
  const isSelected = (date: string, minute: number) =>
    selection !== null && selection.date === date && minute >= selection.startMinute && minute < selection.endMinute

  return (
    <div className="kx-booking-grid-wrap">
      <div
        className="kx-booking-grid"
        style={{ gridTemplateColumns: `3.2em repeat(${calendar.days.length}, minmax(2.6em, 1fr))` }}
        onPointerUp={pick.onDragEnd}
        onPointerLeave={pick.onDragEnd}
        data-testid="booking-grid"
      >
        <div />
        {calendar.days.map((day) => (
          <DayHeader key={day.date} day={day} />
        ))}
        {rows.map((minute) => [
          <div key={`t${minute}`} className="kx-booking-time">
            {clockOf(minute)}
          </div>,
          ...calendar.days.map((day) => {
            const state = stateOf(day.date, minute)
            const label = t('booking.cellLabel', {
              date: day.date,
              start: clockOf(minute),
              end: clockOf(minute + cellMinutes),
              state: t(`booking.state.${state}`),
            })
            return (
              <button
                key={`${day.date}-${minute}`}
                type="button"
                className="kx-booking-cell"
                data-state={state}
                data-selected={isSelected(day.date, minute)}
                data-testid="booking-cell"
                data-date={day.date}
                data-time={clockOf(minute)}
                aria-label={label}
                title={label}
                disabled={!SELECTABLE.includes(state)}
                onPointerDown={(event) => pick.onPointerDown(event, day.date, minute)}
                onPointerEnter={() => pick.onPointerEnter(day.date, minute)}
                onClick={() => pick.onClick(day.date, minute)}
              />
            )
          }),
        ])}
      </div>
    </div>
  )
}
