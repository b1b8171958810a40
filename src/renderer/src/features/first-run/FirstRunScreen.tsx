import { useState } from 'react'
import type { Perspective } from '#core/schemas'
import { errorText } from '../../api/error-text'
import { useChannelMutation } from '../../api/queries'
import { useDataFolder } from '../../app/data-folder'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { TextAreaField, TextField } from '../../ui/Field'
import { issuesOf } from '#shared/errors'
import { ApiError } from '../../api/client'

const CHOICES: ReadonlyArray<{ value: Perspective; title: string; text: string }> = [
  { value: 'advocate', title: 'I help patients get their records', text: 'Requests you send to hospitals, clinics and labs on a patient’s behalf, their deadlines, follow-ups and complaints.' },
  { value: 'practice', title: 'Our office answers records requests', text: 'Requests your practice or records office receives: prove each is answered on time, at a lawful fee, in the format asked for.' }
]

/**
 * The first run of a data folder: whose side the app takes, the name for letters and the audit
 * trail, the office and signature block, and the sample caseload to explore first.
 */
export function FirstRunScreen() {
  const setup = useChannelMutation('workspace.setup')
  const skip = useChannelMutation('workspace.skipSetup')
  const folder = useDataFolder()
  const [perspective, setPerspective] = useState<Perspective | null>(null)
  const [name, setName] = useState('')
  const [office, setOffice] = useState('')
  const [signature, setSignature] = useState('')
  const [withSample, setWithSample] = useState(false)
  const [missing, setMissing] = useState(false)
  // The setup's fields sit at the root of its input: each issue's first path element is the field.
  const errors: Partial<Record<string, string>> = {}
  if (setup.error instanceof ApiError) for (const i of issuesOf(setup.error.value)) errors[String(i.path[0])] ??= i.message

  const submit = async () => {
    if (!perspective) {
      setMissing(true)
      return
    }
    await setup.mutateAsync({
      perspective,
      ...(name.trim() && { name: name.trim() }),
      ...(office.trim() && { officeName: office.trim() }),
      ...(signature.trim() && { signatureBlock: signature.trim() })
    })
    if (withSample) await folder.switchTo('sample')
  }

  return (
    <section className="page first-run" aria-labelledby="first-run-title" data-testid="first-run">
      <h2 id="first-run-title">Welcome to Access Advocate</h2>
      <p>Three questions to set up this data folder. You can change every answer later in Settings.</p>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault()
          void submit().catch(() => undefined)
        }}
      >
        <fieldset className="fieldset" aria-describedby={missing && !perspective ? 'perspective-error' : undefined}>
          <legend>1. Whose side do you work on?</legend>
          {CHOICES.map((c) => (
            <label key={c.value} className="choice">
              <input type="radio" name="perspective" value={c.value} checked={perspective === c.value} onChange={() => setPerspective(c.value)} />
              <span>
                <strong>{c.title}</strong> <span className="muted">({c.value === 'advocate' ? 'advocate' : 'practice'})</span>
                <br />
                {c.text}
              </span>
            </label>
          ))}
          {missing && !perspective && (
            <p id="perspective-error" className="field__error" role="alert">
              Choose one: it sets the words, the deadlines watched and the letters offered.
            </p>
          )}
        </fieldset>
        <fieldset className="fieldset">
          <legend>2. Who signs the letters?</legend>
          <TextField label={perspective === 'practice' ? 'Your name (the staff member handling requests)' : 'Your name'} value={name} onChange={setName} error={errors['name']} hint="Written into the audit trail and under each letter." />
          <TextField label={perspective === 'practice' ? 'The practice’s name' : 'Your organization (optional)'} value={office} onChange={setOffice} error={errors['officeName']} />
          <TextAreaField label="Signature block" value={signature} onChange={setSignature} rows={3} error={errors['signatureBlock']} hint="The lines under your name: title, address, phone." />
        </fieldset>
        <fieldset className="fieldset">
          <legend>3. Start with an example?</legend>
          <label className="choice">
            <input type="checkbox" checked={withSample} onChange={(e) => setWithSample(e.target.checked)} />
            <span>Explore a made-up sample caseload first (kept in a folder of its own; a banner takes you back to your own data).</span>
          </label>
        </fieldset>
        <ErrorMessage message={setup.error ? errorText(setup.error) : skip.error ? errorText(skip.error) : null} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={setup.isPending}>
            {setup.isPending ? 'Saving…' : 'Start'}
          </button>
          <button type="button" className="button button--ghost" onClick={() => skip.mutate({})} disabled={skip.isPending}>
            Not now
          </button>
        </div>
      </form>
    </section>
  )
}
