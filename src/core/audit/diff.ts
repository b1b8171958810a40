// A compact before/after of what changed in a record, for the audit trail: leaf paths only, long
// values shortened, bookkeeping fields left out.
export type Change = { path: string; before: unknown; after: unknown }

const IGNORED = new Set(['history', 'updatedAt', 'createdAt'])
const MAX_VALUE_CHARS = 200
const MAX_CHANGES = 100

export function diffRecords(before: unknown, after: unknown): Change[] {
  const out: Change[] = []
  walk(before, after, '', out)
  return out.slice(0, MAX_CHANGES)
}

function walk(a: unknown, b: unknown, path: string, out: Change[]): void {
  if (out.length >= MAX_CHANGES || Object.is(a, b)) return
  if (isPlainObject(a) && isPlainObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (path === '' && IGNORED.has(key)) continue
      walk(a[key], b[key], path ? `${path}.${key}` : key, out)
    }
    return
  }
  if (Array.isArray(a) && Array.isArray(b) && JSON.stringify(a) === JSON.stringify(b)) return
  out.push({ path: path || '(record)', before: compact(a), after: compact(b) })
}

function compact(v: unknown): unknown {
  if (v === undefined) return null
  if (typeof v === 'string') return v.length > MAX_VALUE_CHARS ? `${v.slice(0, MAX_VALUE_CHARS)}…` : v
  if (typeof v === 'object' && v !== null) {
    const s = JSON.stringify(v)
    return s.length > MAX_VALUE_CHARS ? `${s.slice(0, MAX_VALUE_CHARS)}…` : v
  }
  return v
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
