import { Card, Result } from 'antd'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router'
import type { TMe } from '../../shared/contracts/identity.ts'
import { RESOURCE_KINDS } from '../../shared/resource-kinds.ts'
import { creatableKinds, PROVIDER_ROLES, providerOrgs } from '../components/catalog/catalog-roles.ts'
import { ResourceEditor } from '../components/catalog/resource-editor.tsx'
import { ResourceStatusTags } from '../components/catalog/resource-status.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { isNotFoundError, QueryError, QueryLoading } from '../components/query-state.tsx'
import { RequireSignIn } from '../components/require-sign-in.tsx'
import { useT } from '../i18n/use-t.ts'
import { useManagedResource } from '../queries/catalog.ts'
import '../components/catalog/catalog.css'

function KindChooser({ me, orgId }: { me: TMe; orgId: string }) {
  const t = useT()
  return (
    <div className="kx-grid" data-testid="kind-chooser">
      {creatableKinds(me, orgId).map((kind) => (
        <Link key={kind} to={`/console/resources/new?kind=${kind}&orgId=${orgId}`} className="kx-card-link">
          <Card size="small" hoverable>
            {t(`kind.${kind}`)}
          </Card>
        </Link>
      ))}
    </div>
  )
}

function NewResource({ me }: { me: TMe }) {
  const t = useT()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const orgId = params.get('orgId') ?? providerOrgs(me)[0]?.id ?? ''
  const kind = RESOURCE_KINDS.find((k) => k === params.get('kind'))
  if (!orgId) return <Result status="info" title={t('cat.console.noOrg')} />
  if (!kind) {
    return (
      <>
        <PageHeading title={t('cat.edit.chooseKind')} />
        <KindChooser me={me} orgId={orgId} />
      </>
    )
  }
  return (
    <>
      <PageHeading
        title={t('cat.edit.newTitle', { kind: t(`kind.${kind}`) })}
        lead={<Link to={`/console/resources?orgId=${orgId}`}>{t('cat.console.backToList')}</Link>}
      />
      <ResourceEditor
        key={`${orgId}:${kind}`}
        kind={kind}
        orgId={orgId}
        onDone={(id) => navigate(`/console/resources/${id}`)}
      />
    </>
  )
}

function EditResource({ id }: { id: string }) {
  const t = useT()
  const navigate = useNavigate()
  const resource = useManagedResource(id)
  if (resource.isPending) return <QueryLoading rows={10} />
  if (resource.isError && isNotFoundError(resource.error)) return <Result status="404" title={t('cat.view.notFound')} />
  if (resource.isError) return <QueryError error={resource.error} onRetry={() => void resource.refetch()} />
  const data = resource.data
  const back = <Link to={`/console/resources/${data.id}`}>{t('cat.edit.backToView')}</Link>
  if (!data.actions.includes('edit')) {
    return (
      <Result
        status="warning"
        title={t('cat.edit.notEditable')}
        subTitle={t(`cat.status.${data.status}`)}
        extra={back}
      />
    )
  }
  return (
    <>
      <PageHeading
        title={t('cat.edit.editTitle', { title: data.content.title })}
        lead={
          <span className="kx-cat-tags">
            {back}
            <ResourceStatusTags status={data.status} revisionStatus={data.revisionStatus} />
          </span>
        }
      />
      <ResourceEditor
        key={`${data.id}:${data.version}`}
        kind={data.kind}
        orgId={data.owner.id}
        resource={data}
        onDone={(savedId) => navigate(`/console/resources/${savedId}`)}
        onReload={() => void resource.refetch()}
      />
    </>
  )
}

/**
 * 新建资源 (/console/resources/new?kind=&orgId=) and 编辑资源 (/console/resources/:id/edit): the resource
 * editor, for the organisation's providers. Without a kind the page first asks for one.
 * @returns the editor page
 */
export function ConsoleResourceEditPage() {
  const { id } = useParams()
  return (
    <RequireSignIn roles={PROVIDER_ROLES}>
      {(me) => (id ? <EditResource id={id} /> : <NewResource me={me} />)}
    </RequireSignIn>
  )
}
