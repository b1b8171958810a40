import { useState, type FormEvent } from 'react'
import { call } from '../../api/client'
import { errorText } from '../../api/error-text'
import { ErrorMessage, Notice } from '../../ui/ErrorMessage'
import { TextField } from '../../ui/Field'
import { useKeptState } from '../../ui/use-kept-state'

/** The name written into the audit trail (and, later, letters). */
export function AdvocateNameSection({ current, onSaved }: { current: string; onSaved: () => void }) {
  // null: not edited, the stored name shows; a string: what was typed, kept until it is saved.
  const [typed, setTyped, forget] = useKeptState<string | null>('settings.advocate-name', null)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const value = typed ?? current
  const changed = typed !== null && typed.trim() !== current
  const tooLong = value.trim().length > 500

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setError(null)
    setSaved(null)
    if (tooLong) return
    setSaving(true)
    try {
      await call('settings.update', { advocateName: value.trim() })
      setTyped(null)
      forget()
      setSaved(value.trim() ? `Changes will be recorded as made by ${value.trim()}.` : 'Changes will be recorded without a name.')
      onSaved()
    } catch (err) {
      setError(errorText(err))
    } finally {
      setSaving(false)
    }
  }

  return (
    <section className="panel" aria-labelledby="advocate-title">
      <h3 id="advocate-title" className="panel__title">
        Your name
      </h3>
      <form className="form form--narrow" onSubmit={submit} noValidate data-testid="advocate-form">
        <TextField
          label="Name for the audit trail"
          value={value}
          onChange={(v) => {
            setSaved(null)
            setTyped(v)
          }}
          hint="Every change you make to a case is recorded with this name."
          error={tooLong ? 'is too long (at most 500 characters)' : undefined}
        />
        <ErrorMessage title="Not saved." message={error} />
        <Notice message={saved} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={saving || !changed}>
            {saving ? 'Saving…' : 'Save name'}
          </button>
        </div>
      </form>
    </section>
  )
}
