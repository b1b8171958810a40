// E-mail into a case: pick .eml or .msg files, or drop them on the button. Each message becomes a
// correspondence event (date, direction, subject, text, attachments) with the original kept; one
// already imported (same Message-ID) is skipped, and the window says so file by file.
import { useEffect, useRef, useState } from 'react'
import type { ChannelOutput } from '#shared/contract'
import type { PickedFile } from '#shared/files'
import { errorText } from '../../api/error-text'
import { onEvent } from '../../api/push-events'
import { useChannelMutation } from '../../api/queries'
import { pickFiles } from './pick-file'
import { formatDay } from '../../ui/format'

type Outcome = ChannelOutput<'interop.importEml'>[number]

const describe = (o: Outcome): string =>
  o.status === 'imported' ? `${o.file}: imported as an ${o.direction} message of ${formatDay(o.date)}, “${o.subject}”${o.attachments ? `, ${o.attachments} attachment(s)` : ''}` : `${o.file}: skipped (${o.reason})`

export function EmailImport({ caseId }: { caseId: string }) {
  const importEml = useChannelMutation('interop.importEml')
  const [lines, setLines] = useState<string[]>([])
  const [error, setError] = useState<string | null>(null)
  const [over, setOver] = useState(false)
  const droppedHere = useRef(false)

  const run = (files: ReadonlyArray<PickedFile>) => {
    setError(null)
    setLines([])
    const messages = files.filter((f) => /\.(eml|msg)$/i.test(f.name))
    const others = files.filter((f) => !messages.includes(f)).map((f) => `${f.name}: skipped (only .eml and .msg messages are imported here; attach other files to an event)`)
    if (messages.length === 0) {
      setLines(others)
      return
    }
    importEml.mutate(
      { caseId, files: messages.map((f) => ({ token: f.token })) },
      { onSuccess: (r) => setLines([...r.map(describe), ...others]), onError: (e) => setError(errorText(e)) }
    )
  }

  const latest = useRef(run)
  useEffect(() => {
    latest.current = run
  })
  useEffect(
    () =>
      onEvent('files.dropped', ({ files }) => {
        if (!droppedHere.current) return
        droppedHere.current = false
        latest.current(files)
      }),
    []
  )

  async function pick() {
    try {
      const files = await pickFiles()
      if (files.length > 0) run(files)
    } catch (e) {
      setError(`No file was picked: ${errorText(e)}`)
    }
  }

  return (
    <span
      className={`attach${over ? ' attach--over' : ''}`}
      data-testid="email-drop"
      onDragOver={(e) => {
        e.preventDefault()
        // This zone owns a drop on it: the case page's own zone (files become a note) must not take it too.
        e.stopPropagation()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault()
        e.stopPropagation()
        setOver(false)
        droppedHere.current = true
      }}
    >
      <button type="button" className="button" onClick={() => void pick()} disabled={importEml.isPending}>
        {importEml.isPending ? 'Importing e-mail…' : 'Import e-mail (.eml, .msg)…'}
      </button>
      {lines.length > 0 && (
        <div role="status">
          <ul aria-label="E-mail import" className="small">
            {lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </div>
      )}
      {error && (
        <span role="alert" className="error">
          {' '}
          {error}
        </span>
      )}
    </span>
  )
}
