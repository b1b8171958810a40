import type { z } from 'zod'

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
