import { useState, type FormEvent } from 'react'
import { DEFAULT_LADDER, ESCALATION_STEP_IDS, planEscalation, type EscalationStepId, type LadderConfig } from '../../../../core/escalation'
import { errorText } from '../../api/error-text'
import { fieldErrorsOf } from '../../api/field-errors'
import { useChannelMutation } from '../../api/queries'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { DateText } from '../../ui/DateText'
import { ErrorMessage, Notice } from '../../ui/ErrorMessage'
import { SelectField, TextField } from '../../ui/Field'
import { stepLabel } from '../../ui/labels'
import { useKeptState } from '../../ui/use-kept-state'
import { summarizeErrors } from '../../ui/zod-errors'
import { checkLadderDraft, describeDelay, ladderDraftOf, moveStep, newStep, sameLadder, type LadderDraft, type StepDraft } from './ladder-draft'

const STEP_OPTIONS = ESCALATION_STEP_IDS.map((s) => ({ value: s, label: stepLabel(s) }))
// An example case for the preview: received Mon 5 Jan 2026, due 30 days later.
const EXAMPLE = { received: '2026-01-05', due: '2026-02-04' }

const errorNames = (errors: Record<string, string>) =>
  Object.fromEntries(
    Object.keys(errors).map((k) => {
      const m = /^steps\.(\d+)\.(\w+)$/.exec(k)
      const field = m?.[2] === 'after' ? 'counts from' : m?.[2]
      return [k, m ? `Step ${Number(m[1]) + 1} ${field}` : k === 'steps' ? 'Ladder' : k]
    })
  )

