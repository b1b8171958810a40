// Which caseload columns show, in which order: the user's own choice (Columns…) when they made
// one, else the defaults of the case list's side: a records office sees when each request was
// received and who handles it first; an advocate sees the holder. Sizes alone are no choice of columns.
import { defaultColumnsFor } from '#core/perspective'
import type { CaseloadPrefs, Perspective } from '#core/schemas'

export function columnOrder(saved: CaseloadPrefs['columns'], perspective: Perspective): string[] {
  return saved?.order ? [...saved.order] : defaultColumnsFor(perspective)
}

/** True when the columns shown are the side's defaults (nothing for "Default columns" to reset). */
export function isDefaultOrder(order: ReadonlyArray<string>, perspective: Perspective): boolean {
  return order.join() === defaultColumnsFor(perspective).join()
}
