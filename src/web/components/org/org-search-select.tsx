import { useEffect, useState } from 'react'
import { Select } from 'antd'
import { useT } from '../../i18n/use-t.ts'
import { useOrganisationSearch } from '../../queries/organisations.ts'

/** How long typing must pause before the server is asked. */
const SEARCH_DELAY_MS = 300

/**
 * `value`, once it has stopped changing for `delayMs`.
 * @returns the settled value
 */
function useSettled(value: string, delayMs: number): string {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delayMs)
    return () => window.clearTimeout(timer)
  }, [value, delayMs])
  return settled
}

type TOption = { value: string; label: string; meta: string }
type TOrgSearchSelectProps = { value: string | null; onChange: (orgId: string | null) => void; id?: string }

/**
 * A unit on the platform, found by typing a part of its name or its credit code (GET /api/organisations):
 * each option shows the name with its city and node, so units with similar names can be told apart.
 * @returns a select with remote search
 */
export function OrgSearchSelect({ value, onChange, id }: TOrgSearchSelectProps) {
  const t = useT()
  const [text, setText] = useState('')
  const q = useSettled(text.trim(), SEARCH_DELAY_MS)
  const search = useOrganisationSearch(q)
  const found = (q === '' ? [] : (search.data?.items ?? [])).map((org) => ({
    value: org.id,
    label: org.name,
    meta: [org.city, org.nodeName].filter(Boolean).join(' · '),
  }))
  // The chosen unit stays an option after the search text is cleared, so its name (not its id) is shown.
  const [picked, setPicked] = useState<TOption | null>(null)
  const options = picked && !found.some((o) => o.value === picked.value) ? [picked, ...found] : found
  return (
    <Select
      id={id}
      data-testid="org-search"
      style={{ width: '100%' }}
      value={value ?? undefined}
      onChange={(orgId: string | undefined) => {
        setPicked(options.find((o) => o.value === orgId) ?? null)
        onChange(orgId ?? null)
      }}
      allowClear
      placeholder={t('me.joinSearchPlaceholder')}
      aria-label={t('me.joinSearch')}
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={search.isFetching}
      notFoundContent={q !== '' && search.isSuccess ? t('me.joinSearchEmpty') : null}
      options={options}
      optionRender={(option) => (
        <div className="kx-wrap-anywhere" data-testid="org-search-option">
          <div>{option.data.label}</div>
          <div className="kx-meta">{option.data.meta}</div>
        </div>
      )}
    />
  )
}