/** The escalation ladder: which steps, which letter each uses, and when each falls due. */
export function LadderSection({ stored }: { stored: LadderConfig | undefined }) {
  const current = stored ?? DEFAULT_LADDER
  // null: not edited, the stored ladder shows; otherwise the rows as typed, kept until saved.
  const [kept, setKept, forget] = useKeptState<LadderDraft | null>('settings.ladder-draft', null)
  const draft = kept ?? ladderDraftOf(current)
  const [localErrors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<string | null>(null)
  const update = useChannelMutation('settings.update')
  const serverError = update.error ? errorText(update.error) : null
  const saving = update.isPending
  const errors: Record<string, string> = { ...(fieldErrorsOf(update.error, ['ladder']) as Record<string, string>), ...localErrors }
  const [resetting, setResetting] = useState(false)

  const edit = (next: (d: LadderDraft) => LadderDraft) => {
    setMessage(null)
    setKept((k) => next(k ?? ladderDraftOf(current)))
  }
  const setStep = (i: number, patch: Partial<StepDraft>) => edit((d) => ({ steps: d.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)) }))
  const nudge = (i: number, by: number) => {
    const s = draft.steps[i]
    if (!s) return
    const n = /^-?\d+$/.test(s.days.trim()) ? Number(s.days) : 0
    setStep(i, { days: String(n + by) })
  }

  const checked = checkLadderDraft(draft)
  const dirty = kept !== null && !(checked.ok && sameLadder(checked.ladder, current))
  const preview = checked.ok ? planEscalation({ ladder: checked.ladder, ...EXAMPLE, takenOn: new Map(), clockRunning: true }) : null

  const save = (e: FormEvent) => {
    e.preventDefault()
    update.reset()
    setMessage(null)
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    setErrors({})
    update.mutate(
      { ladder: checked.ladder },
      {
        onSuccess: () => {
          setKept(null)
          forget()
          setMessage('Saved the escalation ladder. Every case’s next step now follows it.')
        }
      }
    )
  }

  const shownErrors = Object.keys(errors).length > 0 ? errors : {}
  return (
    <section className="panel" aria-labelledby="ladder-title" data-testid="ladder">
      <h3 id="ladder-title" className="panel__title">
        Escalation ladder <span className="muted panel__aside">{stored ? 'your own' : 'the default'}</span>
      </h3>
      <p className="hint">
        What to do, in order, when records are late, and when each step falls due: counted in calendar days from the due date or from an earlier step (the day it
        was taken, else the day it was due). A negative number of days is before.
      </p>
      <form className="form" onSubmit={save} noValidate data-testid="ladder-form">
        <ol className="ladder">
          {draft.steps.map((s, i) => {
            const n = i + 1
            const earlier = draft.steps.slice(0, i).map((x) => x.step)
            const afterOptions = [
              { value: 'due', label: 'The due date' },
              ...(s.after !== 'due' && !earlier.includes(s.after) ? [s.after] : []).map((x) => ({ value: x, label: `${stepLabel(x)} (not earlier!)` })),
              ...earlier.map((x) => ({ value: x, label: stepLabel(x) }))
            ]
            const days = Number(s.days)
            return (
              <li key={s.key} className="ladder__step repeat-row" data-testid="ladder-step">
                <div className="form__row">
                  <SelectField label={`Step ${n}`} value={s.step} onChange={(v) => setStep(i, { step: v as EscalationStepId })} options={STEP_OPTIONS} error={shownErrors[`steps.${i}.step`]} />
                  <TextField label={`Step ${n}: letter`} value={s.letter} onChange={(v) => setStep(i, { letter: v })} error={shownErrors[`steps.${i}.letter`]} />
                  <SelectField
                    label={`Step ${n}: counts from`}
                    value={s.after}
                    onChange={(v) => setStep(i, { after: v as StepDraft['after'] })}
                    options={afterOptions}
                    error={shownErrors[`steps.${i}.after`]}
                  />
                  <div className="ladder__days">
                    <TextField label={`Step ${n}: days`} value={s.days} onChange={(v) => setStep(i, { days: v })} inputMode="numeric" error={shownErrors[`steps.${i}.days`]} />
                    <button type="button" className="button button--small" onClick={() => nudge(i, -1)} aria-label={`Step ${n}: one day earlier`}>
                      −
                    </button>
                    <button type="button" className="button button--small" onClick={() => nudge(i, 1)} aria-label={`Step ${n}: one day later`}>
                      +
                    </button>
                  </div>
                </div>
                <div className="ladder__row-foot">
                  <span className="muted small" data-testid="ladder-step-reads">
                    {Number.isInteger(days) && s.days.trim() !== ''
                      ? `${stepLabel(s.step)}: ${describeDelay(days, s.after === 'due' ? 'the due date' : stepLabel(s.after))}`
                      : `${stepLabel(s.step)}: the number of days is missing`}
                  </span>
                  <span className="ladder__actions">
                    <button type="button" className="button button--small button--ghost" disabled={i === 0} onClick={() => edit((d) => moveStep(d, i, -1))} aria-label={`Move step ${n} up`}>
                      ↑ Up
                    </button>
                    <button
                      type="button"
                      className="button button--small button--ghost"
                      disabled={i === draft.steps.length - 1}
                      onClick={() => edit((d) => moveStep(d, i, 1))}
                      aria-label={`Move step ${n} down`}
                    >
                      ↓ Down
                    </button>
                    <button type="button" className="button button--small button--ghost" onClick={() => edit((d) => ({ steps: d.steps.filter((_, j) => j !== i) }))}>
                      Remove step {n}
                    </button>
                  </span>
                </div>
              </li>
            )
          })}
        </ol>
        {draft.steps.length < ESCALATION_STEP_IDS.length && (
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              edit((d) => {
                const s = newStep(d)
                return s ? { steps: [...d.steps, s] } : d
              })
            }
          >
            Add step
          </button>
        )}

        {preview && (
          <div className="ladder__preview" data-testid="ladder-preview">
            <span className="muted small">
              For a request received <DateText value={EXAMPLE.received} /> and due <DateText value={EXAMPLE.due} />:
            </span>
            <ul className="inline-list small">
              {preview.steps.map((p) => (
                <li key={p.step}>
                  {stepLabel(p.step)} <DateText value={p.due} />
                </li>
              ))}
            </ul>
          </div>
        )}

        {Object.keys(shownErrors).length > 0 && (
          <div className="error-message" role="alert">
            The ladder was not saved. Please correct: {summarizeErrors(shownErrors, errorNames(shownErrors))}
          </div>
        )}
        <ErrorMessage title="The ladder was not saved." message={serverError} />
        <Notice message={message} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={saving || !dirty}>
            {saving ? 'Saving…' : 'Save ladder'}
          </button>
          <button
            type="button"
            className="button"
            disabled={kept === null}
            onClick={() => {
              setKept(null)
              forget()
              setErrors({})
              update.reset()
            }}
          >
            Discard changes
          </button>
          <button type="button" className="button button--danger-outline form__actions-end" disabled={!stored} onClick={() => setResetting(true)}>
            Reset to default…
          </button>
        </div>
      </form>
      {resetting && (
        <ConfirmDialog
          title="Reset the escalation ladder to the default?"
          confirmLabel="Reset to default"
          onClose={() => setResetting(false)}
          onConfirm={async () => {
            await update.mutateAsync({ ladder: null })
            setKept(null)
            forget()
            setErrors({})
            setResetting(false)
            setMessage('The default ladder applies again.')
          }}
        >
          <p>
            Your own steps are replaced by the default: a follow-up 7 days before the due date, the privacy officer the day after it, notice of intent a week later,
            then the OCR complaint and the information-blocking report a week after that.
          </p>
        </ConfirmDialog>
      )}
    </section>
  )
}
