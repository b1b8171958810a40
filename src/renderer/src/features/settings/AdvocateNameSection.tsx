import { useState, type FormEvent } from 'react'
import { errorText } from '../../api/error-text'
import { fieldErrorsOf } from '../../api/field-errors'
import { useChannelMutation } from '../../api/queries'
import { ErrorMessage, Notice } from '../../ui/ErrorMessage'
import { TextField } from '../../ui/Field'
import { useKeptState } from '../../ui/use-kept-state'

/** The name written into the audit trail (and, later, letters). */
export function AdvocateNameSection({ current }: { current: string }) {
  // null: not edited, the stored name shows; a string: what was typed, kept until it is saved.
  const [typed, setTyped, forget] = useKeptState<string | null>('settings.advocate-name', null)
  const [saved, setSaved] = useState<string | null>(null)
  const save = useChannelMutation('settings.update')
  const error = save.error ? errorText(save.error) : null
  const saving = save.isPending
  const fieldError = fieldErrorsOf(save.error, ['advocateName'])['form']
  const value = typed ?? current
  const changed = typed !== null && typed.trim() !== current
  const tooLong = value.trim().length > 500

  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.reset()
    setSaved(null)
    if (tooLong) return
    const name = value.trim()
    save.mutate(
      { advocateName: name },
      {
        onSuccess: () => {
          setTyped(null)
          forget()
          setSaved(name ? `Changes will be recorded as made by ${name}.` : 'Changes will be recorded without a name.')
        }
      }
    )
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
          error={tooLong ? 'is too long (at most 500 characters)' : fieldError}
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
