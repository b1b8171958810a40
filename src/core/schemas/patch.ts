// Partial updates. A patch names only what changes: a field left out stays as it is, and `null`
// clears a field that may be empty (a field with a default goes back to it). Unlike zod's `.partial()`, a patch never fills in defaults,
// which would silently overwrite stored lists (tags, references, representatives…) with [].
import { z } from 'zod'

export type Patch<T> = { [K in keyof T]?: T[K] | (undefined extends T[K] ? null : never) }

type FieldsObject = z.ZodObject<z.ZodRawShape>

export function patchSchema<O extends FieldsObject>(fields: O): z.ZodType<Patch<z.output<O>>, Patch<z.input<O>>> {
  const shape: Record<string, z.ZodType> = {}
  for (const [key, field] of Object.entries(fields.shape)) {
    let inner = field as z.ZodType
    if (inner instanceof z.ZodDefault) {
      // Clearing a field with a default (a list, say) sets it back to that default.
      const emptied = () => (field as z.ZodType).parse(undefined)
      inner = inner.removeDefault() as z.ZodType
      shape[key] = inner.nullable().transform((v) => (v === null ? emptied() : v)).optional()
      continue
    }
    if (inner instanceof z.ZodOptional) {
      shape[key] = (inner.unwrap() as z.ZodType).nullable().optional()
      continue
    }
    shape[key] = inner.optional()
  }
  return z.strictObject(shape) as unknown as z.ZodType<Patch<z.output<O>>, Patch<z.input<O>>>
}

/** Applies a parsed patch: `undefined` keeps a field, `null` removes it, anything else replaces it. */
export function applyPatch<T extends object>(record: T, patch: object): T {
  const next: Record<string, unknown> = { ...(record as Record<string, unknown>) }
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue
    if (value === null) delete next[key]
    else next[key] = value
  }
  return next as T
}
