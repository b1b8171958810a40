// The "Edit request" dialog's draft, and the patch it sends: only the fields that changed, `null`
// for an optional field emptied, lists (tags, references) whole when they changed.
import { CaseFieldsSchema, patchSchema, type Case, type CaseFieldsInput, type Patch } from '#core/schemas'
import { newLocalId } from '../../ui/format'
import { issuesByPath, opt } from '../../ui/zod-errors'
import type { Priority, RefDraft } from '../new-case/case-draft'

export type RequestDraft = {
  priority: Priority
  tags: string
  references: RefDraft[]
  requestedFormat: string
  deliveryManner: string
  profile: string
  state: string
  assignee: string
}

export const requestDraftOf = (c: Case): RequestDraft => ({
  priority: c.priority,
  tags: c.tags.join(', '),
  references: c.references.map((r) => ({ key: newLocalId('ref'), kind: r.kind, value: r.value })),
  requestedFormat: c.requestedFormat ?? '',
  deliveryManner: c.deliveryManner ?? '',
  profile: c.profile,
  state: c.state ?? '',
  assignee: c.assignee ?? ''
})

const CasePatchSchema = patchSchema(CaseFieldsSchema)
type CasePatch = Patch<CaseFieldsInput>

export const tagList = (text: string): string[] =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

export type RequestCheck = { ok: true; patch: CasePatch } | { ok: false; errors: Record<string, string> }

export function checkRequestDraft(c: Case, d: RequestDraft): RequestCheck {
  const patch: Record<string, unknown> = {}
  if (d.priority !== c.priority) patch['priority'] = d.priority
  if (d.profile !== c.profile) patch['profile'] = d.profile
  const tags = tagList(d.tags)
  if (!same(tags, c.tags)) patch['tags'] = tags
  const references = d.references.map((r) => ({ kind: r.kind, value: r.value.trim() }))
  if (!same(references, c.references)) patch['references'] = references
  const optional = (key: 'requestedFormat' | 'deliveryManner' | 'assignee' | 'state', normalize: (v: string) => string = (v) => v) => {
    const typed = opt(d[key])
    const next = typed === undefined ? undefined : normalize(typed)
    const before = c[key]
    if (next === undefined && before !== undefined) patch[key] = null
    else if (next !== undefined && next !== before) patch[key] = next
  }
  optional('requestedFormat')
  optional('deliveryManner')
  optional('assignee')
  optional('state', (v) => v.toUpperCase())
  const parsed = CasePatchSchema.safeParse(patch)
  if (!parsed.success) return { ok: false, errors: issuesByPath(parsed.error) }
  return { ok: true, patch: patch as CasePatch }
}

export const REQUEST_FIELD_NAMES: Record<string, string> = {
  priority: 'Priority',
  profile: 'Rule profile',
  tags: 'Tags',
  requestedFormat: 'Requested format',
  deliveryManner: 'Delivery manner',
  state: 'State',
  assignee: 'Advocate'
}
