// "Back up now", wherever it is offered: one backup at a time per button, its error kept for the
// button's owner to show, and every backup status on screen told (a backup clears a failed daily one).
import { useState } from 'react'
import type { BackupInfoValue } from '#shared/channels/data'
import { call } from '../../api/client'
import { errorText } from '../../api/error-text'
import { announceBackupMade } from './use-backup-status'

export type BackUpNow = {
  busy: boolean
  error: string | null
  /** Resolves with the new backup, or null when it failed (then `error` says why). */
  run: () => Promise<BackupInfoValue | null>
}

export function useBackUpNow(): BackUpNow {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = async (): Promise<BackupInfoValue | null> => {
    setBusy(true)
    setError(null)
    try {
      const made = await call('backup.now', {})
      announceBackupMade()
      return made
    } catch (e) {
      setError(errorText(e))
      return null
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, run }
}
