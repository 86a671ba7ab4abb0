import { Alert, Button, Empty } from 'antd'
import type { TSearchResponse } from '../../../shared/contracts/search.ts'
import { useT } from '../../i18n/use-t.ts'
import type { TViewerPosition } from './sort-control.tsx'

/**
 * What the sort by nearest is doing: waiting for the browser, or why it could not (with a retry), in which
 * case the results are ordered by relevance.
 * @returns the notice, or nothing when not sorting by nearest or when the position is known
 */
export function LocationNotice({ viewer }: { viewer: TViewerPosition }) {
  const t = useT()
  if (viewer.status === 'locating') {
    return <Alert type="info" showIcon title={t('search.locating')} data-testid="location-notice" />
  }
  if (viewer.status !== 'denied') return null
  return (
    <Alert
      type="warning"
      showIcon
      title={t('search.locationDenied')}
      data-testid="location-notice"
      action={
        <Button size="small" onClick={viewer.retry}>
          {t('search.locationRetry')}
        </Button>
      }
    />
  )
}

/**
 * How the words matched when not every word did: fuzzy (near spellings) or partial (some words).
 * @returns the notice, or nothing for a full match or browsing
 */
export function MatchModeNotice({ matchMode }: { matchMode: TSearchResponse['matchMode'] }) {
  const t = useT()
  if (matchMode === 'fuzzy') {
    return <Alert type="info" showIcon title={t('search.fuzzyNotice')} data-testid="match-mode-notice" />
  }
  if (matchMode === 'partial') {
    return <Alert type="info" showIcon title={t('search.partialNotice')} data-testid="match-mode-notice" />
  }
  return null
}

/**
 * Nothing found: says so and offers 帮我找, the request to the node's operators.
 * @returns the empty state
 */
export function NoResults({ q, onAskForHelp }: { q: string; onAskForHelp: () => void }) {
  const t = useT()
  return (
    <Empty data-testid="search-empty" description={q ? t('search.noResults', { q }) : t('search.noResultsBrowse')}>
      <p>{t('search.helpLead')}</p>
      <Button type="primary" onClick={onAskForHelp} data-testid="help-open">
        {t('search.helpButton')}
      </Button>
    </Empty>
  )
}

/**
 * The line under the results: not what you need? 帮我找.
 * @returns the line
 */
export function HelpLink({ onAskForHelp }: { onAskForHelp: () => void }) {
  const t = useT()
  return (
    <p className="kx-help-link">
      {t('search.helpLead')}{' '}
      <Button type="link" onClick={onAskForHelp} style={{ paddingInline: 0 }} data-testid="help-open">
        {t('search.helpButton')}
      </Button>
    </p>
  )
}
