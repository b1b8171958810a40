// Today's settings: desktop notifications (opt-out) and how long to wait for an agency to
// acknowledge a complaint before Today asks you to check.
import { useState, type FormEvent } from 'react'
import { AGENCY_CHECK_DEFAULT_DAYS, AgencyCheckDaysSchema } from '#core/escalation'
import { errorText } from '../../api/error-text'
import { useChannelMutation } from '../../api/queries'
import { ErrorMessage, Notice } from '../../ui/ErrorMessage'
import { TextField } from '../../ui/Field'

export function TodaySettingsSection({ notify, checkDays }: { notify: boolean; checkDays: number | undefined }) {
  const save = useChannelMutation('settings.update')
  const [days, setDays] = useState<string>(checkDays === undefined ? '' : String(checkDays))
  const [saved, setSaved] = useState<string | null>(null)
  const [dayError, setDayError] = useState<string | undefined>(undefined)

  const submitDays = (e: FormEvent) => {
    e.preventDefault()
    setSaved(null)
    const typed = days.trim()
    if (typed === '') {
      save.mutate({ agencyCheckDays: null }, { onSuccess: () => setSaved(`Back to the working default: ${AGENCY_CHECK_DEFAULT_DAYS} days.`) })
      return
    }
    const parsed = AgencyCheckDaysSchema.safeParse(Number(typed))
    if (!/^\d+$/.test(typed) || !parsed.success) {
      setDayError('Enter a whole number of days from 1 to 365, or leave it empty for the working default.')
      return
    }
    setDayError(undefined)
    save.mutate({ agencyCheckDays: parsed.data }, { onSuccess: () => setSaved(`Agencies get ${parsed.data} days to acknowledge a complaint.`) })
  }

  return (
    <section className="panel" aria-labelledby="today-settings-title" data-testid="today-settings">
      <h3 id="today-settings-title" className="panel__title">
        Today and notifications
      </h3>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={notify}
          disabled={save.isPending}
          onChange={(e) => {
            setSaved(null)
            save.mutate({ notifyDueToday: e.target.checked })
          }}
        />
        <span>Notify me once a day, when the app opens, of steps and reminders due today</span>
      </label>
      <form className="form form--narrow" onSubmit={submitDays} noValidate>
        <TextField
          label="Days to wait for an agency's acknowledgement"
          value={days}
          inputMode="numeric"
          onChange={(v) => {
            setSaved(null)
            setDays(v)
          }}
          hint={`After filing a complaint, Today asks you to check it was acknowledged. Empty: ${AGENCY_CHECK_DEFAULT_DAYS} days, a working default, not a legal deadline.`}
          error={dayError}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={save.isPending}>
            Save
          </button>
        </div>
      </form>
      <ErrorMessage title="Not saved." message={save.error ? errorText(save.error) : null} />
      <Notice message={saved} />
    </section>
  )
}
