import { useState } from 'react'
import { App, Button, Card, Empty, Input, Modal, Pagination, Space, Tag, Typography } from 'antd'
import { Link } from 'react-router'
import type { TBooking, TBookingStatus } from '../../shared/contracts/booking.ts'
import { BookingCalendar } from '../components/booking/booking-calendar.tsx'
import { wallClockOf } from '../components/booking/booking-time.ts'
import { PageHeading } from '../components/page-heading.tsx'
import { describeError, QueryError, QueryLoading } from '../components/query-state.tsx'
import { RequireSignIn } from '../components/require-sign-in.tsx'
import { useLang, useT } from '../i18n/use-t.ts'
import { formatFenAsYuan } from '../lib/format.ts'
import { useCancelBooking, useCheckInBooking, useMyBookings } from '../queries/booking.ts'
import '../components/booking/booking.css'

const PAGE_SIZE = 20
const STATUS_COLOURS: Record<TBookingStatus, string> = {
  pending: 'gold',
  confirmed: 'blue',
  checked_in: 'green',
  completed: 'default',
  cancelled: 'default',
  no_show: 'red',
  rejected: 'red',
}

type TActions = {
  onBookAgain: (b: TBooking) => void

  onCancel: (b: TBooking) => void
  onReschedule: (b: TBooking) => void
  onCheckIn: (b: TBooking) => void
}

function BookingCard({ booking, actions, now }: { booking: TBooking; actions: TActions; now: number }) {
  const t = useT()
  const { lang } = useLang()
  const isChangeable =
    (booking.status === 'pending' || booking.status === 'confirmed') && Date.parse(booking.start) > now
  const fees = [
    booking.cancelFeeFen > 0
      ? t('booking.cancelFee', { amount: formatFenAsYuan(booking.cancelFeeFen, lang, t) })
      : null,
    booking.rescheduleFeeFen > 0
      ? t('booking.rescheduleFee', { amount: formatFenAsYuan(booking.rescheduleFeeFen, lang, t) })
      : null,
  ].filter(Boolean)
  return (
    <Card size="small" data-testid="my-booking" data-status={booking.status}>
      <div className="kx-row-main">
        <div>
          <Tag color={STATUS_COLOURS[booking.status]}>{t(`booking.status.${booking.status}`)}</Tag>
          <Link to={`/resources/${booking.instrument.id}`}>
            <strong>{booking.instrument.title}</strong>
          </Link>
        </div>
        <div>
          {wallClockOf(booking.start)} – {wallClockOf(booking.end).slice(11)} · {t(`booking.mode.${booking.mode}`)}
        </div>
        <span className="kx-meta">
          {t('booking.amountLine', {
            amount: formatFenAsYuan(booking.quote.amountFen, lang, t),
            tier: t(`booking.tier.${booking.quote.tier}`),
          })}
          {fees.length > 0 && ` · ${fees.join(' · ')}`}
        </span>
        {isChangeable && (
          <span className="kx-meta">{t('booking.freeUntil', { until: wallClockOf(booking.freeChangeUntil) })}</span>
        )}
        {booking.decisionNote && (
          <span className="kx-meta">{t('booking.decisionNote', { note: booking.decisionNote })}</span>
        )}
      </div>
      <Space wrap className="kx-row-actions">
        {booking.status === 'confirmed' && (
          <Button size="small" onClick={() => actions.onCheckIn(booking)} data-testid="booking-check-in">
            {t('booking.checkIn')}
          </Button>
        )}
        {isChangeable && (
          <Button size="small" onClick={() => actions.onReschedule(booking)} data-testid="booking-reschedule">
            {t('booking.reschedule')}
          </Button>
        )}
        <Button size="small" onClick={() => actions.onBookAgain(booking)} data-testid="booking-book-again">
          {t('booking.bookAgain')}
        </Button>
        {isChangeable && (
          <Button size="small" danger onClick={() => actions.onCancel(booking)} data-testid="booking-cancel">
            {t('booking.cancel')}
          </Button>
        )}
      </Space>
    </Card>
  )
}

