import { useState } from 'react'
import { Button, Drawer } from 'antd'
import { CalendarOutlined } from '@ant-design/icons'
import { useT } from '../../i18n/use-t.ts'
import { BookingCalendar } from './booking-calendar.tsx'

type TBookInstrumentDrawerProps = { instrumentId: string; instrumentTitle: string }

/**
 * 预约机时 on an instrument's page: the button (data-testid="book-instrument") opens the booking calendar
 * in a drawer, full width on phones; it closes after a booking is made.
 * @returns the button and its drawer
 */
export function BookInstrumentDrawer({ instrumentId, instrumentTitle }: TBookInstrumentDrawerProps) {
  const t = useT()
  const [isOpen, setOpen] = useState(false)
  return (
    <>
      <Button
        type="primary"
        size="large"
        icon={<CalendarOutlined />}
        onClick={() => setOpen(true)}
        data-testid="book-instrument"
      >
        {t('booking.book')}
      </Button>
      <Drawer
        open={isOpen}
        onClose={() => setOpen(false)}
        title={`${t('booking.book')} · ${instrumentTitle}`}
        size="large"
        styles={{ wrapper: { maxWidth: '100vw' } }}
        destroyOnHidden
      >
        {isOpen && <BookingCalendar instrumentId={instrumentId} onBooked={() => setOpen(false)} />}
      </Drawer>
    </>
  )
}
