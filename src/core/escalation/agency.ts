// "With the agency": once a complaint is filed (OCR, information blocking, a state body), the case
// waits on that agency, not on the holder or on you, until the matter is resolved. Its own next step
// is to check that the agency acknowledged the complaint, a set number of days after filing.
import { addCalendarDays } from '../clocks/dates'
import { AGENCY_REFERENCE_KIND, type AgencyVenue } from './agency-config'

export type AgencyFiling = {
  venue: AgencyVenue
  filedOn: string
  acknowledgedOn: string | null
  /** When to check for the acknowledgement; null once it arrived. */
  checkDue: string | null
}

export type AgencyState = {
  /** Every complaint filed, earliest first (one per venue: the first filing with each counts). */
  filings: AgencyFiling[]
  /** The earliest check still open, or null when every agency acknowledged. */
  nextCheck: { venue: AgencyVenue; due: string } | null
}

export type AgencyInput = {
  /** Complaints filed, as of the day (in any order). */
  filings: ReadonlyArray<{ venue: AgencyVenue; date: string }>
  /** Acknowledgements received; without a venue it answers the latest filing on or before its date. */
  acknowledgements: ReadonlyArray<{ venue?: AgencyVenue | undefined; date: string }>
  /** Days a resolution was logged: one on or after the latest filing ends the agency's part. */
  resolutions: ReadonlyArray<string>
  checkDays: number
}

const byDate = <T extends { date: string }>(a: T, b: T): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)

export function agencyState({ filings, acknowledgements, resolutions, checkDays }: AgencyInput): AgencyState | null {
  const first = new Map<AgencyVenue, string>()
  for (const f of [...filings].sort(byDate)) if (!first.has(f.venue)) first.set(f.venue, f.date)
  if (first.size === 0) return null
  const latestFiling = [...first.values()].reduce((a, b) => (a > b ? a : b))
  if (resolutions.some((d) => d >= latestFiling)) return null
  const list: AgencyFiling[] = [...first.entries()]
    .map(([venue, filedOn]) => ({ venue, filedOn, acknowledgedOn: null as string | null, checkDue: null as string | null }))
    .sort((a, b) => (a.filedOn < b.filedOn ? -1 : a.filedOn > b.filedOn ? 1 : a.venue < b.venue ? -1 : 1))
  for (const ack of [...acknowledgements].sort(byDate)) {
    const target = ack.venue
      ? list.find((f) => f.venue === ack.venue && f.filedOn <= ack.date)
      : [...list].reverse().find((f) => f.filedOn <= ack.date)
    if (target && target.acknowledgedOn === null) target.acknowledgedOn = ack.date
  }
  for (const f of list) f.checkDue = f.acknowledgedOn ? null : addCalendarDays(f.filedOn, checkDays)
  const open = list.filter((f) => f.checkDue !== null).sort((a, b) => ((a.checkDue ?? '') < (b.checkDue ?? '') ? -1 : 1))[0]
  return { filings: list, nextCheck: open?.checkDue ? { venue: open.venue, due: open.checkDue } : null }
}

/** The agency's own number for a complaint, from the case's reference numbers (`kind:value` or objects). */
export function agencyReference(venue: AgencyVenue, references: ReadonlyArray<{ kind: string; value: string }>): string | null {
  return references.find((r) => r.kind === AGENCY_REFERENCE_KIND[venue])?.value ?? null
}

/** Reference numbers as the case summary keeps them (`kind:value`). */
export const parseReferences = (refs: ReadonlyArray<string>): Array<{ kind: string; value: string }> =>
  refs.map((r) => ({ kind: r.slice(0, Math.max(0, r.indexOf(':'))), value: r.slice(r.indexOf(':') + 1) }))
