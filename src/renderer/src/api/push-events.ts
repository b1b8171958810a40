// Events the main process pushes (see shared/event-contract.ts), checked against the contract on arrival,
// and what each does to the window's data: backup status replaces the cached answer, a recovery
// report or a switch of data folder marks stale what it changed. Task progress is kept for the
// screens that follow a task (useTaskProgress).
import type { QueryClient } from '@tanstack/react-query'
import { useSyncExternalStore } from 'react'
import { events, type EventName, type EventPayload, type TaskProgress } from '#shared/event-contract'
import { queryKey } from './queries'

/** Listens to one pushed event; payloads that do not match the contract are dropped (and logged). */
export function onEvent<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void {
  return window.api.on(event, (payload: unknown) => {
    const parsed = events[event].safeParse(payload)
    if (parsed.success) handler(parsed.data as EventPayload<E>)
    else console.error(`Dropped a malformed "${event}" event`, parsed.error.issues)
  })
}

const tasks = new Map<string, TaskProgress>()
const taskListeners = new Set<() => void>()

function noteTask(p: TaskProgress): void {
  tasks.set(p.taskId, p)
  for (const l of [...taskListeners]) l()
}

/** The latest progress of one task, or undefined before its first event. */
export function useTaskProgress(taskId: string | null): TaskProgress | undefined {
  return useSyncExternalStore(
    (notify) => {
      taskListeners.add(notify)
      return () => taskListeners.delete(notify)
    },
    () => (taskId === null ? undefined : tasks.get(taskId))
  )
}

/** A fresh id for a task the window starts (so it can follow and cancel it). */
export const newTaskId = (): string => `task-${Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('')}`

/**
 * Wires every pushed event to the query cache. Called once, before the first render, so no event
 * can arrive before anyone listens (the first queries are sent after this).
 */
export function installPushEvents(client: QueryClient): () => void {
  const stops = [
    onEvent('backup.status', (status) => client.setQueryData(queryKey('backup.status', {}), status)),
    onEvent('recovery.reported', () => {
      void client.invalidateQueries({ queryKey: ['data.recoveries'] })
      void client.invalidateQueries({ queryKey: ['data.journal'] })
    }),
    onEvent('data.switched', () => void client.invalidateQueries()),
    // Files another computer wrote (through a sync tool), merges and conflicts: cases, the directory and the sync views.
    onEvent('sync.changed', () => void client.invalidateQueries({ predicate: (q) => /^(cases|patients|organizations|settings|sync)\./.test(String(q.queryKey[0])) })),
    onEvent('task.progress', noteTask)
  ]
  return () => stops.forEach((stop) => stop())
}
