import { useEffect, useRef, useState } from 'react'
import type { PickedFile } from '../../../../shared/files'
import { onEvent } from '../../api/push-events'
import { errorText } from '../../api/error-text'
import { useChannelMutation } from '../../api/queries'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { formatBytes } from '../../ui/format'

type Props = {
  caseId: string
  /** Absent: each file is logged as a new note dated today. */
  eventId?: string
  label: string
  /** Names the target for screen readers; starts with the visible label ("Attach file to Request sent of Wed 2 Sep 2026"). */
  accessibleName: string
  onAttached: (message: string) => void
}

/**
 * "Attach file…": the main process opens the system's file dialog and hands the services each
 * chosen file by path; the window only learns names and sizes. The services copy each file while
 * hashing it, so the window and the command line accept the same sizes (up to 200 MB).
 */
export function AttachButton({ caseId, eventId, label, accessibleName, onAttached }: Props) {
  const pick = useChannelMutation('files.pick')
  const add = useChannelMutation('attachments.add')
  const [progress, setProgress] = useState<string | null>(null)
  const [errors, setErrors] = useState<string[]>([])

  const [over, setOver] = useState(false)
  // Set when files were dropped here; the main process answers with their tokens (files.dropped).
  const droppedHere = useRef(false)

  const attach = async () => {
    setErrors([])
    let files
    try {
      files = (await pick.mutateAsync({ multiple: true })).files
    } catch (e) {
      setErrors([`No file was picked: ${errorText(e)}`])
      return
    }
    await attachFiles(files)
  }

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
    if (done.length > 0) onAttached(`Attached ${done.join(', ')}.`)
  }

  const latest = useRef(attachFiles)
  useEffect(() => {
    latest.current = attachFiles
  })
  useEffect(
    () =>
      onEvent('files.dropped', ({ files }) => {
        if (!droppedHere.current) return
        droppedHere.current = false
        void latest.current(files)
      }),
    []
  )

  const busy = progress !== null || pick.isPending
  return (
    <div
      className={`attach${over ? ' attach--over' : ''}`}
      data-testid="attach-drop"
      onDragOver={(e) => {
        // Accepting the drag is what lets a file be dropped here (the window never navigates to it).
        e.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault()
        setOver(false)
        droppedHere.current = true
      }}
    >
      <button type="button" className="button button--small" onClick={() => void attach()} disabled={busy} aria-label={accessibleName}>
        {busy ? 'Attaching…' : label}
      </button>
      {progress && (
        <span className="muted small attach__progress" role="status">
          {progress}
        </span>
      )}
      {errors.length > 0 && (
        <div className="attach__errors">
          <ErrorMessage message={errors.join(' ')} />
        </div>
      )}
    </div>
  )
}
