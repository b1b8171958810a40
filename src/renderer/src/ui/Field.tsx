// Labelled form controls. Each shows its own error under it and ties it to the control with
// aria-describedby, so a screen reader reads the problem with the field.
import { useId, type ReactNode } from 'react'

type Common = {
  label: string
  error?: string | undefined
  hint?: string
  required?: boolean
  className?: string
}

function FieldShell({ id, label, error, hint, required, className, children }: Common & { id: string; children: ReactNode }) {
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={`field__label${required ? ' field__label--required' : ''}`}>
        {label}
      </label>
      {children}
      {hint && (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field__error">
          {error}
        </span>
      )}
    </div>
  )
}

const describedBy = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined

type TextProps = Common & {
  value: string
  onChange: (value: string) => void
  type?: 'text' | 'date' | 'email' | 'url' | 'tel' | 'number' | 'search' | 'password'
  placeholder?: string
  autoFocus?: boolean
  list?: string
  inputMode?: 'decimal' | 'numeric' | 'text'
  step?: string
  min?: string
  max?: string
}

export function TextField({ value, onChange, type = 'text', placeholder, autoFocus, list, inputMode, step, min, max, ...shell }: TextProps) {
  const id = useId()
  return (
    <FieldShell id={id} {...shell}>
      <input
        id={id}
        className="input"
        type={type}
        value={value}
        placeholder={placeholder}
        autoFocus={autoFocus}
        list={list}
        inputMode={inputMode}
        step={step}
        min={min}
        max={max}
        required={shell.required}
        aria-invalid={shell.error ? true : undefined}
        aria-describedby={describedBy(id, shell.hint, shell.error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldShell>
  )
}

export function TextAreaField({ value, onChange, rows = 3, ...shell }: Common & { value: string; onChange: (v: string) => void; rows?: number }) {
  const id = useId()
  return (
    <FieldShell id={id} {...shell}>
      <textarea
        id={id}
        className="input"
        rows={rows}
        value={value}
        aria-invalid={shell.error ? true : undefined}
        aria-describedby={describedBy(id, shell.hint, shell.error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldShell>
  )
}

export type Option = { value: string; label: string }

export function SelectField({ value, onChange, options, ...shell }: Common & { value: string; onChange: (v: string) => void; options: ReadonlyArray<Option> }) {
  const id = useId()
  return (
    <FieldShell id={id} {...shell}>
      <select
        id={id}
        className="input"
        value={value}
        aria-invalid={shell.error ? true : undefined}
        aria-describedby={describedBy(id, shell.hint, shell.error)}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  )
}

/** A yes / no / not recorded answer: a fact left out is unknown, never a failing one. */
export type TriState = '' | 'yes' | 'no'

export function TriStateField({ label, value, onChange, hint, error }: { label: string; value: TriState; onChange: (v: TriState) => void; hint?: string; error?: string | undefined }) {
  const name = useId()
  const choices: ReadonlyArray<[TriState, string]> = [
    ['yes', 'Yes'],
    ['no', 'No'],
    ['', 'Not recorded']
  ]
  return (
    <fieldset className={`field tristate${error ? ' field--invalid' : ''}`}>
      <legend className="field__label">{label}</legend>
      <div className="tristate__choices">
        {choices.map(([v, text]) => (
          <label key={text} className="tristate__choice">
            <input type="radio" name={name} checked={value === v} onChange={() => onChange(v)} />
            {text}
          </label>
        ))}
      </div>
      {hint && <span className="field__hint">{hint}</span>}
      {error && <span className="field__error">{error}</span>}
    </fieldset>
  )
}

export const triToBool = (v: TriState): boolean | undefined => (v === '' ? undefined : v === 'yes')
export const boolToTri = (v: boolean | undefined): TriState => (v === undefined ? '' : v ? 'yes' : 'no')

export function CheckboxField({ label, checked, onChange, hint }: { label: string; checked: boolean; onChange: (v: boolean) => void; hint?: string }) {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
      {hint && <span className="field__hint">{hint}</span>}
    </label>
  )
}
