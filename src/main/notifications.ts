// Desktop notifications: once a day, when the app opens, one notification for the steps,
// acknowledgement checks and reminders due today (Today lists them). Off when the setting
// `notifyDueToday` is false. The day last notified is kept beside the app's own files (userData),
// not in the data folder, so a synced caseload does not notify on one computer for another.
import { readFile, writeFile, mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Notification as ElectronNotification } from 'electron'
import type { Worklist } from '../core/worklist'

type NotificationClass = {
  new (options: { title: string; body: string; silent?: boolean }): Pick<ElectronNotification, 'show' | 'on'>
  isSupported: () => boolean
}

export type NotifyDeps = {
  Notification: NotificationClass
  worklist: () => Promise<Worklist>
  /** False when the user turned notifications off. */
  enabled: () => Promise<boolean>
  /** Where the day last notified is kept. */
  stampFile: string
  /** Brings the window forward on Today. */
  onClick: () => void
  /** Today as the services count it (the local date, YYYY-MM-DD). */
  today: () => string
}

const SHOWN_LINES = 3
const DUE_KINDS = new Set(['next-step', 'agency-check', 'reminder'])

/** What the notification says, or null when nothing is due today. */
export function dueTodayMessage(w: Worklist): { title: string; body: string } | null {
  const due = w.items.filter((i) => i.when === 'today' && DUE_KINDS.has(i.kind))
  if (due.length === 0) return null
  const lines = due.slice(0, SHOWN_LINES).map((i) => `${i.title}: ${i.patientName}, ${i.organizationName}`)
  if (due.length > SHOWN_LINES) lines.push(`and ${due.length - SHOWN_LINES} more on Today`)
  return { title: due.length === 1 ? '1 thing due today' : `${due.length} things due today`, body: lines.join('\n') }
}

async function lastNotified(file: string): Promise<string | null> {
  try {
    const v: unknown = JSON.parse(await readFile(file, 'utf8'))
    return typeof v === 'object' && v !== null && typeof (v as { day?: unknown }).day === 'string' ? (v as { day: string }).day : null
  } catch {
    return null // never notified, or a damaged stamp: notifying once more is the harmless side
  }
}

/** Shows today's notification unless it was shown today already or is turned off; says what it did. */
export async function notifyDueToday(deps: NotifyDeps): Promise<'shown' | 'nothing-due' | 'already-today' | 'off' | 'unsupported'> {
  if (!(await deps.enabled())) return 'off'
  if (!deps.Notification.isSupported()) return 'unsupported'
  // Checked before the worklist: computing it means every clock of the caseload, in one block on the
  // main process while the window loads (several hundred ms at 30,000 cases), for every start of a day.
  const last = await lastNotified(deps.stampFile)
  if (last === deps.today()) return 'already-today'
  const w = await deps.worklist()
  if (last === w.today) return 'already-today' // midnight passed while it was computed
  const message = dueTodayMessage(w)
  await mkdir(dirname(deps.stampFile), { recursive: true })
  await writeFile(deps.stampFile, JSON.stringify({ day: w.today }) + '\n')
  if (!message) return 'nothing-due'
  const n = new deps.Notification({ ...message, silent: false })
  n.on('click', deps.onClick)
  n.show()
  return 'shown'
}
