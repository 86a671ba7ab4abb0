import { useState } from 'react'
import { Alert, App, Button, Form, Input, InputNumber, Space, Typography } from 'antd'
import { Link, useLocation } from 'react-router'
import type { TBooking, TBookingQuote } from '../../../shared/contracts/booking.ts'
import { useLang, useT } from '../../i18n/use-t.ts'
import { formatFenAsYuan } from '../../lib/format.ts'
import { withNext } from '../../lib/next-path.ts'
import { LOGIN_PATH } from '../../nav-items.ts'
import { useCreateBooking, useQuote, useRescheduleBooking } from '../../queries/booking.ts'
import { describeError } from '../query-state.tsx'
import { clockOf, instantOf, toShanghaiIso, wallClockOf } from './booking-time.ts'
import type { TSelection } from './week-grid.tsx'

type TBookingPanelProps = {
  instrumentId: string
  selection: TSelection
  isSignedIn: boolean
  isApprovalRequired: boolean
  onClear: () => void
  onBooked?: (booking: TBooking) => void
  reschedule?: { booking: TBooking; onDone: (booking: TBooking) => void }
}

type TFormValues = { purpose: string; samples?: number }

function QuoteLine({ quote }: { quote: TBookingQuote }) {
  const t = useT()
  const { lang } = useLang()
  if (quote.isFree) return <span data-testid="booking-quote">{t('booking.quoteFree')}</span>
  return (
    <span data-testid="booking-quote">
      {t('booking.quoteLine', {
        tier: t(`booking.tier.${quote.tier}`),
        price: formatFenAsYuan(quote.unitPriceFen, lang, t),
        quantity: quote.quantity,
        unit: t(`booking.unit.${quote.unit}`),
        amount: formatFenAsYuan(quote.amountFen, lang, t),
      })}
    </span>
  )
}

type TBookingFormProps = {
  isReschedule: boolean
  unit: TBookingQuote['unit'] | undefined
  isPending: boolean
  onSamples: (samples: number | undefined) => void
  onSubmit: (values: TFormValues) => void
}

/** Samples (for per-sample and per-item prices), purpose, submit; only submit when rescheduling. */
function BookingForm({ isReschedule, unit, isPending, onSamples, onSubmit }: TBookingFormProps) {
  const t = useT()
  return (
    <Form<TFormValues> layout="vertical" onFinish={onSubmit} requiredMark={false}>
      {!isReschedule && (unit === 'sample' || unit === 'item') && (
        <Form.Item name="samples" label={t('booking.samples')}>
          <InputNumber min={1} max={10_000} precision={0} onChange={(v) => onSamples(v ?? undefined)} />
        </Form.Item>
      )}
      {!isReschedule && (
        <Form.Item
          name="purpose"
          label={t('booking.purpose')}
          rules={[{ required: true, whitespace: true, message: t('booking.purposeRequired') }]}
        >
          <Input.TextArea
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 4 }}
            placeholder={t('booking.purposePlaceholder')}
            data-testid="booking-purpose"
          />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={isPending} data-testid="booking-submit">
        {t(isReschedule ? 'booking.rescheduleSubmit' : 'booking.submit')}
      </Button>
    </Form>
  )
}

/** Submitting: a new booking, or moving the one being rescheduled; success is announced. */
function useSubmit(props: TBookingPanelProps, start: string, end: string) {
  const t = useT()
  const { message } = App.useApp()
  const create = useCreateBooking()
  const move = useRescheduleBooking()
  const { instrumentId, reschedule, onClear, onBooked } = props
  const submit = (values: TFormValues) => {
    if (reschedule) {
      move.mutate(
        { id: reschedule.booking.id, start, end },
        { onSuccess: (booking) => (void message.success(t('booking.rescheduled')), reschedule.onDone(booking)) },
      )
      return
    }
    const body = {
      instrumentId,
      start,
      end,
      purpose: values.purpose,
      ...(values.samples ? { samples: values.samples } : {}),
    }
    create.mutate(body, {
      onSuccess: (booking) => {
        void message.success(t(booking.status === 'pending' ? 'booking.bookedPending' : 'booking.booked'))
        onClear()
        onBooked?.(booking)
      },
    })
  }
  return { submit, mutation: reschedule ? move : create }
}

/**
 * Below the calendar once a range is chosen: the range, the caller's price (shown before submission and
 * frozen on the booking), how the instrument will be operated, the purpose and samples, and submit — or,
 * when rescheduling, the change terms and the move. Server errors (SLOT_TAKEN, a broken rule) show here.
 * @returns the panel
 */
export function BookingPanel(props: TBookingPanelProps) {
  const { instrumentId, selection, isSignedIn, isApprovalRequired, onClear, reschedule } = props
  const t = useT()
  const { pathname, search } = useLocation()
  const [samples, setSamples] = useState<number | undefined>(undefined)
  const start = toShanghaiIso(instantOf(selection.date, selection.startMinute))
  const end = toShanghaiIso(instantOf(selection.date, selection.endMinute))
  const quote = useQuote(instrumentId, reschedule ? null : { start, end, ...(samples ? { samples } : {}) })
  const { submit, mutation } = useSubmit(props, start, end)
  const hours = Math.round(((selection.endMinute - selection.startMinute) / 60) * 100) / 100
  const range = {
    date: selection.date,
    start: clockOf(selection.startMinute),
    end: clockOf(selection.endMinute),
    hours,
  }

  return (
    <div className="kx-booking-panel" data-testid="booking-panel">
      <Space wrap>
        <strong data-testid="booking-selection">{t('booking.selection', range)}</strong>
        <Button size="small" onClick={onClear}>
          {t('booking.clearSelection')}
        </Button>
      </Space>
      {!reschedule && quote.data && (
        <div>
          <Typography.Text type="secondary">{t('booking.quoteTitle')}：</Typography.Text>
          <QuoteLine quote={quote.data.quote} />
          <div className="kx-meta">{t('booking.quoteNote')}</div>
          {quote.data.mode === 'with_operator' && <div className="kx-meta">{t('booking.modeWithOperatorNote')}</div>}
        </div>
      )}
      {!reschedule && quote.isError && <Alert type="error" showIcon message={describeError(quote.error, t)} />}
      {isApprovalRequired && <div className="kx-meta">{t('booking.approvalNote')}</div>}
      {reschedule && (
        <div className="kx-meta">
          {t('booking.rescheduleNote', { until: wallClockOf(reschedule.booking.freeChangeUntil) })}
        </div>
      )}
      {mutation.isError && (
        <Alert type="error" showIcon message={describeError(mutation.error, t)} data-testid="booking-error" />
      )}
      {isSignedIn ? (
        <BookingForm
          isReschedule={Boolean(reschedule)}
          unit={quote.data?.quote.unit}
          isPending={mutation.isPending}
          onSamples={setSamples}
          onSubmit={submit}
        />
      ) : (
        <Link to={withNext(LOGIN_PATH, `${pathname}${search}`)}>{t('booking.signInToBook')}</Link>
      )}
    </div>
  )
}
