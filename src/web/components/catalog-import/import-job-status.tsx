import { Alert, Button, Progress, Result, Space, Typography } from 'antd'
import { DownloadOutlined } from '@ant-design/icons'
import { Link } from 'react-router'
import { IMPORT_MAX_STORED_ERRORS, type TImportJob } from '../../../shared/contracts/catalog-import.ts'
import { errorReportUrl } from '../../api/catalog-import.ts'
import { useT } from '../../i18n/use-t.ts'
import { QueryError, QueryLoading } from '../query-state.tsx'
import { ImportErrorsTable } from './import-errors-table.tsx'
import { isFinished, useImportJob } from './use-import-job.ts'

function Running({ job }: { job: TImportJob }) {
  const t = useT()
  const rows =
    job.totalRows === null
      ? t('catImport.rows', { processed: job.processedRows })
      : t('catImport.rowsOfTotal', { processed: job.processedRows, total: job.totalRows })
  return (
    <div data-testid="import-running">
      <Typography.Text strong>{t(`catImport.status.${job.status}`)}</Typography.Text>
      <Progress percent={Math.floor(job.percent)} status="active" />
      <Typography.Text type="secondary">{rows}</Typography.Text>
    </div>
  )
}

function Done({ job, onAnother }: { job: TImportJob; onAnother: () => void }) {
  const t = useT()
  return (
    <Result
      status="success"
      title={t('catImport.doneTitle', { count: job.processedRows })}
      subTitle={t(job.submit ? 'catImport.doneSubmitted' : 'catImport.doneDraft')}
      data-testid="import-done"
      extra={
        <Space wrap>
          <Link to={`/console/resources?orgId=${job.orgId}&kind=${job.kind}`}>
            <Button type="primary">{t('catImport.viewResources')}</Button>
          </Link>
          <Button onClick={onAnother}>{t('catImport.another')}</Button>
        </Space>
      }
    />
  )
}

function Rejected({ job }: { job: TImportJob }) {
  const t = useT()
  return (
    <div className="kx-stack" data-testid="import-rejected">
      <Alert
        type="error"
        showIcon
        title={t('catImport.rejectedTitle', { count: job.errorCount })}
        description={
          <div className="kx-stack">
            <span>{t('catImport.rejectedHint')}</span>
            <div>
              <Button href={errorReportUrl(job.id)} download icon={<DownloadOutlined />} data-testid="error-report">
                {t('catImport.downloadReport')}
              </Button>
            </div>
          </div>
        }
      />
      {job.errorCount > job.errors.length && (
        <Typography.Text type="secondary">
          {t('catImport.moreErrors', { shown: IMPORT_MAX_STORED_ERRORS })}
        </Typography.Text>
      )}
      <ImportErrorsTable errors={job.errors} />
    </div>
  )
}

/**
 * Where an import stands: a progress bar while it runs (reading and checking, then writing), then the
 * outcome — the number imported, or the errors with the report to download, or the failure.
 * @param props.jobId the job to follow
 * @param props.onAnother starts over (clears the job)
 * @returns the status block
 */
export function ImportJobStatus({ jobId, onAnother }: { jobId: string; onAnother: () => void }) {
  const t = useT()
  const job = useImportJob(jobId)
  if (job.isPending) return <QueryLoading rows={2} />
  if (job.isError) return <QueryError error={job.error} onRetry={() => void job.refetch()} />
  const data = job.data
  if (!isFinished(data)) return <Running job={data} />
  if (data.status === 'done') return <Done job={data} onAnother={onAnother} />
  if (data.status === 'rejected') return <Rejected job={data} />
  return (
    <Alert
      type="error"
      showIcon
      data-testid="import-failed"
      title={t('catImport.failedTitle')}
      description={
        <div className="kx-stack">
          <span>{data.errors[0]?.message}</span>
          <div>
            <Button onClick={onAnother}>{t('catImport.another')}</Button>
          </div>
        </div>
      }
    />
  )
}
