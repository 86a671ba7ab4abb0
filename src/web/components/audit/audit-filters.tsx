import { useEffect } from 'react'
import { Button, DatePicker, Form, Input, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import type { TAuditFilter } from '../../../shared/contracts/audit.ts'
import { useT } from '../../i18n/use-t.ts'
import { AUDIT_RESULT_VALUES } from './audit-records.tsx'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const DAY = 'YYYY-MM-DD'

/** The filters as the URL keeps them: dates as calendar days, the rest as typed. */
export type TAuditSearch = {
  actorId?: string
  action?: string
  targetType?: string
  result?: TAuditFilter['result']
  fromDay?: string
  toDay?: string
}

type TFormValues = Omit<TAuditSearch, 'fromDay' | 'toDay'> & { from?: Dayjs | null; to?: Dayjs | null }

/**
 * The API filter for the URL's: days become local midnights with their offset; the end day is included
 * (the API's `to` is exclusive, so it is the next midnight).
 * @param search the filters from the URL
 * @returns the filter for GET /api/audit and its CSV export
 */
export function toAuditFilter(search: TAuditSearch): TAuditFilter {
  const { fromDay, toDay, ...rest } = search
  return {
    ...rest,
    from: fromDay ? dayjs(fromDay).startOf('day').format() : undefined,
    to: toDay ? dayjs(toDay).add(1, 'day').startOf('day').format() : undefined,
  }
}

/**
 * 筛选: actor (user id), action, target type, result and a date range; applied with 查询.
 * @returns the filter form
 */
export function AuditFilters({ value, onChange }: { value: TAuditSearch; onChange: (next: TAuditSearch) => void }) {
  const t = useT()
  const [form] = Form.useForm<TFormValues>()
  useEffect(() => {
    form.setFieldsValue({
      actorId: value.actorId,
      action: value.action,
      targetType: value.targetType,
      result: value.result,
      from: value.fromDay ? dayjs(value.fromDay) : null,
      to: value.toDay ? dayjs(value.toDay) : null,
    })
  }, [form, value])

  const apply = ({ from, to, ...rest }: TFormValues) =>
    onChange({
      actorId: rest.actorId?.trim() || undefined,
      action: rest.action?.trim() || undefined,
      targetType: rest.targetType?.trim() || undefined,
      result: rest.result || undefined,
      fromDay: from ? from.format(DAY) : undefined,
      toDay: to ? to.format(DAY) : undefined,
    })

  return (
    <Form form={form} layout="vertical" className="kx-audit-filters" onFinish={apply} data-testid="audit-filters">
      <Form.Item name="actorId" label={t('audit.actor')} rules={[{ pattern: UUID, message: t('audit.actorInvalid') }]}>
        <Input allowClear placeholder={t('audit.actorPlaceholder')} />
      </Form.Item>
      <Form.Item name="action" label={t('audit.action')}>
        <Input allowClear placeholder="identity.sign_in" />
      </Form.Item>
      <Form.Item name="targetType" label={t('audit.targetType')}>
        <Input allowClear placeholder="organisation" />
      </Form.Item>
      <Form.Item name="result" label={t('audit.result')}>
        <Select
          allowClear
          placeholder={t('audit.resultAll')}
          options={AUDIT_RESULT_VALUES.map((r) => ({ value: r, label: t(`auditResult.${r}`) }))}
        />
      </Form.Item>
      <Form.Item name="from" label={t('audit.from')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="to" label={t('audit.to')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label=" " colon={false}>
        <div className="kx-row-actions">
          <Button type="primary" htmlType="submit">
            {t('audit.search')}
          </Button>
          <Button onClick={() => onChange({})}>{t('audit.reset')}</Button>
        </div>
      </Form.Item>
    </Form>
  )
}
