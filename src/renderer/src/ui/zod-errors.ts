import type { z } from 'zod'

/** Zod issues keyed by their dotted path ("address.postalCode"), the first message per field. */
export function issuesByPath(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || 'form'
    out[key] ??= issue.message
  }
  return out
}

/** A one-line summary of field errors, with readable field names. */
export function summarizeErrors(errors: Record<string, string>, names: Record<string, string> = {}): string {
  return Object.entries(errors)
    .map(([k, m]) => `${names[k] ?? k}: ${m}`)
    .join('; ')
}

/** "" → undefined, otherwise trimmed. */
export const opt = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim())

/** Drops undefined values, so strict schemas and patches see only what was answered. */
export function compact<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}
