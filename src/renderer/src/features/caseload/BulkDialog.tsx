// The form of one bulk action on the selected cases (assign, tag, priority, log an event, draft
// letters). The services do the work case by case and answer with what changed; the summary then
// shows in the undo bar, with its Undo.
import { useState, type FormEvent } from 'react'
import { CHANNELS, PRIORITIES } from '#core/schemas'
import type { BulkAction, BulkResultValue } from '#shared/channels/bulk'
import { errorText } from '../../api/error-text'
import { useChannel, useChannelMutation } from '../../api/queries'
import { Dialog } from '../../ui/Dialog'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { humanize, todayIso } from '../../ui/format'
import { eventTypeLabel } from '../../ui/labels'

export type BulkKind = 'assign' | 'tag' | 'priority' | 'event' | 'letters'

/** Events that need nothing but a date, a channel and a summary: the ones a batch shares. */
const BATCH_EVENTS = ['request-sent', 'request-received', 'acknowledgement', 'follow-up-sent', 'privacy-officer-escalation', 'phone-call', 'note'] as const

const TITLES: Record<BulkKind, string> = {
  assign: 'Assign to an advocate',
  tag: 'Tag or untag',
  priority: 'Set the priority',
  event: 'Log an event on every case',
  letters: 'Draft a letter for every case'
}

const words = (s: string) =>
  s
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)

type Props = { kind: BulkKind; ids: ReadonlyArray<string>; advocates: ReadonlyArray<string>; onDone: (r: BulkResultValue) => void; onClose: () => void }

export function BulkDialog({ kind, ids, advocates, onDone, onClose }: Props) {
  const bulk = useChannelMutation('cases.bulk')
  const [assignee, setAssignee] = useState('')
  const [add, setAdd] = useState('')
  const [remove, setRemove] = useState('')
  const [priority, setPriority] = useState<(typeof PRIORITIES)[number]>('high')
  const [type, setType] = useState<(typeof BATCH_EVENTS)[number]>('request-sent')
  const [date, setDate] = useState(todayIso())
  const [channel, setChannel] = useState<(typeof CHANNELS)[number] | ''>('fax')
  const [summary, setSummary] = useState('')
  const [templateId, setTemplateId] = useState('follow-up')
  const [problem, setProblem] = useState<string | null>(null)
  const templates = useChannel('letters.templates', {}, { enabled: kind === 'letters' })

  const action = (): BulkAction | string => {
    switch (kind) {
      case 'assign':
        return { kind, assignee: assignee.trim() === '' ? null : assignee.trim() }
      case 'tag':
        return words(add).length + words(remove).length === 0 ? 'Give a tag to add or to remove.' : { kind, add: words(add), remove: words(remove) }
      case 'priority':
        return { kind, priority }
      case 'event':
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return 'Give the date the event happened.'
        return { kind, event: { type, date, direction: type === 'request-received' || type === 'acknowledgement' ? 'incoming' : 'outgoing', ...(channel && { channel }), ...(summary.trim() && { summary: summary.trim() }) } }
      case 'letters':
        return { kind, templateId, values: {} }
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const a = action()
    if (typeof a === 'string') return setProblem(a)
    setProblem(null)
    bulk.mutate({ ids: [...ids], action: a }, { onSuccess: onDone })
  }

  const n = ids.length
  return (
    <Dialog title={`${TITLES[kind]} (${n === 1 ? '1 case' : `${n} cases`})`} onClose={onClose} testId="bulk-dialog">
      <form className="form" onSubmit={submit} noValidate>
        {kind === 'assign' && (
          <label className="field">
            <span className="field__label">Advocate (leave empty to clear)</span>
            <input className="input" list="bulk-advocates" value={assignee} onChange={(e) => setAssignee(e.target.value)} />
            <datalist id="bulk-advocates">
              {advocates.map((a) => (
                <option key={a} value={a} />
              ))}
            </datalist>
          </label>
        )}
        {kind === 'tag' && (
          <>
            <label className="field">
              <span className="field__label">Add tags (separate with commas)</span>
              <input className="input" value={add} onChange={(e) => setAdd(e.target.value)} />
            </label>
            <label className="field">
              <span className="field__label">Remove tags</span>
              <input className="input" value={remove} onChange={(e) => setRemove(e.target.value)} />
            </label>
          </>
        )}
        {kind === 'priority' && (
          <label className="field">
            <span className="field__label">Priority</span>
            <select className="input" value={priority} onChange={(e) => setPriority(e.target.value as (typeof PRIORITIES)[number])}>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {humanize(p)}
                </option>
              ))}
            </select>
          </label>
        )}
        {kind === 'event' && (
          <div className="form-row">
            <label className="field">
              <span className="field__label">Event</span>
              <select className="input" value={type} onChange={(e) => setType(e.target.value as (typeof BATCH_EVENTS)[number])}>
                {BATCH_EVENTS.map((t) => (
                  <option key={t} value={t}>
                    {eventTypeLabel(t)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field__label">Date</span>
              <input className="input" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
            </label>
            <label className="field">
              <span className="field__label">Channel</span>
              <select className="input" value={channel} onChange={(e) => setChannel(e.target.value as (typeof CHANNELS)[number] | '')}>
                <option value="">—</option>
                {CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {humanize(c)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field__label">Summary</span>
              <input className="input" value={summary} onChange={(e) => setSummary(e.target.value)} placeholder="e.g. Batch faxed to each holder" />
            </label>
          </div>
        )}
        {kind === 'letters' && (
          <label className="field">
            <span className="field__label">Letter</span>
            <select className="input" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
              {(templates.data ?? [])
                .filter((t) => t.side === 'advocate')
                .map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.title}
                  </option>
                ))}
            </select>
            <span className="hint">Each letter is saved into its case as a draft, until marked sent. A case missing a required fact is skipped, with the reason.</span>
          </label>
        )}
        {problem && (
          <p className="field__error" role="alert">
            {problem}
          </p>
        )}
        <ErrorMessage message={bulk.error ? errorText(bulk.error) : null} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={bulk.isPending}>
            {bulk.isPending ? 'Working…' : 'Apply to the selection'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  )
}
