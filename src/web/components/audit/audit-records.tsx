import { Card, Descriptions, Table, Tag, Typography, type TableColumnsType } from 'antd'
import type { TAuditRecord, TAuditResult } from '../../../shared/contracts/audit.ts'
import type { TTranslate } from '../../i18n/i18n-context.ts'
import { useT } from '../../i18n/use-t.ts'
import { formatDateTime } from '../../lib/format.ts'

const RESULT_COLOURS: Record<TAuditResult, string> = { success: 'green', failure: 'orange', denied: 'red' }

/** Every audit result, from the colour table (a Record over the contract's type, so none is missing). */
export const AUDIT_RESULT_VALUES = Object.keys(RESULT_COLOURS) as TAuditResult[]

function ResultTag({ result }: { result: TAuditRecord['result'] }) {
  const t = useT()
  return <Tag color={RESULT_COLOURS[result]}>{t(`auditResult.${result}`)}</Tag>
}

function targetOf(record: TAuditRecord): string {
  return record.targetId ? `${record.targetType} · ${record.targetId}` : record.targetType
}

function Detail({ record }: { record: TAuditRecord }) {
  if (Object.keys(record.detail).length === 0) return null
  return <pre className="kx-json">{JSON.stringify(record.detail, null, 2)}</pre>
}

function columns(t: TTranslate): TableColumnsType<TAuditRecord> {
  return [
    { key: 'time', title: t('audit.time'), render: (_, r) => formatDateTime(r.occurredAt), width: 150 },
    { key: 'actor', title: t('audit.actor'), render: (_, r) => r.actorName },
    { key: 'action', title: t('audit.action'), dataIndex: 'action' },
    {
      key: 'target',
      title: t('audit.target'),
      render: (_, r) => <span className="kx-wrap-anywhere">{targetOf(r)}</span>,
    },
    { key: 'result', title: t('audit.result'), render: (_, r) => <ResultTag result={r.result} /> },
    { key: 'ip', title: t('audit.ip'), dataIndex: 'ip' },
    { key: 'seq', title: t('audit.seq'), dataIndex: 'chainSeq', align: 'right' },
  ]
}

/**
 * The audit records as a table (wide screens; each row expands to its detail).
 * @returns the table, without its own pagination (the page has one)
 */
export function AuditTable({ records, isLoading }: { records: readonly TAuditRecord[]; isLoading: boolean }) {
  const t = useT()
  return (
    <Table<TAuditRecord>
      data-testid="audit-table"
      rowKey="id"
      size="small"
      loading={isLoading}
      columns={columns(t)}
      dataSource={[...records]}
      pagination={false}
      scroll={{ x: 'max-content' }}
      expandable={{
        expandedRowRender: (record) => <Detail record={record} />,
        rowExpandable: (record) => Object.keys(record.detail).length > 0,
      }}
    />
  )
}

/**
 * The audit records as cards (phones).
 * @returns one card per record
 */
export function AuditCards({ records }: { records: readonly TAuditRecord[] }) {
  const t = useT()
  return (
    <div className="kx-stack" data-testid="audit-cards">
      {records.map((record) => (
        <Card
          key={record.id}
          size="small"
          className="kx-wrap-anywhere"
          title={record.action}
          extra={<ResultTag result={record.result} />}
        >
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'time', label: t('audit.time'), children: formatDateTime(record.occurredAt) },
              { key: 'actor', label: t('audit.actor'), children: record.actorName },
              { key: 'target', label: t('audit.target'), children: targetOf(record) },
              { key: 'ip', label: t('audit.ip'), children: record.ip },
            ]}
          />
          <Typography.Text type="secondary">#{record.chainSeq}</Typography.Text>
          <Detail record={record} />
        </Card>
      ))}
    </div>
  )
}
