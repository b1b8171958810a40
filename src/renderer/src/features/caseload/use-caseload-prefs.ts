// The caseload's remembered layout and view, kept in settings (caseload.prefs): loaded once, then
// held here and written back shortly after each change, so a restart opens the caseload as it was
// left. Typing in the search box writes once the typing stops, not on every key.
import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef } from 'react'
import type { CaseloadPrefs } from '#core/schemas'
import { call } from '../../api/client'
import { queryKey, useChannel } from '../../api/queries'

const SAVE_AFTER_MS = 400

export type PrefsPatch = Partial<CaseloadPrefs>

export function useCaseloadPrefs(): { prefs: CaseloadPrefs | undefined; error: unknown; update: (patch: PrefsPatch) => void } {
  const client = useQueryClient()
  const read = useChannel('caseload.prefs', {})
  const pending = useRef<PrefsPatch>({})
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  const flush = useCallback(() => {
    timer.current = null
    const patch = pending.current
    pending.current = {}
    if (Object.keys(patch).length > 0) void call('caseload.savePrefs', patch).catch(() => undefined)
  }, [])

  // Leaving the page still saves what was changed last.
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current)
        flush()
      }
    },
    [flush]
  )

  const update = useCallback(
    (patch: PrefsPatch) => {
      client.setQueryData<CaseloadPrefs>(queryKey('caseload.prefs', {}), (old) => ({ ...(old ?? { density: 'compact' }), ...patch }))
      pending.current = { ...pending.current, ...patch }
      if (timer.current) clearTimeout(timer.current)
      timer.current = setTimeout(flush, SAVE_AFTER_MS)
    },
    [client, flush]
  )
  return { prefs: read.data, error: read.error, update }
}
