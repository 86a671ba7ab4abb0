import { useEffect, useState } from 'react'
import { AutoComplete, Input, Tag } from 'antd'
import { useT } from '../../i18n/use-t.ts'
import { useSuggestions } from '../../queries/search.ts'
import './search.css'

/** Suggestions wait until typing pauses this long. */
const SUGGEST_DELAY_MS = 250

/**
 * The value, once it has stopped changing for `delayMs`.
 * @returns the settled value
 */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delayMs)
    return () => window.clearTimeout(timer)
  }, [value, delayMs])
  return settled
}

type TSearchBoxProps = {
  /** The words searched for now; remount (key) the box when they change elsewhere (back button). */
  initialText: string
  onSearch: (text: string) => void
  size?: 'middle' | 'large'
  className?: string
  testId?: string
}

/**
 * The search box with title suggestions while typing (GET /api/search/suggest, debounced): by title start,
 * pinyin or initials. Picking a suggestion or pressing Enter searches.
 * @returns the box
 */
export function SearchBox({
  initialText,
  onSearch,
  size = 'large',
  className,
  testId = 'search-input',
}: TSearchBoxProps) {
  const t = useT()
  const [text, setText] = useState(initialText)
  const suggestions = useSuggestions(useDebouncedValue(text, SUGGEST_DELAY_MS))
  const options = text.trim()
    ? (suggestions.data?.items ?? []).map((item) => ({
        value: item.text,
        label: (
          <div className="kx-suggestion" data-testid="search-suggestion">
            <span className="kx-suggestion-text">{item.text}</span>
            <Tag>{t(`kind.${item.kind}`)}</Tag>
          </div>
        ),
      }))
    : []

  return (
    <AutoComplete
      className={className}
      value={text}
      options={options}
      onChange={(next: string) => setText(next)}
      onSelect={(value: string) => onSearch(value)}
      style={{ width: '100%' }}
    >
      <Input.Search
        size={size}
        allowClear
        data-testid={testId}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        enterButton={t('search.button')}
        maxLength={100}
        onSearch={(value) => onSearch(value.trim())}
      />
    </AutoComplete>
  )
}
