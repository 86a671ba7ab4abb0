import { Button, Tooltip } from 'antd'
import { CalendarOutlined } from '@ant-design/icons'
import { useT } from '../../../i18n/use-t.ts'

/**
 * 预约机时 on an instrument's page. Booking belongs to the instrument-sharing module (the booking issue
 * connects this button, found by data-testid="book-instrument"); until then it is disabled and its tooltip
 * says when booking opens. The wrapper (a disabled group) keeps the tooltip working on the disabled button
 * and carries the older test id the portal journeys use (data-testid="book-button").
 * @returns the button
 */
export function BookInstrumentButton() {
  const t = useT()
  return (
    <Tooltip title={t('cat.detail.bookPending')}>
      <span className="kx-cat-book" role="group" aria-disabled="true" data-testid="book-button">
        <Button type="primary" size="large" icon={<CalendarOutlined />} disabled data-testid="book-instrument">
          {t('cat.detail.book')}
        </Button>
      </span>
    </Tooltip>
  )
}
