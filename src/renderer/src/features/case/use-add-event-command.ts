// "Add event" one keystroke away: `a` (or `e`) on the case page, and the app-wide command
// ('aa:command' with { command: 'add-event' }, dispatched by the app menu and the shortcut list).
// A keystroke typed into a field, with a modifier, or while a dialog is open is left alone.
import { useEffect, useRef } from 'react'

export const ADD_EVENT_KEYS: ReadonlyArray<string> = ['a', 'e']

const isTyping = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))

type CommandDetail = { command?: unknown }

export function useAddEventCommand(enabled: boolean, open: () => void): void {
  const latest = useRef(open)
  useEffect(() => {
    latest.current = open
  })
  useEffect(() => {
    if (!enabled) return
    const onKey = (e: KeyboardEvent) => {
      if (!ADD_EVENT_KEYS.includes(e.key) || e.ctrlKey || e.metaKey || e.altKey || e.repeat || isTyping(e.target)) return
      if (document.querySelector('dialog[open]')) return
      e.preventDefault()
      latest.current()
    }
    const onCommand = (e: Event) => {
      const detail = (e as CustomEvent<CommandDetail>).detail
      if (detail?.command !== 'add-event') return
      latest.current()
    }
    window.addEventListener('keydown', onKey)
    window.addEventListener('aa:command', onCommand)
    return () => {
      window.removeEventListener('keydown', onKey)
      window.removeEventListener('aa:command', onCommand)
    }
  }, [enabled])
}
