// Import a full export (the zip "Export everything" makes): pick it, see what it holds and what it
// would change (records new to this folder, records that differ from the ones here, field by
// field), tick the differing ones to take, confirm. A backup is taken first; progress and cancel
// as for the CSV import. Unsafe zips (paths leaving the folder, links, bombs, wrong hashes) are refused.
import { useState } from 'react'
import { ApiError, call } from '../../api/client'
import { errorText } from '../../api/error-text'
import { newTaskId } from '../../api/push-events'
import { useChannelMutation } from '../../api/queries'
import type { ChannelOutput } from '#shared/contract'
import type { PickedFile } from '#shared/files'
import { TaskProgress } from '../../ui/TaskProgress'
import { pickFile } from './pick-file'

type Preview = ChannelOutput<'interop.importPreview'>

const show = (v: unknown): string => (v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v))

export function FullImport() {
  const [file, setFile] = useState<PickedFile | null>(null)
  const [preview, setPreview] = useState<Preview | null>(null)
  const [takeNew, setTakeNew] = useState(true)
  const [take, setTake] = useState<ReadonlySet<string>>(new Set())
  const [error, setError] = useState<string | null>(null)
  const [reading, setReading] = useState(false)
  const [taskId, setTaskId] = useState<string | null>(null)
  const importing = useChannelMutation('interop.importAll')
  const cancelled = importing.error instanceof ApiError && importing.error.code === 'CANCELLED'

  async function pick() {
    setError(null)
    importing.reset()
    try {
      const picked = await pickFile()
      if (!picked) return
      setFile(picked)
      setReading(true)
      setPreview(await call('interop.importPreview', { source: { token: picked.token } }))
      setTake(new Set())
    } catch (e) {
      setPreview(null)
      setError(errorText(e))
    } finally {
      setReading(false)
    }
  }

  function confirm() {
    if (!file || !preview) return
    const id = newTaskId()
    setTaskId(id)
    importing.mutate(
      { source: { token: file.token }, takeNew, take: [...take], taskId: id },
      {
        onSuccess: () => setPreview(null),
        onError: (e) => {
          if (!(e instanceof ApiError && e.code === 'CANCELLED')) setError(errorText(e))
        }
      }
    )
  }

  const toggle = (key: string, on: boolean) => {
    const next = new Set(take)
    if (on) next.add(key)
    else next.delete(key)
    setTake(next)
  }
  const chosen = (takeNew ? (preview?.added.length ?? 0) : 0) + take.size

  return (
    <section aria-labelledby="full-import-title">
      <h3 id="full-import-title">Import a full export (zip)</h3>
      <p>
        <button type="button" className="button" onClick={() => void pick()} disabled={reading || importing.isPending}>
          Choose an export zip…
        </button>
        {file && <span className="muted"> {file.name}</span>}
      </p>
      {reading && <p role="status">Checking {file?.name} (every file against its SHA-256)…</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {importing.isPending && taskId && <TaskProgress taskId={taskId} fallbackLabel="Importing the export" />}
      {cancelled && <p role="status">The import was cancelled; nothing was changed.</p>}
      {importing.data && (
        <p role="status">
          Imported {importing.data.written} record(s) and {importing.data.attachments} attachment(s); {importing.data.skipped} left as they were.
          {importing.data.backupId && ` Backup taken before: ${importing.data.backupId}.`}
        </p>
      )}
      {preview && (
        <div data-testid="full-import-preview">
          <p>
            {preview.name}, exported {preview.exportedAt}: {preview.counts.cases} case(s), {preview.counts.patients} patient(s), {preview.counts.organizations} organization(s),{' '}
            {preview.counts.attachments} attachment(s). {preview.unchanged} record(s) are the same here.
          </p>
          <p>
            <label>
              <input type="checkbox" checked={takeNew} onChange={(e) => setTakeNew(e.target.checked)} /> Add the {preview.added.length} record(s) this folder does not have
            </label>
          </p>
          {preview.conflicts.length > 0 && (
            <>
              <p>
                {preview.conflicts.length} record(s) differ from the ones here. Tick those to replace with the export&apos;s version (the others stay as they are):{' '}
                <button type="button" className="button button--small" onClick={() => setTake(new Set(preview.conflicts.map((c) => c.key)))}>
                  Tick all
                </button>{' '}
                <button type="button" className="button button--small" onClick={() => setTake(new Set())}>
                  Untick all
                </button>
              </p>
              <table className="table" aria-label="Records that differ">
                <thead>
                  <tr>
                    <th>Take</th>
                    <th>Record</th>
                    <th>What differs (here → in the export)</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.conflicts.map((c) => (
                    <tr key={c.key}>
                      <td>
                        <input type="checkbox" aria-label={`Take ${c.label} from the export`} checked={take.has(c.key)} onChange={(e) => toggle(c.key, e.target.checked)} />
                      </td>
                      <td>
                        {c.entity} {c.label}
                      </td>
                      <td>
                        {c.changes.slice(0, 4).map((d) => (
                          <div key={d.path}>
                            {d.path}: {show(d.ours)} → {show(d.theirs)}
                          </div>
                        ))}
                        {c.changes.length > 4 && <div className="muted">and {c.changes.length - 4} more</div>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <button type="button" className="button" disabled={chosen === 0 || importing.isPending} onClick={confirm}>
            Import {chosen} record(s)
          </button>
        </div>
      )}
    </section>
  )
}
