// "Generate letters for every overdue case" (or every case not yet due, or every case whose next
// ladder step is this letter, due now): one letter per case, saved into each case as a draft. One
// call does the work in the services; its progress arrives as task.progress push events and Cancel
// stops it between cases (tasks.cancel); then what was made and what was skipped and why.
import { useState } from 'react'
import type { BulkResultValue } from '#shared/channels/letters'
import { call } from '../../api/client'
import { errorText } from '../../api/error-text'
import { newTaskId } from '../../api/push-events'
import { useChannel } from '../../api/queries'
import { Dialog } from '../../ui/Dialog'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { SelectField } from '../../ui/Field'
import { TaskProgress } from '../../ui/TaskProgress'
import './letters.css'

type Filter = 'overdue' | 'awaiting' | 'next-step'

export function BulkLettersDialog({ onClose, onChanged }: { onClose: () => void; onChanged: () => void }) {
  const templates = useChannel('letters.templates', {})
  const [templateId, setTemplateId] = useState('follow-up')
  const [filter, setFilter] = useState<Filter>('overdue')
  const [taskId, setTaskId] = useState<string | null>(null)
  const [result, setResult] = useState<BulkResultValue | null>(null)
  const [error, setError] = useState<string | null>(null)

  const start = async () => {
    setError(null)
    setResult(null)
    const id = newTaskId()
    setTaskId(id)
    try {
      setResult(await call('letters.bulk', { templateId, filter, taskId: id }))
      onChanged()
    } catch (e) {
      setError(errorText(e))
    } finally {
      setTaskId(null)
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
      {taskId ? (
        <div data-testid="bulk-progress">
          <TaskProgress taskId={taskId} fallbackLabel="Making the letters" />
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
                  {s.patient ? `${s.patient} ` : ''}
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
