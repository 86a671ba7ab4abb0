import { useEffect } from 'react'
import { useLocation } from 'react-router'
import { JoinOrgCard } from '../components/account/join-org-card.tsx'
import { MyHelpRequests } from '../components/account/my-help-requests.tsx'
import { MyJoinRequests } from '../components/account/my-join-requests.tsx'
import { PrivacyCard } from '../components/account/privacy-card.tsx'
import { ProfileCard } from '../components/account/profile-card.tsx'
import { SecurityCard } from '../components/account/security-card.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { RequireSignIn } from '../components/require-sign-in.tsx'
import { useT } from '../i18n/use-t.ts'

/** Scrolls to `#join` (the header's 加入或注册单位) once the cards are on screen. */
function ScrollToHash() {
  const { hash } = useLocation()
  useEffect(() => {
    if (hash) document.getElementById(hash.slice(1))?.scrollIntoView({ behavior: 'smooth' })
  }, [hash])
  return null
}

/**
 * 个人中心: profile (masked phone, roles, organisations), 加入单位, account security and privacy.
 * @returns the profile page (signed-in people only)
 */
export function MePage() {
  const t = useT()
  return (
    <RequireSignIn>
      {(me) => (
        <>
          <PageHeading title={t('me.title')} />
          <div className="kx-stack">
            <ProfileCard me={me} />
            <JoinOrgCard />
            <MyJoinRequests />
            <MyHelpRequests />
            <SecurityCard me={me} />
            <PrivacyCard />
          </div>
          <ScrollToHash />
        </>
      )}
    </RequireSignIn>
  )
}
