// Which letter templates fit a perspective: a records office writes acknowledgements, extension
// notices, fee estimates and denials; an advocate writes requests, follow-ups and complaints.
import type { Perspective } from '../schemas'

/** The templates of one side first, in their own order; the other side's are left out. */
export function templatesFor<T extends { side: Perspective }>(perspective: Perspective, templates: ReadonlyArray<T>): T[] {
  return templates.filter((t) => t.side === perspective)
}
