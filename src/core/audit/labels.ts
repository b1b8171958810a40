// Short names for the clock's finding codes, for charts and tables (the findings' own messages say more).
import type { FindingCode } from '../clocks'

export const FINDING_LABELS: Record<FindingCode, string> = {
  'response-late': 'Late response',
  'extension-late': 'Extension notice late',
  'extension-no-reason': 'Extension without reason',
  'extension-no-date': 'Extension without date',
  'extension-too-long': 'Extension too long',
  'second-extension': 'Second extension',
  'denial-missing-elements': 'Denial incomplete',
  'fee-not-quoted-in-advance': 'Fee not quoted in advance',
  'fee-search-retrieval': 'Search/retrieval fee',
  'fee-per-page-electronic': 'Per-page fee, e-copy',
  'fee-above-flat-rate': 'Above the flat fee',
  'format-not-honored': 'Format not honored',
  'in-person-required': 'In person required',
  'mail-only-required': 'Mail only',
  'portal-only-required': 'Portal only'
}