/** Asks for confirmation (with the late-fee warning after the cut-off and an optional reason), then cancels. */
function useCancelFlow(onError: (error: Error) => void) {
  const t = useT()
  const { message, modal } = App.useApp()
  const cancel = useCancelBooking()
  return (b: TBooking) => {
    let reason = ''
    const isLate = Date.parse(b.freeChangeUntil) <= Date.now() && b.status === 'confirmed'
    modal.confirm({
      title: t('booking.cancelConfirm'),
      content: (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {isLate && (
            <Typography.Text type="warning">
              {t('booking.cancelLate', { until: wallClockOf(b.freeChangeUntil) })}
            </Typography.Text>
          )}
          <Input.TextArea
            maxLength={500}
            placeholder={t('booking.cancelReason')}
            onChange={(e) => (reason = e.target.value)}
          />
        </Space>
      ),
      okButtonProps: { danger: true },
      okText: t('booking.cancel'),
      cancelText: t('common.cancel'),
      onOk: () =>
        cancel
          .mutateAsync({ id: b.id, ...(reason.trim() ? { reason: reason.trim() } : {}) })
          .then(() => void message.success(t('booking.cancelled')), onError),
    })
  }
}

function MyBookings() {
  const t = useT()
  const { message } = App.useApp()
  const [page, setPage] = useState(1)
  const [moving, setMoving] = useState<TBooking | null>(null)
  const [again, setAgain] = useState<TBooking | null>(null)
  // When the page was opened: which bookings still show cancel / reschedule (the server decides anyway).
  const [now] = useState(() => Date.now())
  const list = useMyBookings({ page, pageSize: PAGE_SIZE })
  const checkIn = useCheckInBooking()
  const onError = (error: Error) => void message.error(describeError(error, t))
  const actions: TActions = {
    onCheckIn: (b) => checkIn.mutate(b.id, { onSuccess: () => void message.success(t('booking.checkedIn')), onError }),
    onReschedule: setMoving,
    onBookAgain: setAgain,
    onCancel: useCancelFlow(onError),
  }

  return (
    <section className="kx-stack" data-testid="my-bookings">
      {list.data && list.data.noShowCount > 0 && (
        <Typography.Text type="warning" data-testid="no-show-count">
          {t('booking.noShowCount', { count: list.data.noShowCount })}
        </Typography.Text>
      )}
      {list.isPending && <QueryLoading rows={6} />}
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data?.items.length === 0 && <Empty description={t('booking.empty')} />}
      {list.data?.items.map((b) => (
        <BookingCard key={b.id} booking={b} actions={actions} now={now} />
      ))}
      {list.data && list.data.total > PAGE_SIZE && (
        <Pagination simple current={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={setPage} />
      )}
      <Modal
        open={moving !== null}
        title={moving ? `${t('booking.rescheduleTitle')} · ${moving.instrument.title}` : ''}
        footer={null}
        width={860}
        destroyOnHidden
        onCancel={() => setMoving(null)}
      >
        {moving && (
          <BookingCalendar
            instrumentId={moving.instrument.id}
            reschedule={{ booking: moving, onDone: () => setMoving(null) }}
          />
        )}
      </Modal>
      <Modal
        open={again !== null}
        title={again ? `${t('booking.book')} · ${again.instrument.title}` : ''}
        footer={null}
        width={860}
        destroyOnHidden
        onCancel={() => setAgain(null)}
      >
        {again && <BookingCalendar instrumentId={again.instrument.id} onBooked={() => setAgain(null)} />}
      </Modal>
    </section>
  )
}

/**
 * 我的预约 (/me/bookings): my instrument bookings with status, frozen price and fees; cancel (with the late
 * fee warning after the cut-off), reschedule on the instrument's calendar, check in.
 * @returns the page
 */
export function MyBookingsPage() {
  const t = useT()
  return (
    <>
      <PageHeading title={t('booking.myTitle')} lead={t('booking.myLead')} />
      <RequireSignIn>{() => <MyBookings />}</RequireSignIn>
    </>
  )
}
