// Pushed events from the services: backup status as it changes (no polling), recovery reports, and
// progress of long work with cancel, through the real router and handlers.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openServices, type AppServices } from '../../src/services/app-services'
import { createEventHub } from '../../src/services/event-hub'
import { createHandlers } from '../../src/services/handlers'
import { createRouter } from '../../src/services/router'
import type { EventName, EventPayload } from '../../src/shared/event-contract'
import { folderWithBackupsAsFile } from './helpers/backups-as-file'
import { seedBasics } from './helpers/services'

type Heard = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName]

let dir: string
let services: AppServices | undefined
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-events-'))
})
afterEach(async () => {
  await services?.close()
  services = undefined
  await rm(dir, { recursive: true, force: true })
})

function listen() {
  const events = createEventHub()
  const heard: Heard[] = []
  events.subscribe((event, payload) => heard.push({ event, payload } as Heard))
  return { events, heard }
}

describe('pushed events', () => {
  it('backup.status is pushed when the daily backup starts, fails, and when a later backup clears it', async () => {
    await folderWithBackupsAsFile(dir)
    const { events, heard } = listen()
    services = await openServices({ dataDir: dir, appVersion: 'test', holder: 'vitest', events })
    await services.store.flush()
    const statuses = () => heard.flatMap((h) => (h.event === 'backup.status' ? [h.payload] : []))
    expect(statuses().at(-1)).toEqual({ lastFailure: { reason: 'daily', at: expect.any(String), message: expect.stringContaining('ENOTDIR') }, dailyInProgress: false })
    await rm(join(dir, 'backups'))
    const router = createRouter(createHandlers(services), { validateOutput: true })
    expect(await router.invoke('backup.now', {})).toMatchObject({ ok: true })
    expect(statuses().at(-1)).toEqual({ lastFailure: null, dailyInProgress: false })
  })

  it('recovery.reported is pushed when a damaged file is found after open', async () => {
    const { events, heard } = listen()
    services = await openServices({ dataDir: dir, appVersion: 'test', holder: 'vitest', events, dailyBackup: false })
    const { patient, org } = await seedBasics(services)
    const c = await services.cases.add({ patientId: patient.id, organizationId: org.id })
    await services.store.flush()
    await services.close()
    await writeFile(join(dir, 'cases', `${c.id}.json`), '{ not json')
    services = await openServices({ dataDir: dir, appVersion: 'test', holder: 'vitest', events, dailyBackup: false })
    const reported = heard.filter((h) => h.event === 'recovery.reported')
    // Found at open (the window also asks data.recoveries) or on first read: either way it was pushed.
    if (reported.length === 0) await services.cases.load(c.id).catch(() => undefined)
    expect(heard.filter((h) => h.event === 'recovery.reported').map((h) => h.payload)).toEqual([
      expect.objectContaining({ file: expect.stringContaining(c.id), problem: expect.any(String), action: expect.any(String) })
    ])
  })

  it('deep search reports progress as a task and stops when cancelled through tasks.cancel', async () => {
    const { events, heard } = listen()
    services = await openServices({ dataDir: dir, appVersion: 'test', holder: 'vitest', events, dailyBackup: false })
    const { patient, org } = await seedBasics(services)
    for (let i = 0; i < 300; i++) await services.cases.add({ patientId: patient.id, organizationId: org.id })
    const router = createRouter(createHandlers(services), { validateOutput: true })

    // Run to the end once: running … done, done counts up to the total.
    expect(await router.invoke('cases.deepSearch', { text: 'nothing like this', taskId: 'search-1' })).toEqual({ ok: true, value: [] })
    const first = heard.flatMap((h) => (h.event === 'task.progress' && h.payload.taskId === 'search-1' ? [h.payload] : []))
    expect(first[0]).toMatchObject({ phase: 'running', total: 300, label: 'Searching the full text of 300 cases' })
    expect(first.at(-1)).toEqual({ taskId: 'search-1', label: 'Searching the full text of 300 cases', done: 300, total: 300, phase: 'done' })

    // Cancel as soon as it starts: the search ends with CANCELLED and a "cancelled" event, having stopped early.
    const stop = events.subscribe((event, payload) => {
      const p = payload as Partial<EventPayload<'task.progress'>>
      if (event === 'task.progress' && p.taskId === 'search-2' && p.phase === 'running') {
        void router.invoke('tasks.cancel', { taskId: 'search-2' })
      }
    })
    const cancelled = await router.invoke('cases.deepSearch', { text: 'nothing like this', taskId: 'search-2' })
    stop()
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
    const second = heard.flatMap((h) => (h.event === 'task.progress' && h.payload.taskId === 'search-2' ? [h.payload] : []))
    expect(second.at(-1)).toMatchObject({ phase: 'cancelled' })
    expect(second.at(-1)?.done).toBeLessThan(300)
    // A task that is not running cannot be cancelled.
    expect(await router.invoke('tasks.cancel', { taskId: 'search-2' })).toEqual({ ok: true, value: { cancelled: false } })
  })

  it('a payload that breaks its schema is never handed to a listener', () => {
    const { events, heard } = listen()
    events.emit('task.progress', { taskId: 'x', label: 'y', done: -1, total: 0, phase: 'running' })
    expect(heard).toEqual([])
  })
})

