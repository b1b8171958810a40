import { useState } from 'react'
import type { Theme } from '#core/schemas'
import { errorText } from '../../api/error-text'
import { useChannelMutation } from '../../api/queries'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { applyTheme } from './theme'

const CHOICES: ReadonlyArray<{ value: Theme; label: string; hint: string }> = [
  { value: 'system', label: 'Follow the system', hint: 'light or dark as your computer is set' },
  { value: 'light', label: 'Light', hint: '' },
  { value: 'dark', label: 'Dark', hint: '' }
]

/** Light, dark, or as the system: saved with the settings, applied at once. */
export function AppearanceSection({ current }: { current: Theme }) {
  const save = useChannelMutation('settings.update')
  // Shown and applied at once; put back if it could not be saved.
  const [chosen, setChosen] = useState<Theme>(current)
  const choose = (theme: Theme) => {
    setChosen(theme)
    applyTheme(theme)
    save.mutate(
      { theme },
      {
        onError: () => {
          setChosen(current)
          applyTheme(current)
        }
      }
    )
  }
  return (
    <section className="panel" aria-labelledby="appearance-title">
      <h3 id="appearance-title" className="panel__title">
        Appearance
      </h3>
      <fieldset className="form__fieldset appearance__choices" data-testid="theme-choice">
        <legend>Colours</legend>
        {CHOICES.map((c) => (
          <label key={c.value} className="tristate__choice appearance__choice">
            <input
              type="radio"
              name="theme"
              value={c.value}
              checked={chosen === c.value}
              onChange={() => choose(c.value)}
            />{' '}
            {c.label}
            {c.hint && <span className="muted"> — {c.hint}</span>}
          </label>
        ))}
      </fieldset>
      <ErrorMessage title="Not saved." message={save.error ? errorText(save.error) : null} />
    </section>
  )
}
