// Turns raw JSON into a ClockInput, or into ONE line naming the field and the problem, which is what
// the CLI prints and what a person can act on: `events[2].date: 2026-02-30 is not a real calendar date`.
import type { z } from 'zod'
import { ClockInputError, formatPath } from './errors'
import { ClockInputSchema, type ClockInput } from './schema'

export type ParseResult = { ok: true; value: ClockInput } | { ok: false; message: string }

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = root
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<PropertyKey, unknown>)[key]
  }
  return v
}

const describe = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? `the text ${JSON.stringify(v)}` : typeof v

type Issue = z.core.$ZodIssue

/** One readable line for the first issue; unions are unwrapped to the branch the input was aiming at. */
function describeIssue(issue: Issue, root: unknown, prefix: ReadonlyArray<PropertyKey>): string {
  const path = [...prefix, ...issue.path]
  const where = formatPath(path)
  const value = valueAt(root, path)
  switch (issue.code) {
    case 'unrecognized_keys': {
      const keys = issue.keys
      const first = keys[0] ?? ''
      return keys.length === 1
        ? `${formatPath([...path, first])}: unknown field (remove it or check its spelling)`
        : `${where}: unknown fields ${keys.map((k) => JSON.stringify(k)).join(', ')}`
    }
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator !== undefined) {
        const options = (issue as { options?: unknown[] }).options ?? []
        return value === undefined
          ? `${where}: required field is missing (one of ${options.join(', ')})`
          : `${where}: unknown event type ${JSON.stringify(value)}; expected one of ${options.join(', ')}`
      }
      // profile: a string id or an inline object. Report against the branch matching the input's shape.
      const branches = issue.errors
      const aimed = branches.find((b) => b.length > 0 && !(b[0]?.code === 'invalid_type' && b[0].path.length === 0))
      const firstIssue = aimed?.[0]
      if (firstIssue) return describeIssue(firstIssue, root, path)
      return `${where}: expected a profile id (text) or an inline profile object, got ${describe(value)}`
    }
    case 'invalid_type':
      if (value === undefined) return `${where}: required field is missing (expected ${issue.expected})`
      if (issue.message.startsWith('expected a date')) return `${where}: ${issue.message}, got ${describe(value)}`
      return `${where}: expected ${issue.expected}, got ${describe(value)}`
    case 'invalid_value':
      if (value === undefined) return `${where}: required field is missing (one of ${issue.values.map((v) => String(v)).join(', ')})`
      return `${where}: ${JSON.stringify(value)} is not one of ${issue.values.map((v) => String(v)).join(', ')}`
    default:
      return `${where}: ${issue.message}`
  }
}

/** Facts the schema cannot check: dates that must not come before receipt. */
export function checkDateOrder(input: ClockInput): ClockInputError | null {
  if (input.asOf < input.received) {
    return new ClockInputError('asOf', `${input.asOf} is before the request was received (${input.received})`)
  }
  for (const [i, e] of input.events.entries()) {
    if (e.date < input.received) {
      return new ClockInputError(`events[${i}].date`, `${e.date} is before the request was received (${input.received})`)
    }
  }
  return null
}

export function parseClockInput(json: unknown): ParseResult {
  const parsed = ClockInputSchema.safeParse(json)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    return { ok: false, message: first ? describeIssue(first, json, []) : '(input): invalid' }
  }
  const orderError = checkDateOrder(parsed.data)
  if (orderError) return { ok: false, message: orderError.message }
  return { ok: true, value: parsed.data }
}
