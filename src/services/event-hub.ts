// The services' side of pushed events: one hub per front door. The services emit; Electron's main
// process forwards each event to its window, the e2e harness into its page, tests listen directly.
// Every payload is checked against the contract before anyone hears it, so no front door can be
// handed something the window would refuse.
import { events, type EventName, type EventPayload } from '#shared/event-contract'

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void

export type EventHub = {
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void
  /** Hears every event from now on; returns the way to stop. */
  subscribe: (listener: EventListener) => () => void
}

export function createEventHub(options: { logError?: (event: string, error: unknown) => void } = {}): EventHub {
  const listeners = new Set<EventListener>()
  return {
    emit(event, payload) {
      const parsed = events[event].safeParse(payload)
      if (!parsed.success) {
        options.logError?.(event, parsed.error)
        return
      }
      for (const listener of [...listeners]) {
        try {
          listener(event, parsed.data as EventPayload<typeof event>)
        } catch (error) {
          // A listener that throws (a window closing mid-send) must not stop the work that emitted.
          options.logError?.(event, error)
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}
