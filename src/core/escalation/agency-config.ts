// The agencies a complaint can go to, and how long the app waits before it asks you to check
// that the agency acknowledged it.
import { z } from 'zod'

/** Where a complaint is filed: HHS OCR, the information-blocking portal (ONC/OIG), a state body. */
export const AGENCY_VENUES = ['ocr', 'information-blocking', 'state'] as const
export type AgencyVenue = (typeof AGENCY_VENUES)[number]

/**
 * A working default, not law: no rule obliges OCR, ONC or a state body to acknowledge a complaint
 * within a set time (ONC says it confirms receipt of an information-blocking claim and forwards it
 * within about 2 business days; OCR gives no figure). Thirty calendar days is when an advocate
 * reasonably asks "did they get it?". Change it in Settings (`agencyCheckDays`).
 */
export const AGENCY_CHECK_DEFAULT_DAYS = 30

/** Bounds of the setting, only to keep a typo from reaching the date arithmetic. */
export const AgencyCheckDaysSchema = z.number().int().min(1, 'must be at least 1 day').max(365, 'must be at most 365 days')

/** The reference-number kind (on the case) that holds each agency's own number for the complaint. */
export const AGENCY_REFERENCE_KIND: Record<AgencyVenue, 'ocr-transaction' | 'info-blocking-claim' | 'state-complaint'> = {
  ocr: 'ocr-transaction',
  'information-blocking': 'info-blocking-claim',
  state: 'state-complaint'
}
