import { checkAttributes, KIND_FIELDS, type TAttributeIssue } from '#shared/catalog/kind-fields.ts'
import { cityCodeOf, findDiscipline, findIndustry, findInstrumentCategory, findRegion } from '#shared/codes/index.ts'
import type { TResourceContent } from '#shared/contracts/catalog-write.ts'
import type { TFilePurpose } from '#shared/contracts/files.ts'
import type { TResourceKind } from '#shared/resource-kinds.ts'
import type { TDb } from '../../db/transaction.ts'
import { fieldError, type TFieldIssue } from '../../errors.ts'
import * as files from './catalog-files.repo.ts'
import './catalog.messages.ts'

/**
 * The checks content passes after zod (the route's schema) and before anything is written: kind-specific
 * attributes, codes against the code tables, and attachments against the uploaded files. Every problem
 * becomes one field issue (`details.issues[].path` such as `body.attributes.location.lat`), all at once.
 */

/** What a resource's files may have been uploaded for. */
export const RESOURCE_FILE_PURPOSES: readonly TFilePurpose[] = ['resource_image', 'resource_document']

/** Words an attribute issue from its field's definition (limits, options). */
function attributeIssue(kind: TResourceKind, issue: TAttributeIssue): TFieldIssue {
  const path = `body.attributes.${issue.key}`
  if (issue.code === 'required') return { path, messageKey: 'catalog.FIELD_REQUIRED' }
  const def = KIND_FIELDS[kind].find((d) => d.key === issue.key)
  const vars: Record<string, string | number> = {
    max: def?.max ?? (def?.type === 'list' ? 20 : 200),
    min: def?.min ?? 0,
    maxValue: def?.maxValue ?? Number.MAX_SAFE_INTEGER,
    options: (def?.options ?? []).join(' / '),
  }
  return { path, messageKey: `catalog.FIELD_${issue.code.toUpperCase()}`, vars }
}

/** True for a GB/T 4754 code written letter + digits whose digits belong under that letter ('M745'). */
function isKnownIndustry(code: string): boolean {
  const letter = code.slice(0, 1)
  if (code.length === 1) return findIndustry(letter) !== null
  const hit = findIndustry(code.slice(1))
  return hit !== null && (hit.ancestors[0]?.code ?? hit.code) === letter
}

/** Issues of the coded fields; returns the city code when the region is good. */
function codeIssues(kind: TResourceKind, content: TResourceContent, issues: TFieldIssue[]): string | null {
  const cityCode = findRegion(content.regionCode) ? cityCodeOf(content.regionCode) : null
  if (!cityCode) {
    issues.push({ path: 'body.regionCode', messageKey: 'catalog.REGION_UNKNOWN', vars: { code: content.regionCode } })
  }
  const { disciplineCode, industryCode, category } = content
  if (disciplineCode !== null && !findDiscipline(disciplineCode)) {
    issues.push({
      path: 'body.disciplineCode',
      messageKey: 'catalog.DISCIPLINE_UNKNOWN',
      vars: { code: disciplineCode },
    })
  }
  if (industryCode !== null && !isKnownIndustry(industryCode)) {
    issues.push({ path: 'body.industryCode', messageKey: 'catalog.INDUSTRY_UNKNOWN', vars: { code: industryCode } })
  }
  // other kinds carry their own free categories ('testing', 'invention', …); only the NRII table is closed
  if (kind === 'instrument' && category !== null && !findInstrumentCategory(category)) {
    issues.push({ path: 'body.category', messageKey: 'catalog.CATEGORY_UNKNOWN', vars: { code: category } })
  }
  return cityCode
}

/**
 * Issues of the attachments: each file exists, was uploaded for the owning unit or by the actor, is free or
 * already this resource's, was uploaded for a resource, and images are images. Worded like the files
 * module's own claim, which repeats the checks under a row lock when the resource is saved.
 */
async function attachmentIssues(
  db: TDb,
  content: TResourceContent,
  owner: { orgId: string; actorId: string; resourceId: string | null },
  issues: TFieldIssue[],
): Promise<void> {
  const rows = await files.findFiles(
    db,
    content.attachments.map((a) => a.fileId),
  )
  const byId = new Map(rows.map((r) => [r.id, r]))
  const seen = new Set<string>()
  content.attachments.forEach((ref, i) => {
    const path = `body.attachments.${i}.fileId`
    const file = byId.get(ref.fileId)
    if (seen.has(ref.fileId)) return issues.push({ path, messageKey: 'catalog.FILE_DUPLICATE' })
    seen.add(ref.fileId)
    if (!file || (file.org_id !== owner.orgId && file.uploaded_by !== owner.actorId)) {
      return issues.push({ path, messageKey: 'files.CLAIM_NOT_FOUND' })
    }
    const isOurs = file.subject_type === 'resource' && file.subject_id === owner.resourceId
    if (file.subject_id !== null && !isOurs) return issues.push({ path, messageKey: 'files.CLAIM_TAKEN' })
    if (!RESOURCE_FILE_PURPOSES.includes(file.purpose as TFilePurpose)) {
      return issues.push({ path, messageKey: 'files.CLAIM_PURPOSE', vars: { purpose: file.purpose } })
    }
    if (ref.role === 'image' && !file.mime.startsWith('image/')) {
      return issues.push({ path, messageKey: 'catalog.FILE_NOT_IMAGE', vars: { mime: file.mime } })
    }
    return undefined
  })
}

/**
 * Checks content for a resource of `kind` owned by `orgId`, edited by `actorId`.
 * @param db the database or the open transaction
 * @param input kind, owner, the actor, the resource (null while creating) and the content
 * @returns the city-level code of the region (stored for statistics by city)
 * @throws AppError VALIDATION with every issue (attributes, codes, attachments)
 */
export async function checkContent(
  db: TDb,
  input: { kind: TResourceKind; orgId: string; actorId: string; resourceId: string | null; content: TResourceContent },
): Promise<{ cityCode: string }> {
  const issues: TFieldIssue[] = checkAttributes(input.kind, input.content.attributes).map((i) =>
    attributeIssue(input.kind, i),
  )
  const cityCode = codeIssues(input.kind, input.content, issues)
  await attachmentIssues(db, input.content, input, issues)
  if (issues.length > 0 || !cityCode) throw fieldError('VALIDATION', issues)
  return { cityCode }
}
