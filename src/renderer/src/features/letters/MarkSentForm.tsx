// "Mark sent": the date, how it went out (fax, certified mail…), the fax number or article number,
// and the proof of delivery. Only then does the letter become the event that moves the clocks.
import { useState } from 'react'
import { CHANNELS, type LetterRecord } from '#core/schemas'
import { call } from '../../api/client'
import { errorText } from '../../api/error-text'
import { dateFieldValue } from '../../ui/date-input'
import { DateField } from '../../ui/DateField'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { SelectField, TextField } from '../../ui/Field'
import { readAsBase64, refusalOf } from './read-file'

export function MarkSentForm({ caseId, letter, today, onSent }: { caseId: string; letter: LetterRecord; today: string; onSent: () => void }) {
  const [date, setDate] = useState(today)
  const [channel, setChannel] = useState<(typeof CHANNELS)[number]>('fax')
  const [detail, setDetail] = useState('')
  const [proof, setProof] = useState<File | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const submit = async () => {
    setSaving(true)
    setError(null)
    try {
      const refusal = proof ? refusalOf(proof) : null
      if (refusal) throw new Error(refusal)
      const sentOn = dateFieldValue(date, { required: true })
      if (!sentOn.iso) throw new Error(`Sent on: ${sentOn.error ?? 'enter the date'}`)
      await call('letters.markSent', {
        caseId, letterId: letter.id, date: sentOn.iso, channel,
        ...(detail.trim() ? { channelDetail: detail.trim() } : {}),
        ...(proof ? { proof: { name: proof.name, base64: await readAsBase64(proof) } } : {})
      })
      onSent()
    } catch (e) {
      setError(errorText(e))
    } finally {
      setSaving(false)
    }
  }
  return (
    <form className="mark-sent" aria-label="Mark sent" onSubmit={(e) => { e.preventDefault(); void submit() }}>
      <h3>Mark sent</h3>
      <div className="form-row">
        <DateField label="Sent on" value={date} onChange={setDate} required />
        <SelectField label="Sent by" value={channel} onChange={(v) => setChannel(v as (typeof CHANNELS)[number])} options={CHANNELS.map((c) => ({ value: c, label: c.replace('-', ' ') }))} />
        <TextField label="Fax number, article number or address" value={detail} onChange={setDetail} hint="Written into the event as the proof of delivery." />
      </div>
      <label className="field">
        <span className="field__label">Proof of delivery (optional)</span>
        <input type="file" onChange={(e) => setProof(e.target.files?.[0] ?? null)} />
      </label>
      <ErrorMessage message={error} />
      <button type="submit" className="button button--primary" disabled={saving}>
        {saving ? 'Saving…' : 'Mark sent'}
      </button>
    </form>
  )
}
