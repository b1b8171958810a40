// Attaching files (picked or dropped) to an event, or to a new note dated today: one at a time,
// with progress, each failure named with its file; the services copy and hash every file.
import { useState } from 'react'
import type { PickedFile } from '#shared/files'
import { errorText } from '../../api/error-text'
import { useChannelMutation } from '../../api/queries'
import { formatBytes } from '../../ui/format'

export type Attacher = {
  attachFiles: (files: ReadonlyArray<PickedFile>) => Promise<void>
  progress: string | null
  errors: string[]
  setErrors: (errors: string[]) => void
}

export function useAttachFiles(caseId: string, eventId: string | undefined, onAttached: (message: string) => void): Attacher {
  const add = useChannelMutation('attachments.add')
  const [progress, setProgress] = useState<string | null>(null)
  const [errors, setErrors] = useState<string[]>([])
  const attachFiles = async (files: ReadonlyArray<PickedFile>) => {
    setErrors([])
    const problems: string[] = []
    const done: string[] = []
    for (const [i, file] of files.entries()) {
      setProgress(`Attaching ${files.length > 1 ? `${i + 1} of ${files.length}: ` : ''}${file.name} (${formatBytes(file.size)})…`)
      try {
        await add.mutateAsync({ caseId, ...(eventId ? { eventId } : {}), token: file.token })
        done.push(file.name)
      } catch (e) {
        problems.push(`${file.name} was not attached: ${errorText(e)}`)
      }
    }
    setProgress(null)
    setErrors(problems)
    if (done.length > 0) onAttached(`Attached ${done.join(', ')}${eventId ? '' : ' (logged as a note dated today)'}.`)
  }
  return { attachFiles, progress, errors, setErrors }
}
