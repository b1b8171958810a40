import { describe, expect, it } from 'vitest'
import type { AuditEntry } from '../core/schemas'
import type { ServiceContext } from './context'
import { commit, type AuditedRecord } from './write'

type Rec = AuditedRecord & { name: string; createdAt: string }

const ctx = (advocateName?: string) =>
  ({
    now: () => new Date('2026-11-25T10:00:00.000Z'),
    newId: (p: string) => `${p}-1`,
    store: { singletons: { settings: { get: () => ({ savedProfiles: [], ...(advocateName && { advocateName }) }) } } }
  }) as unknown as ServiceContext

function sink() {
  const written: Rec[] = []
  return { written, put: async (r: Rec) => void written.push(r) }
}

const old: Rec = { id: 'r1', name: 'Ann', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', history: [{ at: '2026-01-01T00:00:00.000Z', action: 'create', entity: 'patient', entityId: 'r1', changes: [] } as AuditEntry] }

describe('commit: the one write path', () => {
  it('stamps the change, appends the audit entry after the old history, and writes once', async () => {
    const s = sink()
    const written = await commit(ctx('Pat Advocate'), s, { before: old, next: { ...old, name: 'Anne' }, audit: [{ action: 'update', entity: 'patient' }] })
    expect(s.written).toEqual([written])
    expect(written.updatedAt).toBe('2026-11-25T10:00:00.000Z')
    expect(written.history).toHaveLength(2)
    expect(written.history[0]).toEqual(old.history[0])
    expect(written.history[1]).toMatchObject({ action: 'update', entity: 'patient', entityId: 'r1', by: 'Pat Advocate', changes: [{ path: 'name', before: 'Ann', after: 'Anne' }] })
    expect(old.history).toHaveLength(1) // the record as it was is left alone
  })

  it('keeps a new record’s own timestamps and records its creation', async () => {
    const fresh: Rec = { ...old, history: [], updatedAt: '2026-11-25T09:00:00.000Z' }
    const written = await commit(ctx(), sink(), { before: undefined, next: fresh, audit: [{ action: 'create', entity: 'patient' }] })
    expect(written.updatedAt).toBe('2026-11-25T09:00:00.000Z')
    expect(written.history).toEqual([{ at: '2026-11-25T10:00:00.000Z', action: 'create', entity: 'patient', entityId: 'r1', changes: [] }])
  })

  it('describes a part of the record (an event) by its own subject, with given changes', async () => {
    const written = await commit(ctx(), sink(), {
      before: old,
      next: old,
      at: '2026-11-25T09:30:00.000Z',
      audit: [{ action: 'add-event', entity: 'event', subject: { id: 'ev-1', before: undefined, after: { type: 'note' } }, changes: [{ path: 'type', before: null, after: 'note' }] }]
    })
    expect(written.updatedAt).toBe('2026-11-25T09:30:00.000Z')
    expect(written.history[1]).toMatchObject({ entityId: 'ev-1', changes: [{ path: 'type', after: 'note' }] })
  })
})
