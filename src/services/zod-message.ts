import type { z } from 'zod'
import type { FieldIssue, IssuePath } from '#shared/errors'

/** One line a person can act on: "patient.name: must not be empty; events[2].date: not a real date". */
export function describeZodError(error: z.ZodError, root = ''): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const path = formatPath(root, issue.path)
      return path ? `${path}: ${issue.message}` : issue.message
    })
    .join('; ')
}

export function formatPath(root: string, path: ReadonlyArray<PropertyKey>): string {
  let out = root
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out ? `.${String(key)}` : String(key)
  }
  return out
}

/** Every issue with its path from the root of what was sent, for a form to show beside its field. */
export function zodIssues(error: z.ZodError, root: IssuePath = []): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: [...root, ...issue.path.map((k) => (typeof k === 'number' ? k : String(k)))],
    message: issue.message
  }))
}
