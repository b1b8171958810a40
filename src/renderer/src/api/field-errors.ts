// Each message beside its field: errors from the services carry the path of every field they are
// about (details.issues), so a form never reads the English text to find where a message belongs.
import { issuesOf, type FieldIssue } from '#shared/errors'
import { localizeDates } from '../ui/date-input'
import { ApiError } from './client'

export type FieldErrors = Partial<Record<string, string>>

/**
 * The issues of a failed call keyed by field ("date", "address.postalCode"), relative to the form's
 * object: `roots` are the keys it sits under in the channel's input (["event"] for cases.addEvent,
 * ["patch", "patient"] for patients.update). Issues outside every root are left out.
 */
export function fieldErrorsOf(error: unknown, roots: ReadonlyArray<string>): FieldErrors {
  if (!(error instanceof ApiError)) return {}
  const out: FieldErrors = {}
  for (const issue of issuesOf(error.value)) {
    const key = relativeKey(issue, roots)
    // A date the services name is written as the date fields show dates (12/09/2026, not 2026-12-09).
    if (key !== undefined) out[key] ??= localizeDates(issue.message)
  }
  return out
}

function relativeKey(issue: FieldIssue, roots: ReadonlyArray<string>): string | undefined {
  const [first, ...rest] = issue.path
  if (typeof first !== 'string' || !roots.includes(first)) return undefined
  return rest.length === 0 ? 'form' : rest.map(String).join('.')
}
