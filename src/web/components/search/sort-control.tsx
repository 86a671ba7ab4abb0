import { useEffect, useState } from 'react'
import { Select } from 'antd'
import type { TSearchSort } from '../../api/search.ts'
import { useT } from '../../i18n/use-t.ts'

const SORTS: readonly TSearchSort[] = ['relevance', 'newest', 'popular', 'nearest']
/** About 1 km: enough for "nearest", and no more precise than needed. */
const COORDINATE_DECIMALS = 2

export type TViewerPosition = {
  /** locating: waiting for the browser (and the person's permission); denied: refused, failed or unsupported. */
  status: 'idle' | 'locating' | 'ready' | 'denied'
  position: { lat: number; lng: number } | null
  retry: () => void
}

const round = (value: number) => Number(value.toFixed(COORDINATE_DECIMALS))

/**
 * The viewer's position from the browser, asked for only while `isWanted` (sorting by nearest). The
 * position stays in this page's memory; it is never written into the URL or stored.
 * @returns status, position and a retry after a refusal
 */
export function useViewerPosition(isWanted: boolean): TViewerPosition {
  const [position, setPosition] = useState<{ lat: number; lng: number } | null>(null)
  const [hasFailed, setFailed] = useState(false)
  const [attempt, setAttempt] = useState(0)
  const isSupported = typeof navigator !== 'undefined' && 'geolocation' in navigator
  useEffect(() => {
    if (!isWanted || position || hasFailed || !isSupported) return
    let isCurrent = true
    navigator.geolocation.getCurrentPosition(
      (found) => {
        if (isCurrent) setPosition({ lat: round(found.coords.latitude), lng: round(found.coords.longitude) })
      },
      () => {
        if (isCurrent) setFailed(true)
      },
      { timeout: 10_000, maximumAge: 10 * 60_000 },
    )
    return () => {
      isCurrent = false
    }
  }, [isWanted, position, hasFailed, isSupported, attempt])
  const status = !isWanted ? 'idle' : position ? 'ready' : hasFailed || !isSupported ? 'denied' : 'locating'
  return {
    status,
    position,
    retry: () => {
      setFailed(false)
      setAttempt((n) => n + 1)
    },
  }
}

/**
 * 排序: relevance, newest, popular, nearest (the last asks the browser for the viewer's position).
 * @returns the select
 */
export function SortControl({ value, onChange }: { value: TSearchSort; onChange: (sort: TSearchSort) => void }) {
  const t = useT()
  const labels: Record<TSearchSort, string> = {
    relevance: t('search.sortRelevance'),
    newest: t('search.sortNewest'),
    popular: t('search.sortPopular'),
    nearest: t('search.sortNearest'),
  }
  return (
    <Select
      className="kx-sort"
      value={value}
      onChange={onChange}
      aria-label={t('search.sort')}
      data-testid="search-sort"
      options={SORTS.map((sort) => ({ value: sort, label: labels[sort] }))}
    />
  )
}
