import { useState } from 'react'
import {
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Pagination,
  Segmented,
  Switch,
  Typography,
} from 'antd'
import { Link } from 'react-router'
import type { THelpRequest, THelpRequestStatus } from '../../../shared/contracts/help-requests.ts'
import { useT } from '../../i18n/use-t.ts'
import { formatDate, formatDateTime } from '../../lib/format.ts'
import { useAnswerHelpRequest, useNodeHelpRequests } from '../../queries/help-requests.ts'
import { HelpStatusTag } from '../account/my-help-requests.tsx'
import { describeError, QueryError, QueryLoading } from '../query-state.tsx'
import { searchHref } from './search-url.ts'

const PAGE_SIZE = 10
const FILTERS = ['open', 'answered', 'closed', 'all'] as const
type TFilter = (typeof FILTERS)[number]

function HelpRequestCard({ request, onAnswer }: { request: THelpRequest; onAnswer: (r: THelpRequest) => void }) {
  const t = useT()
  const none = t('common.none')
  return (
    <Card
      size="small"
      className="kx-wrap-anywhere"
      data-testid="help-queue-item"
      title={request.query}
      extra={<HelpStatusTag status={request.status} />}
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'requester', label: t('helpConsole.requester'), children: request.requester.displayName },
          { key: 'org', label: t('helpConsole.org'), children: request.requesterOrg?.name ?? none },
          {
            key: 'contact',
            label: t('helpConsole.contact'),
            children: `${request.contactPhone} · ${t(`helpPreference.${request.contactPreference}`)}`,
          },
          { key: 'node', label: t('helpConsole.node'), children: request.node.name },
          { key: 'created', label: t('helpConsole.createdAt'), children: formatDateTime(request.createdAt) },
          {
            key: 'deadline',
            label: t('help.deadline'),
            children: request.deadline ? formatDate(request.deadline) : none,
          },
          {
            key: 'details',
            label: t('help.details'),
            children: <span className="kx-pre-line">{request.details || none}</span>,
          },
        ]}
      />
      {request.answer && (
        <div className="kx-help-answer">
          <Typography.Text type="secondary">
            {t('help.answeredBy', {
              name: request.answeredBy?.displayName ?? none,
              date: request.answeredAt ? formatDateTime(request.answeredAt) : '',
            })}
          </Typography.Text>
          <Typography.Paragraph className="kx-pre-line">{request.answer}</Typography.Paragraph>
        </div>
      )}
      <div className="kx-row-actions" style={{ marginTop: 8 }}>
        {request.status !== 'closed' && (
          <Button type="primary" onClick={() => onAnswer(request)} data-testid="help-answer-open">
            {t('helpConsole.answer')}
          </Button>
        )}
        <Link to={searchHref({ q: request.query })}>{t('helpConsole.searchLink')}</Link>
      </div>
    </Card>
  )
}

function AnswerModal({ request, onClose }: { request: THelpRequest | null; onClose: () => void }) {
  const t = useT()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ answer: string; isClosing: boolean }>()
  const answer = useAnswerHelpRequest()
  const submit = ({ answer: text, isClosing }: { answer: string; isClosing: boolean }) => {
    if (!request) return
    answer.mutate(
      { id: request.id, answer: text.trim(), status: isClosing ? 'closed' : 'answered' },
      {
        onSuccess: () => {
          void message.success(t('helpConsole.answered'))
          onClose()
        },
        onError: (error) => void message.error(describeError(error, t)),
      },
    )
  }
  return (
    <Modal
      open={request !== null}
      title={t('helpConsole.answerTitle', { query: request?.query ?? '' })}
      okText={t('helpConsole.answer')}
      okButtonProps={{ loading: answer.isPending }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ isClosing: false }} onFinish={submit}>
        <Form.Item
          name="answer"
          label={t('helpConsole.answerLabel')}
          rules={[{ required: true, whitespace: true, min: 2, max: 2000, message: t('helpConsole.answerRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="help-answer-text" />
        </Form.Item>
        <Form.Item name="isClosing" valuePropName="checked">
          <Checkbox>{t('helpConsole.closeAfter')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  )
}

/**
 * A node's 帮我找 queue for its staff: by status (open first), optionally with the nodes below; answer
 * (and close) each request, the requester is notified.
 * @returns the queue
 */
export function HelpQueue({ nodeId }: { nodeId: string }) {
  const t = useT()
  const [filter, setFilter] = useState<TFilter>('open')
  const [isSubtree, setSubtree] = useState(true)
  const [page, setPage] = useState(1)
  const [answering, setAnswering] = useState<THelpRequest | null>(null)
  const status: THelpRequestStatus | undefined = filter === 'all' ? undefined : filter
  const requests = useNodeHelpRequests({ nodeId, status, isSubtree, page, pageSize: PAGE_SIZE })
  return (
    <div className="kx-stack" data-testid="help-queue">
      <div className="kx-filters" style={{ marginBottom: 0, alignItems: 'center' }}>
        <Segmented<TFilter>
          value={filter}
          onChange={(next) => {
            setFilter(next)
            setPage(1)
          }}
          options={FILTERS.map((value) => ({
            value,
            label: value === 'all' ? t('helpConsole.all') : t(`helpStatus.${value}`),
          }))}
        />
        <label className="kx-inline-switch">
          <Switch size="small" checked={isSubtree} onChange={setSubtree} /> {t('helpConsole.includeBelow')}
        </label>
      </div>
      {requests.isPending && <QueryLoading rows={6} />}
      {requests.isError && <QueryError error={requests.error} onRetry={() => void requests.refetch()} />}
      {requests.data && (
        <Typography.Text type="secondary">{t('common.total', { total: requests.data.total })}</Typography.Text>
      )}
      {requests.data?.items.length === 0 && <Empty description={t('helpConsole.empty')} />}
      {requests.data?.items.map((request) => (
        <HelpRequestCard key={request.id} request={request} onAnswer={setAnswering} />
      ))}
      {requests.data && requests.data.total > PAGE_SIZE && (
        <Pagination simple current={page} pageSize={PAGE_SIZE} total={requests.data.total} onChange={setPage} />
      )}
      <AnswerModal request={answering} onClose={() => setAnswering(null)} />
    </div>
  )
}
