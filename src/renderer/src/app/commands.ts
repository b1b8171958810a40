// The window's one command registry. Every command, whether from its key, the app menu (the
// menu.command push event) or a button, runs as
//   window.dispatchEvent(new CustomEvent('aa:command', { detail: { command } }))
// and whoever handles it listens with useCommand (the case page listens for 'add-event'; App for
// the rest). The ids, labels and keys are the shared table in #shared/commands.
import { useEffect, useRef } from 'react'
import { COMMAND_EVENT, COMMANDS, CommandIdSchema, type CommandId } from '#shared/commands'
import { onEvent } from '../api/push-events'

export { COMMANDS, type CommandId }

export function dispatchCommand(command: CommandId): void {
  window.dispatchEvent(new CustomEvent(COMMAND_EVENT, { detail: { command } }))
}

/** The command an aa:command event carries, or null for anything malformed. */
export function commandOf(event: Event): CommandId | null {
  if (!(event instanceof CustomEvent)) return null
  const parsed = CommandIdSchema.safeParse((event.detail as { command?: unknown } | null)?.command)
  return parsed.success ? parsed.data : null
}

/** Runs `handler` whenever `command` is dispatched, while the component is mounted. */
export function useCommand(command: CommandId, handler: () => void): void {
  const latest = useRef(handler)
  useEffect(() => {
    latest.current = handler
  })
  useEffect(() => {
    const listener = (e: Event) => {
      if (commandOf(e) === command) latest.current()
    }
    window.addEventListener(COMMAND_EVENT, listener)
    return () => window.removeEventListener(COMMAND_EVENT, listener)
  }, [command])
}

/** Keys typed into a field belong to the field, never to a shortcut. */
export const isTyping = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))

/** The command a key press means, or null (a modifier held, typing in a field, a dialog open). */
export function commandForKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>, dialogOpen: boolean): CommandId | null {
  if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || dialogOpen) return null
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key
  return COMMANDS.find((c) => c.key === key)?.id ?? null
}

/** Installs the keys and the menu's push event; mount once, in App. */
export function useCommandSources(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const command = commandForKey(e, document.querySelector('dialog[open]') !== null)
      if (command === null) return
      e.preventDefault()
      dispatchCommand(command)
    }
    window.addEventListener('keydown', onKey)
    const stopMenu = onEvent('menu.command', ({ command }) => dispatchCommand(command))
    return () => {
      window.removeEventListener('keydown', onKey)
      stopMenu()
    }
  }, [])
}
