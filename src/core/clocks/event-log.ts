// The event log as the clock reads it: only events dated on or before asOf (docs/day-counting.md §13), in one
// canonical order (date, then kind of event, then content) so that the order the user typed them in
// never changes a result.
import type { ClockEvent, ClockEventType } from './schema'

// On the same day, facts about the request come before the responses they bear on.
const TYPE_ORDER: ReadonlyArray<ClockEventType> = [
  'requested-format',
  'fee-quoted',
  'barrier',
  'extension-notice',
  'state-delay-notice',
  'delivered',
  'denied',
  'withdrawn',
  'follow-up',
  'privacy-officer-escalation',
  'notice-of-intent',
  'ocr-complaint',
  'information-blocking-report',
  'state-complaint',
  'agency-acknowledged',
  'resolution',
  'step-skipped',
  'note'
]
const typeRank = new Map<string, number>(TYPE_ORDER.map((t, i) => [t, i]))

/** JSON with keys sorted: a total order on events with equal date and type. */
function canonical(e: ClockEvent): string {
  const entries = Object.entries(e).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return JSON.stringify(entries)
}

export function canonicalOrder(events: ReadonlyArray<ClockEvent>): ClockEvent[] {
  const keyed = events.map((e) => ({ e, rank: typeRank.get(e.type) ?? 0, key: '' }))
  return keyed
    .sort((a, b) => {
      if (a.e.date !== b.e.date) return a.e.date < b.e.date ? -1 : 1
      if (a.rank !== b.rank) return a.rank - b.rank
      a.key ||= canonical(a.e)
      b.key ||= canonical(b.e)
      return a.key < b.key ? -1 : a.key > b.key ? 1 : 0
    })
    .map((k) => k.e)
}

export type KeptEvents = { kept: ClockEvent[]; leftOut: ClockEvent[] }

export function asOfFilter(events: ReadonlyArray<ClockEvent>, asOf: string): KeptEvents {
  const ordered = canonicalOrder(events)
  return { kept: ordered.filter((e) => e.date <= asOf), leftOut: ordered.filter((e) => e.date > asOf) }
}

export const ofType = <T extends ClockEventType>(events: ReadonlyArray<ClockEvent>, type: T): Array<Extract<ClockEvent, { type: T }>> =>
  events.filter((e): e is Extract<ClockEvent, { type: T }> => e.type === type)
