import { useRef, useState } from 'react'
import { call } from '../../api/client'
import { errorText } from '../../api/error-text'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { formatBytes } from '../../ui/format'
import { readAsBase64, refusalOf } from './attach-file'

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
 * "Attach file…": picks one or more files and sends each to the services. Files over the window's
 * limit are refused here with the reason; the others are attached one after another.
 */
export function AttachButton({ caseId, eventId, label, accessibleName, onAttached }: Props) {
  const input = useRef<HTMLInputElement>(null)
  const [progress, setProgress] = useState<string | null>(null)
  const [errors, setErrors] = useState<string[]>([])

  const attach = async (files: File[]) => {
    setErrors([])
    const problems: string[] = []
    const done: string[] = []
    for (const [i, file] of files.entries()) {
      const refusal = refusalOf(file)
      if (refusal) {
        problems.push(refusal)
        continue
      }
      setProgress(`Attaching ${files.length > 1 ? `${i + 1} of ${files.length}: ` : ''}${file.name} (${formatBytes(file.size)})…`)
      try {
        const base64 = await readAsBase64(file)
        await call('attachments.add', { caseId, ...(eventId ? { eventId } : {}), name: file.name, base64 })
        done.push(file.name)
      } catch (e) {
        problems.push(`${file.name} was not attached: ${errorText(e)}`)
      }
    }
    setProgress(null)
    setErrors(problems)
    if (done.length > 0) onAttached(`Attached ${done.join(', ')}.`)
  }

  return (
    <div className="attach">
      <input
        ref={input}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? [])
          // Cleared at once, so picking the same file again fires a change.
          e.target.value = ''
          if (files.length > 0) void attach(files)
        }}
      />
      <button type="button" className="button button--small" onClick={() => input.current?.click()} disabled={progress !== null} aria-label={accessibleName}>
        {progress ? 'Attaching…' : label}
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
