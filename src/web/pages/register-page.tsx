import { useState } from 'react'
import { Alert, Button, Result, Segmented, Steps, Typography } from 'antd'
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router'
import type { TOrganisationView } from '../../shared/contracts/organisations.ts'
import { AuthCard } from '../components/auth-card.tsx'
import { OrgRegistrationForm } from '../components/org-registration-form.tsx'
import { PersonSignUpForm } from '../components/person-sign-up-form.tsx'
import { QueryLoading } from '../components/query-state.tsx'
import { useT } from '../i18n/use-t.ts'
import { isSecondFactorPending } from '../lib/roles.ts'
import { readNextPath, withNext } from '../lib/next-path.ts'
import { pathAfterSignIn, useMe } from '../queries/session.ts'

type TAccountType = 'person' | 'org'

function OrgSubmitted({ org }: { org: TOrganisationView }) {
  const t = useT()
  const navigate = useNavigate()
  return (
    <Result
      status="success"
      title={t('register.orgSubmittedTitle')}
      subTitle={t('register.orgSubmittedLead', { name: org.name, node: org.node.name })}
      data-testid="org-submitted"
      extra={[
        <Button key="org" type="primary" onClick={() => navigate(`/orgs/${org.id}`)}>
          {t('register.viewOrg')}
        </Button>,
        <Button key="me" onClick={() => navigate('/me')}>
          {t('user.profile')}
        </Button>,
      ]}
    />
  )
}

/** 单位用户: the person's own account first (or the one they are signed in with), then the unit. */
function OrgRegistration() {
  const t = useT()
  const me = useMe()
  const [submitted, setSubmitted] = useState<TOrganisationView | null>(null)
  const step = submitted ? 2 : me.data ? 1 : 0
  return (
    <>
      <Steps
        size="small"
        current={step}
        items={[
          { title: t('register.stepPerson') },
          { title: t('register.stepOrg') },
          { title: t('register.stepReview') },
        ]}
      />
      {step === 0 && (
        <>
          <Alert type="info" showIcon title={t('register.orgNeedsPerson')} style={{ margin: '16px 0' }} />
          <PersonSignUpForm />
        </>
      )}
      {step === 1 && me.data && (
        <>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
            {t('register.orgAs', { name: me.data.displayName })}
          </Typography.Paragraph>
          <OrgRegistrationForm onRegistered={setSubmitted} />
        </>
      )}
      {submitted && <OrgSubmitted org={submitted} />}
    </>
  )
}

/** 个人用户: sign up, then go on to where the person came from. */
function PersonRegistration({ next }: { next: string }) {
  const t = useT()
  const me = useMe()
  const navigate = useNavigate()
  if (me.data) {
    return (
      <Result
        status="success"
        title={t('register.signedInAs', { name: me.data.displayName })}
        extra={
          <Button type="primary" onClick={() => navigate(next === '/' ? '/me' : next)}>
            {t('register.continue')}
          </Button>
        }
        data-testid="person-registered"
      />
    )
  }
  return <PersonSignUpForm />
}

/**
 * 注册: first 个人用户 or 单位用户 (kept in `?type=`). A unit is registered by a signed-in person, who
 * signs up first if needed and then becomes the unit's first admin; the node reviews the unit.
 * @returns the sign-up page
 */
export function RegisterPage() {
  const t = useT()
  const [searchParams, setSearchParams] = useSearchParams()
  const next = readNextPath(searchParams)
  const type: TAccountType = searchParams.get('type') === 'org' ? 'org' : 'person'
  const me = useMe()

  if (me.isPending) return <QueryLoading rows={6} />
  if (me.data && isSecondFactorPending(me.data)) {
    return <Navigate to={pathAfterSignIn(me.data, `/register?type=${type}`)} replace />
  }

  const chooseType = (value: TAccountType) => {
    const params = new URLSearchParams(searchParams)
    if (value === 'org') params.set('type', 'org')
    else params.delete('type')
    setSearchParams(params, { replace: true })
  }

  return (
    <AuthCard title={t('register.title')} testId="register-page">
      <Segmented<TAccountType>
        block
        value={type}
        onChange={chooseType}
        options={[
          { value: 'person', label: t('register.typePerson') },
          { value: 'org', label: t('register.typeOrg') },
        ]}
        data-testid="account-type"
        style={{ marginBottom: 8 }}
      />
      <Typography.Paragraph type="secondary">
        {type === 'org' ? t('register.typeOrgLead') : t('register.typePersonLead')}
      </Typography.Paragraph>
      {type === 'org' ? <OrgRegistration /> : <PersonRegistration next={next} />}
      {!me.data && (
        <div className="kx-auth-links">
          <span>
            {t('register.haveAccount')}{' '}
            <Link to={withNext('/login', type === 'org' ? '/register?type=org' : next)}>{t('login.submit')}</Link>
          </span>
        </div>
      )}
    </AuthCard>
  )
}
