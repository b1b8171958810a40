// The once-a-day check comes before the worklist: computing it means every clock of the caseload,
// in one block on the main process, while the window loads.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Worklist } from '../core/worklist'
import { notifyDueToday, type NotifyDeps } from './notifications'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-notify-unit-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

function deps(today: string, worklistToday = today): NotifyDeps & { computed: () => number; shown: string[] } {
  let computed = 0
  const shown: string[] = []
  class FakeNotification {
    static isSupported = (): boolean => true
    constructor(readonly options: { title: string; body: string }) {}
    on(): this {
      return this
    }
    show(): void {
      shown.push(this.options.title)
    }
  }
  return {
    Notification: FakeNotification as unknown as NotifyDeps['Notification'],
    worklist: async () => {
      computed++
      return { today: worklistToday, items: [] } as unknown as Worklist
    },
    enabled: async () => true,
    stampFile: join(dir, 'notified-day.json'),
    onClick: () => undefined,
    today: () => today,
    computed: () => computed,
    shown
  }
}

describe('notifyDueToday', () => {
  it('does not compute the worklist when today was notified already', async () => {
    await writeFile(join(dir, 'notified-day.json'), JSON.stringify({ day: '2026-12-02' }))
    const d = deps('2026-12-02')
    expect(await notifyDueToday(d)).toBe('already-today')
    expect(d.computed()).toBe(0)
  })

  it('computes it on a new day, and stamps the day the worklist counted (midnight may pass meanwhile)', async () => {
    await writeFile(join(dir, 'notified-day.json'), JSON.stringify({ day: '2026-11-30' }))
    const d = deps('2026-12-01', '2026-12-02')
    expect(await notifyDueToday(d)).toBe('nothing-due')
    expect(d.computed()).toBe(1)
    expect(JSON.parse(await readFile(join(dir, 'notified-day.json'), 'utf8'))).toEqual({ day: '2026-12-02' })
  })
})
