import type { FormInstance } from 'antd'
import { KIND_FIELDS } from '../../../shared/catalog/kind-fields.ts'
import type { TResourceKind } from '../../../shared/resource-kinds.ts'
import { fieldIssuesOf } from '../../lib/form-errors.ts'

type TNamePath = readonly string[]

/** Content fields the form shows under another name. */
const ALIASES: Readonly<Record<string, TNamePath>> = { regionCode: ['region'] }

const CORE_NAMES: readonly TNamePath[] = [
  ['title'],
  ['summary'],
  ['tags'],
  ['region'],
  ['disciplineCode'],
  ['industryCode'],
  ['category'],
  ['sharingLevel'],
  ['audience'],
  ['contact', 'name'],
  ['contact', 'phone'],
  ['contact', 'email'],
  ['contact'],
]

/** Every form name an issue of this kind's content can land on, longest first. */
function formNames(kind: TResourceKind): TNamePath[] {
  const names = [...CORE_NAMES, ...KIND_FIELDS[kind].map((def) => ['attributes', ...def.key.split('.')])]
  return names.sort((a, b) => b.length - a.length)
}

function startsWith(path: readonly string[], prefix: TNamePath): boolean {
  return prefix.every((part, index) => path[index] === part)
}

/**
 * Shows the server's field issues of a save under their form fields: `body.attributes.feeStandard.externalFen`
 * lands on the item named ['attributes', 'feeStandard', 'externalFen'], `body.regionCode` on the region
 * picker, `body.tags.3` on the tags. Issues no field shows (attachments, the version) come back as text.
 * @param form the editor's form
 * @param kind the resource kind, whose fields the form has
 * @param error what the save threw
 * @returns the messages that found no field; null when the error carried no field issues at all
 */
export function applyContentErrors(form: FormInstance, kind: TResourceKind, error: unknown): string[] | null {
  const issues = fieldIssuesOf(error)
  if (issues.length === 0) return null
  const names = formNames(kind)
  const byName = new Map<string, { name: TNamePath; errors: string[] }>()
  const leftover: string[] = []
  for (const issue of issues) {
    if (!issue.path.startsWith('body.')) {
      leftover.push(issue.message)
      continue
    }
    const parts = issue.path.slice('body.'.length).split('.')
    const aliased = ALIASES[parts[0] ?? ''] ? [...(ALIASES[parts[0] ?? ''] ?? []), ...parts.slice(1)] : parts
    const name = names.find((candidate) => startsWith(aliased, candidate))
    if (!name) {
      leftover.push(`${parts.join('.')}: ${issue.message}`)
      continue
    }
    const key = name.join('.')
    const entry = byName.get(key) ?? { name, errors: [] }
    entry.errors.push(issue.message)
    byName.set(key, entry)
  }
  form.setFields([...byName.values()].map(({ name, errors }) => ({ name: [...name], errors })))
  const first = [...byName.values()][0]
  if (first) form.scrollToField([...first.name], { block: 'center' })
  return leftover
}