describe('a CSV import as a task', () => {
  it('reports progress batch by batch and, cancelled through tasks.cancel, leaves no record behind', async () => {
    const { events, heard } = listen()
    services = await openServices({ dataDir: dir, appVersion: 'test', holder: 'vitest', events, dailyBackup: false })
    const router = createRouter(createHandlers(services), { validateOutput: true })
    const csv = join(dir, '..', `${dir.split('/').pop()}-log.csv`)
    const rows = Array.from({ length: 1100 }, (_, i) => `REQ-${i},Patient ${i},Practice ${i % 5},CA,09/${String((i % 28) + 1).padStart(2, '0')}/2026`)
    await writeFile(csv, ['Request ID,Patient,Practice,State,Received', ...rows].join('\r\n'))
    try {
      const done = await router.invoke('interop.csvImport', { kind: 'requests', source: { path: csv }, taskId: 'import-1' })
      expect(done).toMatchObject({ ok: true, value: { cases: 1100, patients: 1100, organizations: 5 } })
      const first = heard.flatMap((h) => (h.event === 'task.progress' && h.payload.taskId === 'import-1' ? [h.payload] : []))
      expect(first.at(-1)).toMatchObject({ phase: 'done', done: 2205, total: 2205 })
      expect(first.filter((p) => p.phase === 'running').length).toBeGreaterThan(2)

      // The same rows again as new practices' requests, cancelled after the first batch: nothing of it stays.
      await writeFile(csv, ['Request ID,Patient,Practice,State,Received', ...rows.map((r) => r.replace('Practice', 'Clinic'))].join('\r\n'))
      const stop = events.subscribe((event, payload) => {
        const p = payload as Partial<EventPayload<'task.progress'>>
        if (event === 'task.progress' && p.taskId === 'import-2' && (p.done ?? 0) > 0) void router.invoke('tasks.cancel', { taskId: 'import-2' })
      })
      const cancelled = await router.invoke('interop.csvImport', { kind: 'requests', source: { path: csv }, taskId: 'import-2', duplicates: 'match' })
      stop()
      expect(cancelled).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
      expect(heard.flatMap((h) => (h.event === 'task.progress' && h.payload.taskId === 'import-2' ? [h.payload.phase] : [])).at(-1)).toBe('cancelled')
      expect(services.queries.list()).toHaveLength(1100)
      expect(services.organizations.list()).toHaveLength(5)
    } finally {
      await rm(csv, { force: true })
    }
  }, 240_000)
})
