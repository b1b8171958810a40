import { useState } from 'react'
import type { AttachmentRef } from '../../../../core/schemas'
import { storedFileUrl } from '../../../../shared/files'
import { errorText } from '../../api/error-text'
import { useChannel } from '../../api/queries'
import { Dialog } from '../../ui/Dialog'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { formatBytes } from '../../ui/format'

/** The files of one event: name, size and type, each with "Open". */
export function AttachmentList({ attachments }: { attachments: ReadonlyArray<AttachmentRef> }) {
  const [open, setOpen] = useState<AttachmentRef | null>(null)
  if (attachments.length === 0) return null
  return (
    <>
      <ul className="attachments" aria-label="Attachments">
        {attachments.map((a, i) => (
          <li key={`${a.sha256}-${i}`} className="attachment" data-testid="attachment">
            <span className="attachment__name">{a.name}</span>{' '}
            <span className="muted small" data-testid="attachment-meta">
              {formatBytes(a.size)} · {a.type}
            </span>{' '}
            <button type="button" className="button button--link" onClick={() => setOpen(a)} aria-label={`Open ${a.name}`}>
              Open
            </button>
          </li>
        ))}
      </ul>
      {open && <AttachmentDialog attachment={open} onClose={() => setOpen(null)} />}
    </>
  )
}

const TEXT_TYPES = /^(text\/|application\/(json|xml)|message\/rfc822)/
const IMAGE_TYPES = /^image\/(png|jpeg|gif|webp)$/
const FRAME_TYPES = /^application\/pdf$/

/**
 * A stored file, shown from its URL (aa-file://<sha256>/<name> in the app): the bytes stream from
 * the data folder to the viewer and never cross IPC. Images, text and PDFs are previewed here (in a
 * sandboxed frame: a file may not run scripts); "Save a copy…" asks where to save it.
 */
function AttachmentDialog({ attachment: a, onClose }: { attachment: AttachmentRef; onClose: () => void }) {
  const info = useChannel('app.info', {})
  const base = info.data?.filesUrl
  const url = base === undefined ? null : storedFileUrl(base, a.sha256, a.name)
  const saveUrl = base === undefined ? null : storedFileUrl(base, a.sha256, a.name, { download: true })
  const framed = TEXT_TYPES.test(a.type) || FRAME_TYPES.test(a.type)

  return (
    <Dialog title={a.name} onClose={onClose} size="large" testId="attachment-dialog">
      <dl className="facts">
        <div>
          <dt>Size</dt>
          <dd>{formatBytes(a.size)}</dd>
        </div>
        <div>
          <dt>Type</dt>
          <dd>{a.type}</dd>
        </div>
        <div>
          <dt>SHA-256</dt>
          <dd>
            <code className="attachment__hash" data-testid="attachment-sha256">
              {a.sha256}
            </code>
          </dd>
        </div>
      </dl>
      {info.isError && <ErrorMessage title="The file cannot be shown." message={errorText(info.error)} />}
      {saveUrl && (
        <div className="form__actions">
          <a className="button button--primary" href={saveUrl} download={a.name} data-testid="attachment-save">
            Save a copy…
          </a>
          <span className="muted small">You choose where the copy goes; the original stays in the data folder.</span>
        </div>
      )}
      {url && IMAGE_TYPES.test(a.type) && <img className="attachment__image" src={url} alt={`Preview of ${a.name}`} data-testid="attachment-image" />}
      {url && framed && <iframe className="attachment__frame" src={url} title={`Preview of ${a.name}`} sandbox="" data-testid="attachment-preview" />}
      {url && !framed && !IMAGE_TYPES.test(a.type) && <p className="muted">This kind of file cannot be previewed here: save a copy to open it.</p>}
    </Dialog>
  )
}
