import type { ReactNode } from 'react'
import { Typography } from 'antd'

type TPageHeadingProps = { title: ReactNode; lead?: ReactNode; extra?: ReactNode }

/**
 * A page's title and one-line introduction.
 * @returns the heading block
 */
export function PageHeading({ title, lead, extra }: TPageHeadingProps) {
  return (
    <header style={{ marginBottom: 16 }}>
      <Typography.Title level={2} style={{ marginBottom: 4 }}>
        {title}
      </Typography.Title>
      {lead && <Typography.Paragraph type="secondary">{lead}</Typography.Paragraph>}
      {extra}
    </header>
  )
}
