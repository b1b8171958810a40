// What was asked for against what arrived: "report received, films not included".
import type { Case } from '../schemas'

export type Completeness = {
  items: Array<{ id: string; label: string; recordType: string; receivedOn: string | null }>
  missing: string[]
  complete: boolean
}

export function completenessOf(c: Case): Completeness {
  const received = new Map<string, string>()
  for (const e of c.events) {
    if (e.type !== 'partial-delivery' && e.type !== 'records-delivered') continue
    // A complete delivery with no items named covers the whole checklist.
    const ids = e.type === 'records-delivered' && e.items.length === 0 ? c.requested.items.map((i) => i.id) : e.items
    for (const id of ids) if (!received.has(id) || e.date < received.get(id)!) received.set(id, e.date)
  }
  const items = c.requested.items.map((i) => ({ id: i.id, label: i.label, recordType: i.recordType, receivedOn: received.get(i.id) ?? null }))
  const missing = items.filter((i) => i.receivedOn === null).map((i) => i.label)
  return { items, missing, complete: missing.length === 0 }
}
