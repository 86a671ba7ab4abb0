import { Card, Result, Select } from 'antd'
import { useSearchParams } from 'react-router'
import type { TMe } from '../../shared/contracts/identity.ts'
import type { TResourceKind } from '../../shared/resource-kinds.ts'
import { creatableKinds, PROVIDER_ROLES, providerOrgs } from '../components/catalog/catalog-roles.ts'
import { ImportJobStatus } from '../components/catalog-import/import-job-status.tsx'
import { ImportUpload } from '../components/catalog-import/import-upload.tsx'
import { ExportButtons, TemplateButtons } from '../components/catalog-import/template-export-bar.tsx'
import { isFinished, useImportJob } from '../components/catalog-import/use-import-job.ts'
import { PageHeading } from '../components/page-heading.tsx'
import { RequireSignIn } from '../components/require-sign-in.tsx'
import { useT } from '../i18n/use-t.ts'

function ImportConsole({ me }: { me: TMe }) {
  const t = useT()
  const [params, setParams] = useSearchParams()
  const orgs = providerOrgs(me)
  const orgId = params.get('orgId') ?? orgs[0]?.id ?? ''
  const kinds = orgId ? creatableKinds(me, orgId) : []
  const kind = kinds.find((k) => k === params.get('kind')) ?? kinds[0]
  const jobId = params.get('job')
  const job = useImportJob(jobId)
  const isRunning = jobId !== null && (!job.data || !isFinished(job.data))

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params)
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) next.delete(name)
      else next.set(name, value)
    }
    setParams(next, { replace: !('job' in changes) })
  }

  if (!orgId || !kind) return <Result status="info" title={t('catImport.noOrg')} />
  return (
    <div className="kx-stack">
      <div className="kx-filters" style={{ marginBottom: 0 }}>
        {orgs.length > 1 && (
          <Select
            value={orgId}
            onChange={(value: string) => update({ orgId: value, kind: null, job: null })}
            options={orgs.map((org) => ({ value: org.id, label: org.name }))}
            aria-label={t('catImport.org')}
            data-testid="import-org"
          />
        )}
        <Select
          value={kind}
          onChange={(value: TResourceKind) => update({ kind: value, job: null })}
          options={kinds.map((value) => ({ value, label: t(`kind.${value}`) }))}
          aria-label={t('catImport.kind')}
          data-testid="import-kind"
        />
      </div>
      <Card title={t('catImport.step.template')} size="small">
        <TemplateButtons kind={kind} />
      </Card>
      <Card title={t('catImport.step.upload')} size="small">
        <div className="kx-stack">
          <ImportUpload
            orgId={orgId}
            kind={kind}
            isDisabled={isRunning}
            onUploaded={(created) => update({ job: created.id })}
          />
          {jobId && <ImportJobStatus jobId={jobId} onAnother={() => update({ job: null })} />}
        </div>
      </Card>
      <Card title={t('catImport.step.export')} size="small">
        <ExportButtons orgId={orgId} kind={kind} />
      </Card>
    </div>
  )
}

/**
 * 批量导入导出 (/console/catalog/import?orgId=&kind=&job=): download a kind's template, upload a filled-in
 * xlsx or CSV file and follow its import (progress, then the count or the errors with a report to fix and
 * upload again), and export the unit's resources in the same columns. The job id stays in the URL, so a
 * reload keeps following it. For the unit's admins and resource or instrument managers.
 * @returns the page
 */
export function CatalogImportPage() {
  const t = useT()
  return (
    <>
      <PageHeading title={t('catImport.title')} lead={t('catImport.lead')} />
      <RequireSignIn roles={PROVIDER_ROLES}>{(me) => <ImportConsole me={me} />}</RequireSignIn>
    </>
  )
}
