// The sentences a bulk change is summed up in: shown in the window's banner, printed by the
// command line, and written into each case's audit entry.
import type { Case } from '../../core/schemas'
import type { TemplateInfoValue } from '#shared/channels/letters'
import type { BulkActionSchema } from '#shared/channels/bulk'
import type { z } from 'zod'
import type { ChangeKind } from './change-set'

export type CaseNames = { patient: (id: string) => string | undefined; organization: (id: string) => string | undefined }

const cases = (n: number): string => (n === 1 ? '1 case' : `${n} cases`)

/** "request-sent" → "request sent": the event's own words, not its code. */
export const plainType = (type: string): string => type.replace(/-/g, ' ')

const quoted = (tags: ReadonlyArray<string>): string => tags.map((t) => `“${t}”`).join(', ')

export const caseLabel = (c: Pick<Case, 'patientId' | 'organizationId'>, names: CaseNames): string =>
  `${names.patient(c.patientId) ?? 'an unknown patient'} with ${names.organization(c.organizationId) ?? 'an unknown holder'}`

export function describeAction(action: z.output<typeof BulkActionSchema>, templates: ReadonlyArray<TemplateInfoValue>): { kind: ChangeKind; sentence: (n: number) => string } {
  switch (action.kind) {
    case 'assign':
      return { kind: 'assign', sentence: (n) => (action.assignee ? `Assigned ${cases(n)} to ${action.assignee}` : `Cleared the advocate of ${cases(n)}`) }
    case 'tag': {
      const parts = [action.add.length > 0 && `tagged ${quoted(action.add)}`, action.remove.length > 0 && `untagged ${quoted(action.remove)}`].filter(Boolean).join(' and ')
      return { kind: 'tag', sentence: (n) => `${cases(n)} ${parts || 'left untagged'}`.replace(/^./, (c) => c.toUpperCase()) }
    }
    case 'priority':
      return { kind: 'priority', sentence: (n) => `Set the priority of ${cases(n)} to ${action.priority}` }
    case 'event':
      return { kind: 'event', sentence: (n) => `Logged “${plainType(action.event.type)}” on ${action.event.date} on ${cases(n)}` }
    case 'letters': {
      const title = templates.find((t) => t.id === action.templateId)?.title ?? action.templateId
      return { kind: 'letters', sentence: (n) => `Drafted “${title}” for ${cases(n)}` }
    }
    case 'trash':
      return { kind: 'trash', sentence: (n) => `Moved ${cases(n)} to the trash` }
    case 'restore':
      return { kind: 'restore', sentence: (n) => `Restored ${cases(n)} from the trash` }
  }
}
