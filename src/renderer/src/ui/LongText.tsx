// A note that may run to pages shown as its first lines with "Show more": a 20,000-character case
// note must not push the clock and the log two thousand pixels down.
import { useId, useState } from 'react'

/** How much of a long text shows before "Show more": about five lines of the case page. */
export const COLLAPSED_CHARS = 400
const COLLAPSED_LINES = 5

/** The start of a long text, cut at a word or line break; null when the whole text is short enough. */
export function collapsedPart(text: string, chars = COLLAPSED_CHARS, lines = COLLAPSED_LINES): string | null {
  const byLines = text.split('\n').slice(0, lines).join('\n')
  const head = byLines.length < text.length ? byLines : text
  if (head.length <= chars && head.length === text.length) return null
  const cut = head.length > chars ? head.slice(0, chars) : head
  const space = cut.lastIndexOf(' ')
  return (space > chars * 0.6 ? cut.slice(0, space) : cut).trimEnd()
}

type Props = { text: string; label: string; className?: string; testId?: string }

export function LongText({ text, label, className, testId }: Props) {
  const id = useId()
  const [open, setOpen] = useState(false)
  const head = collapsedPart(text)
  return (
    <div className={`long-text${className ? ` ${className}` : ''}`} data-testid={testId}>
      <p id={id} className="long-text__body">
        {head === null || open ? text : `${head}…`}
      </p>
      {head !== null && (
        <button type="button" className="button button--small button--ghost long-text__toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
          {open ? `Show less of the ${label}` : `Show more of the ${label} (${text.length.toLocaleString('en-US')} characters)`}
        </button>
      )}
    </div>
  )
}
