import { describe, expect, it } from 'vitest'
import { CaseSchema, PatientSchema, type Case, type CaseEvent, type Patient } from '../schemas'
import { mergeCases, mergeShards, parseConflictName, SECOND_VERSION_PREFIX, MERGE_AUTHOR } from './index'

const T0 = '2026-11-20T10:00:00.000Z'
const at = (min: number): string => new Date(Date.parse(T0) + min * 60_000).toISOString()

function baseCase(): Case {
  return CaseSchema.parse({
    id: 'case-1',
    patientId: 'pat-1',
    organizationId: 'org-1',
    createdAt: T0,
    updatedAt: T0,
    events: [event('ev-base', '2026-11-02', T0)],
    history: [{ at: T0, action: 'create', entity: 'case', entityId: 'case-1', changes: [] }]
  })
}

function event(id: string, date: string, stamp: string, extra: Partial<CaseEvent> = {}): CaseEvent {
  return { id, type: 'request-sent', date, direction: 'outgoing', summary: `event ${id}`, attachments: [], createdAt: stamp, updatedAt: stamp, ...extra } as CaseEvent
}

function addEvent(c: Case, e: CaseEvent): Case {
  return {
    ...c,
    events: [...c.events, e],
    updatedAt: e.updatedAt,
    history: [...c.history, { at: e.updatedAt, action: 'add-event', entity: 'event', entityId: e.id, changes: [{ path: 'type', before: null, after: e.type }] }]
  }
}

function setField<K extends keyof Case>(c: Case, key: K, value: Case[K], stamp: string, action: 'update' | 'delete' = 'update'): Case {
  return {
    ...c,
    [key]: value,
    updatedAt: stamp,
    history: [...c.history, { at: stamp, action, entity: 'case', entityId: c.id, changes: [{ path: String(key), before: c[key] ?? null, after: value }] }]
  }
}

const A = 'device-a'
const B = 'device-b'

describe('parseConflictName', () => {
  it('reads the original name, the time and the device from a Syncthing conflict copy', () => {
    expect(parseConflictName('case-1.sync-conflict-20261201-101502-ABCDEF7.json')).toEqual({
      original: 'case-1.json',
      madeAt: '2026-12-01T10:15:02.000Z',
      syncDevice: 'ABCDEF7'
    })
    expect(parseConflictName('shard-03.sync-conflict-20261201-101502-ABCDEF7.sync-conflict-20261202-000000-ZZZZZZZ.json')?.original).toBe('shard-03.json')
    expect(parseConflictName('case-1.json')).toBeNull()
    expect(parseConflictName('.sync-conflict-20261201-101502-ABCDEF7.json')).toBeNull()
  })
})

