import { useRef, type PointerEvent } from 'react'
import type { TCalendarResponse } from '../../../shared/contracts/booking.ts'
import type { TMessageKey } from '../../i18n/zh-CN.ts'
import type { TCellState } from './booking-time.ts'

/** A chosen range on one day, in minutes after Shanghai midnight. */
export type TSelection = { date: string; startMinute: number; endMinute: number }

/** Cells a range may cover: free time, and the booking being rescheduled. */
export const SELECTABLE: readonly TCellState[] = ['free', 'current']

type TRangeSelectionInput = {
  calendar: TCalendarResponse
  cellMinutes: number
  selection: TSelection | null
  stateOf: (date: string, minute: number) => TCellState
  /** Called with the new selection and, when an extension was refused, why (the selection stays). */
  onSelect: (selection: TSelection | null, problem: TMessageKey | null) => void
}

/**
 * Choosing a range on the week grid. A first choice starts a range, a second later one on the same day
 * ends it; a mouse chooses on press and may drag. Touch, pen and keyboard choose on click, so that
 * scrolling the grid with a finger does not pick a slot. Ranges over a cell that is not free, or longer
 * than the instrument's maximum, are refused.
 * @returns handlers for the cells and the grid
 */
export function useRangeSelection({ calendar, cellMinutes, selection, stateOf, onSelect }: TRangeSelectionInput) {
  const drag = useRef<{ date: string; minute: number } | null>(null)
  const anchor = useRef<{ date: string; minute: number } | null>(null)
  const isMousePress = useRef(false)

  function start(date: string, minute: number): void {
    anchor.current = { date, minute }
    onSelect({ date, startMinute: minute, endMinute: minute + cellMinutes }, null)
  }

  function extendTo(date: string, minute: number): void {
    const from = anchor.current
    if (!from || from.date !== date || minute < from.minute) return start(date, minute)
    for (let m = from.minute; m <= minute; m += cellMinutes) {
      if (!SELECTABLE.includes(stateOf(date, m))) return onSelect(selection, 'booking.notContiguous')
    }
    if (minute + cellMinutes - from.minute > calendar.maxMinutes) return onSelect(selection, 'booking.tooLong')
    onSelect({ date, startMinute: from.minute, endMinute: minute + cellMinutes }, null)
  }

  function choose(date: string, minute: number): void {
    const isSingle = selection !== null && selection.endMinute - selection.startMinute === cellMinutes
    const from = anchor.current
    if (isSingle && from?.date === date && minute > from.minute) extendTo(date, minute)
    else start(date, minute)
  }

  return {
    onPointerDown(event: PointerEvent, date: string, minute: number): void {
      if (event.pointerType !== 'mouse') return
      isMousePress.current = true
      choose(date, minute)
      drag.current = { date, minute }
    },
    onPointerEnter(date: string, minute: number): void {
      if (drag.current?.date === date && minute >= drag.current.minute) extendTo(date, minute)
    },
    onClick(date: string, minute: number): void {
      if (isMousePress.current) {
        isMousePress.current = false
        return
      }
      choose(date, minute)
    },
    onDragEnd(): void {
      drag.current = null
    },
  }
}
