import { Typography } from 'antd'
import { Link, useParams } from 'react-router'
import { useT } from '../i18n/use-t.ts'
import type { TMessageKey } from '../i18n/zh-CN.ts'
import { JOIN_AGREEMENT_VERSION, PRIVACY_VERSION, type TLegalDoc } from '../legal.ts'
import { NotFoundPage } from './not-found-page.tsx'

type TLegalText = {
  titleKey: TMessageKey
  leadKey: TMessageKey
  version: string
  sections: readonly (readonly [TMessageKey, TMessageKey])[]
}

const TEXTS: Record<TLegalDoc, TLegalText> = {
  terms: {
    titleKey: 'legal.terms.title',
    leadKey: 'legal.terms.lead',
    version: PRIVACY_VERSION,
    sections: [
      ['legal.terms.s1.title', 'legal.terms.s1.body'],
      ['legal.terms.s2.title', 'legal.terms.s2.body'],
      ['legal.terms.s3.title', 'legal.terms.s3.body'],
      ['legal.terms.s4.title', 'legal.terms.s4.body'],
      ['legal.terms.s5.title', 'legal.terms.s5.body'],
    ],
  },
  privacy: {
    titleKey: 'legal.privacy.title',
    leadKey: 'legal.privacy.lead',
    version: PRIVACY_VERSION,
    sections: [
      ['legal.privacy.s1.title', 'legal.privacy.s1.body'],
      ['legal.privacy.s2.title', 'legal.privacy.s2.body'],
      ['legal.privacy.s3.title', 'legal.privacy.s3.body'],
      ['legal.privacy.s4.title', 'legal.privacy.s4.body'],
      ['legal.privacy.s5.title', 'legal.privacy.s5.body'],
      ['legal.privacy.s6.title', 'legal.privacy.s6.body'],
      ['legal.privacy.s7.title', 'legal.privacy.s7.body'],
    ],
  },
  'join-agreement': {
    titleKey: 'legal.join.title',
    leadKey: 'legal.join.lead',
    version: JOIN_AGREEMENT_VERSION,
    sections: [
      ['legal.join.s1.title', 'legal.join.s1.body'],
      ['legal.join.s2.title', 'legal.join.s2.body'],
      ['legal.join.s3.title', 'legal.join.s3.body'],
      ['legal.join.s4.title', 'legal.join.s4.body'],
      ['legal.join.s5.title', 'legal.join.s5.body'],
    ],
  },
}

function isLegalDoc(value: string | undefined): value is TLegalDoc {
  return value !== undefined && Object.hasOwn(TEXTS, value)
}

/**
 * 《用户协议》, 《隐私政策》 and 《加盟协议》 (/legal/:doc) in plain language, with the version a sign-up
 * or registration accepts.
 * @returns the legal page, or not-found for an unknown document
 */
export function LegalPage() {
  const t = useT()
  const { doc } = useParams()
  if (!isLegalDoc(doc)) return <NotFoundPage />
  const text = TEXTS[doc]
  return (
    <article className="kx-legal" data-testid={`legal-${doc}`}>
      <Typography.Title level={2}>{t(text.titleKey)}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('legal.version', { version: text.version })}</Typography.Paragraph>
      <Typography.Paragraph>{t(text.leadKey)}</Typography.Paragraph>
      {text.sections.map(([title, body]) => (
        <section key={title}>
          <Typography.Title level={4}>{t(title)}</Typography.Title>
          <Typography.Paragraph className="kx-pre-line">{t(body)}</Typography.Paragraph>
        </section>
      ))}
      <Typography.Paragraph type="secondary">
        <Link to="/legal/terms">{t('legal.terms.title')}</Link> ·{' '}
        <Link to="/legal/privacy">{t('legal.privacy.title')}</Link> ·{' '}
        <Link to="/legal/join-agreement">{t('legal.join.title')}</Link>
      </Typography.Paragraph>
    </article>
  )
}