describe('mergeCases', () => {
  it('keeps every event both sides added, whichever side is passed first', () => {
    const base = baseCase()
    const a = addEvent(addEvent(base, event('ev-a1', '2026-11-05', at(1))), event('ev-a2', '2026-11-06', at(2)))
    const b = addEvent(base, event('ev-b1', '2026-11-04', at(3)))
    const ab = mergeCases({ record: a, device: A }, { record: b, device: B })
    const ba = mergeCases({ record: b, device: B }, { record: a, device: A })
    expect(ab.merged.events.map((e) => e.id)).toEqual(['ev-base', 'ev-b1', 'ev-a1', 'ev-a2'])
    expect(ab.merged).toEqual(ba.merged)
    expect(ab.added.map((x) => x.id).sort()).toEqual(['ev-a1', 'ev-a2', 'ev-b1'])
    // Every add-event entry of both audit trails is kept.
    expect(ab.merged.history.filter((h) => h.action === 'add-event').map((h) => h.entityId).sort()).toEqual(['ev-a1', 'ev-a2', 'ev-b1'])
    expect(ab.merged.updatedAt).toBe(at(3))
    expect(CaseSchema.safeParse(ab.merged).success).toBe(true)
    // Merging the result with either side again changes nothing (both machines may merge).
    expect(mergeCases({ record: ab.merged, device: A }, { record: a, device: A }).merged).toEqual(ab.merged)
    expect(mergeCases({ record: ab.merged, device: A }, { record: ab.merged, device: B }).identical).toBe(true)
  })

  it('one side trashes while the other edits: in the trash, with the other side\'s edit kept', () => {
    const base = baseCase()
    const trashed = setField(base, 'deletedAt', at(5), at(5), 'delete')
    const edited = setField(addEvent(base, event('ev-b1', '2026-11-07', at(2))), 'priority', 'urgent', at(9))
    const m = mergeCases({ record: trashed, device: A }, { record: edited, device: B })
    expect(m.merged.deletedAt).toBe(at(5))
    expect(m.merged.priority).toBe('urgent')
    expect(m.merged.events.map((e) => e.id)).toContain('ev-b1')
    const deleted = m.settled.find((s) => s.path === 'deletedAt')
    expect(deleted).toMatchObject({ kept: at(5), keptFrom: A, why: 'edited on one side only' })
    expect(m.settled.find((s) => s.path === 'priority')).toMatchObject({ kept: 'urgent', other: 'normal', keptFrom: B })
  })

  it('both edit the same field: the later edit wins and the other value is in the audit trail', () => {
    const base = baseCase()
    const a = setField(base, 'notes', 'call the privacy officer', at(4))
    const b = setField(base, 'notes', 'wait for the fax', at(7))
    const m = mergeCases({ record: a, device: A }, { record: b, device: B })
    expect(m.merged.notes).toBe('wait for the fax')
    const entry = m.merged.history.find((h) => h.by === MERGE_AUTHOR)
    expect(entry?.changes).toEqual([{ path: 'notes', before: 'call the privacy officer', after: 'wait for the fax' }])
    expect(entry?.at).toBe(at(7))
    // A field edited on one side only is taken from that side even when the other side is later.
    const c = setField(setField(base, 'assignee', 'Ana', at(1)), 'notes', 'x', at(2))
    const d = setField(base, 'tags', ['urgent'], at(8))
    const m2 = mergeCases({ record: c, device: A }, { record: d, device: B })
    expect(m2.merged).toMatchObject({ assignee: 'Ana', notes: 'x', tags: ['urgent'] })
  })

  it('an event edited on both sides keeps both versions, the second one marked, with an audit note', () => {
    const base = baseCase()
    const edit = (c: Case, stamp: string, summary: string, date: string): Case => ({
      ...c,
      events: c.events.map((e) => (e.id === 'ev-base' ? { ...e, summary, date, updatedAt: stamp } : e)),
      updatedAt: stamp
    })
    const a = edit(base, at(3), 'sent by fax', '2026-11-02')
    const b = edit(base, at(6), 'sent by mail', '2026-11-03')
    const m = mergeCases({ record: a, device: A }, { record: b, device: B })
    expect(m.merged.events).toHaveLength(2)
    const kept = m.merged.events.find((e) => e.id === 'ev-base')
    const second = m.merged.events.find((e) => e.id !== 'ev-base')
    expect(kept?.summary).toBe('sent by mail')
    expect(second?.summary).toBe(`${SECOND_VERSION_PREFIX}sent by fax`)
    expect(second?.date).toBe('2026-11-02')
    expect(m.versions).toEqual([{ eventId: 'ev-base', secondId: second?.id, keptFrom: B, secondFrom: A }])
    expect(m.merged.history.some((h) => h.action === 'edit-event' && h.by === MERGE_AUTHOR)).toBe(true)
    expect(CaseSchema.safeParse(m.merged).success).toBe(true)
    // Merging again with the losing side does not add a third copy.
    expect(mergeCases({ record: m.merged, device: B }, { record: a, device: A }).merged.events).toHaveLength(2)
  })

  it('attachments added to one event on both sides are united; reminders and letters too', () => {
    const base = baseCase()
    const file = (n: string) => ({ sha256: n.repeat(64), name: `${n}.pdf`, type: 'application/pdf', size: 10 })
    const withAttachment = (c: Case, stamp: string, n: string): Case => ({
      ...c,
      events: c.events.map((e) => ({ ...e, attachments: [...e.attachments, file(n)], updatedAt: stamp })),
      reminders: [...c.reminders, { id: `rem-${n}${n}${n}`, date: '2026-12-01' }],
      updatedAt: stamp
    })
    const m = mergeCases({ record: withAttachment(base, at(1), 'a'), device: A }, { record: withAttachment(base, at(2), 'b'), device: B })
    expect(m.merged.events).toHaveLength(1)
    expect(m.merged.events[0]?.attachments.map((x) => x.name).sort()).toEqual(['a.pdf', 'b.pdf'])
    expect(m.merged.reminders.map((r) => r.id).sort()).toEqual(['rem-aaa', 'rem-bbb'])
  })
})

describe('mergeShards', () => {
  const patient = (id: string, name: string, stamp: string): Patient =>
    PatientSchema.parse({ id, name, createdAt: T0, updatedAt: stamp, history: [] })

  it('keeps each side\'s edit of different patients, and settles one patient edited on both by time', () => {
    const p1 = patient('pat-1', 'Ana Diaz', T0)
    const p2 = patient('pat-2', 'Bo Li', T0)
    const current = [{ ...p1, name: 'Ana María Díaz', updatedAt: at(1) }, p2, patient('pat-3', 'New on A', at(2))]
    const copy = [p1, { ...p2, notes: 'prefers e-mail', updatedAt: at(3) }]
    const m = mergeShards({ records: current, device: A }, { records: copy, device: B }, 'patient')
    expect(m.records.map((r) => [r.id, r.name, r.notes])).toEqual([
      ['pat-1', 'Ana María Díaz', undefined],
      ['pat-2', 'Bo Li', 'prefers e-mail'],
      ['pat-3', 'New on A', undefined]
    ])
    expect(m.changed.sort()).toEqual(['pat-1', 'pat-2'])
    const both = mergeShards(
      { records: [{ ...p1, name: 'Ana A', updatedAt: at(5) }], device: A },
      { records: [{ ...p1, name: 'Ana B', updatedAt: at(4) }], device: B },
      'patient'
    )
    expect(both.records[0]?.name).toBe('Ana A')
    expect(both.records[0]?.history.at(-1)?.changes).toEqual([{ path: 'name', before: 'Ana B', after: 'Ana A' }])
    expect(PatientSchema.safeParse(both.records[0]).success).toBe(true)
  })
})
