// The workspace's perspective as the labels see it: set once the settings load (PerspectiveSync),
// read by eventTypeLabel and useWords. The window's body is remounted when it changes (App.tsx), so
// every label drawn after the switch reads the new words.
import { useSyncExternalStore } from 'react'
import { wordsFor, type Words } from '#core/perspective'
import type { Perspective } from '#core/schemas'

let current: Perspective = 'advocate'
const listeners = new Set<() => void>()

export function setWordingPerspective(p: Perspective): void {
  if (p === current) return
  current = p
  for (const l of listeners) l()
}

export const wordingPerspective = (): Perspective => current

const subscribe = (l: () => void) => {
  listeners.add(l)
  return () => listeners.delete(l)
}

export function usePerspective(): Perspective {
  return useSyncExternalStore(subscribe, wordingPerspective)
}

export function useWords(): Words {
  return wordsFor(usePerspective())
}
