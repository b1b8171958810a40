// "Generate letters for every overdue case" (or every case not yet due, or every case whose next
// ladder step is this letter): one letter per case, saved into each case as a draft, with progress
// and Cancel, then what was made and what was skipped and why. The window asks for one case at a
// time, so progress and cancel need no push events; the service's bulk progress callback is there
// for when they come.
import { useRef, useState } from 'react'
import type { BulkResultValue } from '#shared/channels/letters'
import { call } from '../../api/client'
import { errorText } from '../../api/error-text'
import { useChannel } from '../../api/queries'
import { Dialog } from '../../ui/Dialog'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { SelectField } from '../../ui/Field'
import './letters.css'

type Filter = 'overdue' | 'awaiting' | 'next-step'

export function BulkLettersDialog({ onClose, onChanged }: { onClose: () => void; onChanged: () => void }) {
  const templates = useChannel('letters.templates', {})
  const [templateId, setTemplateId] = useState('follow-up')
  const [filter, setFilter] = useState<Filter>('overdue')
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [result, setResult] = useState<BulkResultValue | null>(null)
  const [error, setError] = useState<string | null>(null)
  const cancelled = useRef(false)

  const start = async () => {
    setError(null)
    setResult(null)
    cancelled.current = false
    try {
      const list = await call('cases.list', filter === 'next-step' ? {} : { status: [filter] })
      const ids = (filter === 'next-step' ? list.filter((c) => c.nextStep?.letter === templateId) : list).map((c) => c.id)
      const summary: BulkResultValue = { made: [], skipped: [], cancelled: false }
      setProgress({ done: 0, total: ids.length })
      for (const [i, caseId] of ids.entries()) {
        if (cancelled.current) {
          summary.cancelled = true
          break
        }
        const r = await call('letters.bulk', { templateId, caseIds: [caseId] })
        summary.made.push(...r.made)
        summary.skipped.push(...r.skipped)
        setProgress({ done: i + 1, total: ids.length })
      }
      setResult(summary)
      onChanged()
    } catch (e) {
      setError(errorText(e))
    } finally {
      setProgress(null)
    }
  }

  const options = (templates.data ?? []).filter((t) => t.side === 'advocate').map((t) => ({ value: t.id, label: t.title }))
  return (
    <Dialog title="Generate letters in bulk" onClose={onClose} testId="bulk-letters">
      <div className="form-row">
        <SelectField label="Letter" value={templateId} onChange={setTemplateId} options={options} />
        <SelectField label="For" value={filter} onChange={(v) => setFilter(v as Filter)} options={[{ value: 'overdue', label: 'every overdue case' }, { value: 'awaiting', label: 'every case not yet due' }, { value: 'next-step', label: 'every case whose next step is this letter' }]} />
      </div>
      <ErrorMessage message={error} />
      {progress ? (
        <div role="status" data-testid="bulk-progress">
          <progress max={progress.total} value={progress.done} /> {progress.done} of {progress.total}{' '}
          <button type="button" className="button" onClick={() => (cancelled.current = true)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" className="button button--primary" onClick={() => void start()}>
          Generate
        </button>
      )}
      {result && (
        <div role="status" data-testid="bulk-summary">
          <p>
            {result.made.length} made, {result.skipped.length} skipped{result.cancelled ? ' (cancelled)' : ''}. Each letter is a draft in its case until marked sent.
          </p>
          {result.skipped.length > 0 && (
            <ul>
              {result.skipped.map((s) => (
                <li key={s.caseId}>
                  <code>{s.caseId}</code>: {s.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Dialog>
  )
}
