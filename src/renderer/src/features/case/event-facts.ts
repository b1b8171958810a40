// The type-specific facts of a logged event, as short phrases for the correspondence log.
import type { CaseEvent, ChecklistItem } from '#core/schemas'
import { formatDay, humanize } from '../../ui/format'

const yn = (label: string, v: boolean | undefined): string[] => (v === undefined ? [] : [`${label}: ${v ? 'yes' : 'no'}`])

export function eventFacts(e: CaseEvent, checklist: ReadonlyArray<ChecklistItem>): string[] {
  const labelOf = (id: string) => checklist.find((i) => i.id === id)?.label ?? id
  switch (e.type) {
    case 'fee-quoted':
      return [
        `$${e.amount.toFixed(2)}`,
        ...(e.method ? [`method: ${e.method}`] : []),
        ...yn('per page', e.perPage),
        ...yn('includes search/retrieval', e.includesSearchRetrieval),
        ...yn('electronic copy of electronic records', e.electronicCopyOfElectronicRecords),
        ...yn('quoted in advance', e.inAdvance),
        ...e.itemization.map((i) => `${i.label} $${i.amount.toFixed(2)}`)
      ]
    case 'fee-paid':
      return [`$${e.amount.toFixed(2)}`]
    case 'extension-notice':
    case 'state-delay-notice':
      return [e.reason ? `reason: ${e.reason}` : 'no reason given', e.newDate ? `new date ${formatDay(e.newDate)}` : 'no new date given']
    case 'partial-delivery':
    case 'records-delivered':
      return [
        ...(e.items.length > 0 ? [`items: ${e.items.map(labelOf).join(', ')}`] : e.type === 'records-delivered' ? ['everything requested'] : []),
        ...(e.format ? [`format: ${e.format}`] : [])
      ]
    case 'denial':
      return [
        ...(e.basis ? [`basis: ${e.basis}`] : []),
        ...yn('reviewable', e.reviewable),
        ...yn('review rights stated', e.reviewRights),
        ...yn('complaint contact given', e.complaintContact),
        ...yn('statement of disagreement offered', e.statementOfDisagreement)
      ]
    case 'review-decided':
      return e.outcome ? [`outcome: ${e.outcome}`] : []
    case 'requested-format':
      return [`format: ${e.format}`]
    case 'barrier':
      return [humanize(e.kind)]
    case 'complaint-filed':
    case 'agency-acknowledged':
      return [`venue: ${e.venue === 'ocr' ? 'OCR' : humanize(e.venue)}`]
    case 'step-skipped':
      return [`step: ${humanize(e.step)}`, `reason: ${e.reason}`]
    case 'resolution':
      return e.outcome ? [`outcome: ${e.outcome}`] : []
    default:
      return []
  }
}
