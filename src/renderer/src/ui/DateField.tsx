// The one date field of the app. It is a text field, not the browser's date picker: a picker hands
// the page "" for anything it cannot read (02/30/2026 became "", and the date was silently
// dropped). Here what was typed stays in the field until it is a real date; the day it means is
// echoed in words, and a date that cannot be one says why as soon as the field is left.
import { useId, useState } from 'react'
import { formatDay } from './format'
import { formatDateInput, readDateInput, systemDateFormat } from './date-input'

type Props = {
  label: string
  /** What was typed (or a stored ISO date, shown in the locale's order). */
  value: string
  onChange: (value: string) => void
  error?: string | undefined
  /** Shown under the field, e.g. a date before the request was sent: it does not block saving. */
  warning?: string | null | undefined
  hint?: string
  required?: boolean
  autoFocus?: boolean
  className?: string
  testId?: string
}

export function DateField({ label, value, onChange, error, warning, hint, required, autoFocus, className, testId }: Props) {
  const id = useId()
  const f = systemDateFormat()
  const [left, setLeft] = useState(false)
  const read = readDateInput(value, f)
  // Until the field is left, a half-typed date is not an error; after, it says what is wrong.
  const shownError = error ?? (left && !read.ok ? capitalize(read.message) + '.' : undefined)
  const echo = read.ok && read.iso ? formatDay(read.iso) : null
  const describedBy = [`${id}-hint`, shownError ? `${id}-error` : '', warning ? `${id}-warning` : ''].filter(Boolean).join(' ')
  return (
    <div className={`field date-field${shownError ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`} data-testid={testId}>
      <label htmlFor={id} className={`field__label${required ? ' field__label--required' : ''}`}>
        {label}
      </label>
      <input
        id={id}
        className="input date-field__input"
        type="text"
        inputMode="text"
        autoComplete="off"
        spellCheck={false}
        value={read.ok && read.iso && /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? formatDateInput(read.iso, f) : value}
        placeholder={f.pattern}
        autoFocus={autoFocus}
        required={required}
        aria-invalid={shownError ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          setLeft(false)
          onChange(e.target.value)
        }}
        onBlur={() => {
          setLeft(true)
          // A readable date is written back in the field's own order, so what is seen is what is kept.
          if (read.ok && read.iso && formatDateInput(read.iso, f) !== value) onChange(formatDateInput(read.iso, f))
        }}
      />
      <span id={`${id}-hint`} className="field__hint">
        {hint ? `${hint} ` : ''}
        {f.pattern}
        {echo && (
          <span id={`${id}-echo`} className="date-field__echo" data-testid="date-echo">
            {' '}
            = {echo}
          </span>
        )}
      </span>
      {shownError && (
        <span id={`${id}-error`} className="field__error" role="alert">
          {shownError}
        </span>
      )}
      {warning && !shownError && (
        <span id={`${id}-warning`} className="field__warning" role="status" data-testid="date-warning">
          ⚠ {warning}
        </span>
      )}
    </div>
  )
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
