// The default escalation ladder of each perspective. An advocate chases a holder (follow-up, the
// privacy officer, notice of intent, complaints); a records office watches its own deadlines: decide
// on an extension while its written notice can still go out (by the original due date), then
// respond by the due date. App defaults, not legal numbers: the lead time is the audit's warning days.
import { DEFAULT_LADDER, type LadderConfig } from '../escalation'
import { AUDIT } from '../rules'
import type { Perspective } from '../schemas'

export const PRACTICE_LADDER: LadderConfig = {
  steps: [
    // Taken by the extension notice itself (an event of the same name in the clock's log).
    { step: 'extension-notice', letter: 'practice-extension-notice', after: 'due', days: -AUDIT.warningDays },
    { step: 'practice-response', letter: 'practice-denial', after: 'due', days: 0 }
  ]
}

export function defaultLadderFor(perspective: Perspective): LadderConfig {
  return perspective === 'practice' ? PRACTICE_LADDER : DEFAULT_LADDER
}

/**
 * The ladder a case's clock uses: the one the user configured (Settings) for the advocate's side,
 * the practice's default for a practice-side case (a ladder of complaints makes no sense to the
 * office that received the request).
 */
export function ladderFor(perspective: Perspective, configured: LadderConfig | undefined): LadderConfig {
  if (perspective === 'practice') return PRACTICE_LADDER
  return configured ?? DEFAULT_LADDER
}
