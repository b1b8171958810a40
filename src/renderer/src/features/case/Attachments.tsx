import { useEffect, useMemo, useState } from 'react'
import type { AttachmentRef } from '#core/schemas'
import { call } from '../../api/client'
import { useQuery } from '../../api/use-query'
import { Dialog } from '../../ui/Dialog'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { formatBytes } from '../../ui/format'
import { base64ToBytes } from './attach-file'

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
const PREVIEW_CHARS = 50_000

/**
 * Reads the stored bytes and offers them as a download made in the window (a blob: link, which
 * needs no change to the content security policy); images and text are shown here as well.
 */
function AttachmentDialog({ attachment: a, onClose }: { attachment: AttachmentRef; onClose: () => void }) {
  const [read] = useQuery(() => call('attachments.read', { sha256: a.sha256 }), [a.sha256])
  const base64 = read.status === 'ready' ? read.data.base64 : null
  const bytes = useMemo(() => (base64 === null ? null : base64ToBytes(base64)), [base64])
  const url = useMemo(() => (bytes ? URL.createObjectURL(new Blob([bytes], { type: a.type || 'application/octet-stream' })) : null), [bytes, a.type])
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url])
  const text = useMemo(() => (bytes && TEXT_TYPES.test(a.type) ? new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, PREVIEW_CHARS * 4)) : null), [bytes, a.type])

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
      {read.status === 'loading' && <p className="muted">Reading the file…</p>}
      {read.status === 'error' && <ErrorMessage title="The file could not be read from the data folder." message={read.message} />}
      {bytes && bytes.length !== a.size && (
        <p className="warning" role="alert">
          ⚠ The stored file has {formatBytes(bytes.length)}, not the {formatBytes(a.size)} recorded when it was attached.
        </p>
      )}
      {url && (
        <div className="form__actions">
          <a className="button button--primary" href={url} download={a.name} data-testid="attachment-save">
            Save a copy…
          </a>
          <span className="muted small">The copy is written where this computer keeps downloads; the original stays in the data folder.</span>
        </div>
      )}
      {base64 !== null && IMAGE_TYPES.test(a.type) && <img className="attachment__image" src={`data:${a.type};base64,${base64}`} alt={`Preview of ${a.name}`} />}
      {text !== null && (
        <pre className="attachment__text" data-testid="attachment-text">
          {text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}\n…` : text}
        </pre>
      )}
    </Dialog>
  )
}
