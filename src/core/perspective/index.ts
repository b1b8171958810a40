// Whose side the app takes (issue 13's audit mode): wording, the default ladder, the caseload's
// default columns and the letter templates of each perspective. Pure values and functions.
import type { Case, Perspective } from '../schemas'

export { defaultLadderFor, ladderFor, PRACTICE_LADDER } from './ladder'
export { CASELOAD_COLUMN_IDS, defaultColumnsFor, type CaseloadColumnId } from './columns'
export { eventWord, WORDS, wordsFor, type Words } from './words'
export { templatesFor } from './templates'

/** A case's perspective: its own, else the workspace's, else an advocate's. */
export function perspectiveOf(c: Pick<Case, 'perspective'>, workspace: Perspective | undefined): Perspective {
  return c.perspective ?? workspace ?? 'advocate'
}
