import { errorText } from '../../api/error-text'
import { useChannelMutation } from '../../api/queries'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { useFileDropZone } from './file-drop'
import { useAttachFiles, type Attacher } from './use-attach-files'

type Props = {
  caseId: string
  /** Absent: each file is logged as a new note dated today. */
  eventId?: string
  label: string
  /** Names the target for screen readers; starts with the visible label ("Attach file to Request sent of Wed 2 Sep 2026"). */
  accessibleName: string
  onAttached: (message: string) => void
  /** The attaching state of the zone around the button (an event row), so progress and errors show once. */
  attacher?: Attacher
}

/**
 * "Attach file…": the main process opens the system's file dialog and hands the services each
 * chosen file by path; the window only learns names and sizes. The services copy each file while
 * hashing it, so the window and the command line accept the same sizes (up to 200 MB). Files can
 * also be dropped on the button (and, around it, on the event or the case: see file-drop.ts).
 */
export function AttachButton({ caseId, eventId, label, accessibleName, onAttached, attacher }: Props) {
  const pick = useChannelMutation('files.pick')
  const own = useAttachFiles(caseId, eventId, onAttached)
  const { attachFiles, progress, errors, setErrors } = attacher ?? own
  const drop = useFileDropZone((files) => void attachFiles(files))

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

  const busy = progress !== null || pick.isPending
  return (
    <div className={`attach${drop.over ? ' attach--over' : ''}`} data-testid="attach-drop" {...drop.props}>
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
