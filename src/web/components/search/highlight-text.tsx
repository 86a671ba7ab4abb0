import type { ReactNode } from 'react'

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" }

/**
 * Turns the server's escaped text back into plain text (the five entities its escaper writes).
 * @param html escaped text without tags
 * @returns the text as typed
 */
export function unescapeHtml(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity)
}

/**
 * Splits the API's highlight HTML into text runs and marked runs. Only `<mark>` and `</mark>` are
 * structure; everything else is text (the server escaped it), so no HTML from the data ever reaches the
 * page as markup.
 * @param html escaped text with `<mark>…</mark>` around matches
 * @returns the runs in order
 */
export function splitHighlight(html: string): { text: string; isMarked: boolean }[] {
  const runs: { text: string; isMarked: boolean }[] = []
  let isMarked = false
  for (const part of html.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') isMarked = true
    else if (part === '</mark>') isMarked = false
    else if (part !== '') runs.push({ text: unescapeHtml(part), isMarked })
  }
  return runs
}

/**
 * Renders highlighted search text as React nodes: `<mark>` around matches, the rest as text. Never
 * dangerouslySetInnerHTML.
 * @returns the runs
 */
export function HighlightText({ html }: { html: string }): ReactNode {
  return splitHighlight(html).map((run, index) =>
    run.isMarked ? <mark key={index}>{run.text}</mark> : <span key={index}>{run.text}</span>,
  )
}
