import type { ReactNode } from 'react'
import { Card, Typography } from 'antd'

type TAuthCardProps = { title: ReactNode; lead?: ReactNode; children: ReactNode; testId?: string }

/**
 * The narrow centred card of the sign-in, sign-up and authenticator pages (full width on a phone).
 * @returns the card
 */
export function AuthCard({ title, lead, children, testId }: TAuthCardProps) {
  return (
    <div className="kx-auth" data-testid={testId}>
      <Card>
        <Typography.Title level={2} style={{ marginTop: 0, marginBottom: lead ? 4 : 16 }}>
          {title}
        </Typography.Title>
        {lead && <Typography.Paragraph type="secondary">{lead}</Typography.Paragraph>}
        {children}
      </Card>
    </div>
  )
}
