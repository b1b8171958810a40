import { formatDay } from './format'

type Props = { value: string | null | undefined; fallback?: string }

/** A calendar date as people read it ("Wed 4 Feb 2026"), with the ISO date kept for machines. */
export function DateText({ value, fallback = '—' }: Props) {
  if (!value) return <span className="muted">{fallback}</span>
  return (
    <time dateTime={value} data-date={value}>
      {formatDay(value)}
    </time>
  )
}
