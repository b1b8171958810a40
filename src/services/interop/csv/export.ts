// CSV export of a caseload view (its columns, its filter), the directory, and a practice's request
// log. Day counts come from the clock engine through the case queries; nothing is recounted here.
import type { Case } from '../../../core/schemas'
import type { AppServices } from '../../app-services'
import type { CaseFilter, CaseListItem } from '../../case-queries'
import { toCsv, type Cell } from './write'

export const CASE_COLUMNS = {
  id: ['Case id', (c: CaseListItem) => c.id],
  patient: ['Patient', (c: CaseListItem) => c.patientName],
  holder: ['Holder', (c: CaseListItem) => c.organizationName],
  status: ['Status', (c: CaseListItem) => c.status],
  received: ['Received', (c: CaseListItem) => c.received],
  due: ['Due', (c: CaseListItem) => c.due],
  daysLate: ['Days late', (c: CaseListItem) => c.daysLate],
  daysRemaining: ['Days left', (c: CaseListItem) => c.daysRemaining],
  nextStep: ['Next step', (c: CaseListItem) => c.nextStep?.step],
  nextStepDue: ['Next step due', (c: CaseListItem) => c.nextStep?.due],
  findings: ['Findings', (c: CaseListItem) => c.findings.join('; ')],
  references: ['References', (c: CaseListItem) => c.references.join('; ')],
  tags: ['Tags', (c: CaseListItem) => c.tags.join('; ')],
  priority: ['Priority', (c: CaseListItem) => c.priority],
  lastEvent: ['Last event', (c: CaseListItem) => c.lastEventDate]
} as const satisfies Record<string, readonly [string, (c: CaseListItem) => Cell]>
export type CaseColumn = keyof typeof CASE_COLUMNS
export const CASE_COLUMN_IDS = Object.keys(CASE_COLUMNS) as CaseColumn[]
/** The caseload screen's own columns, in its order. */
export const DEFAULT_CASE_COLUMNS: CaseColumn[] = ['patient', 'holder', 'status', 'received', 'due', 'daysLate', 'daysRemaining', 'nextStep', 'nextStepDue', 'findings', 'lastEvent']

export type CsvExportKind = 'cases' | 'patients' | 'orgs' | 'requests'
export type CsvExportInput = { what: CsvExportKind; filter?: CaseFilter; columns?: CaseColumn[] }

const firstDate = (c: Case | undefined, type: Case['events'][number]['type']) => c?.events.filter((e) => e.type === type).map((e) => e.date).sort()[0]

export function csvExporter(s: AppServices) {
  return {
    async export(input: CsvExportInput): Promise<{ bytes: Uint8Array; rows: number }> {
      if (input.what === 'cases') {
        const cols = input.columns?.length ? input.columns : DEFAULT_CASE_COLUMNS
        const items = s.queries.list(input.filter ?? {})
        return { bytes: toCsv(cols.map((c) => CASE_COLUMNS[c][0]), items.map((i) => cols.map((c) => CASE_COLUMNS[c][1](i)))), rows: items.length }
      }
      if (input.what === 'patients') {
        const list = s.patients.list().filter((p) => !p.deletedAt)
        const rows = list.map((p) => [p.id, p.name, p.dateOfBirth, p.contact.email, p.contact.phone, p.contact.address, p.preferredLanguage, p.notes])
        return { bytes: toCsv(['Id', 'Patient name', 'Date of birth', 'E-mail', 'Phone', 'Address', 'Preferred language', 'Notes'], rows), rows: list.length }
      }
      if (input.what === 'orgs') {
        const list = [...s.store.sharded.organizations.all()].filter((o) => !o.deletedAt).sort((a, b) => a.name.localeCompare(b.name))
        const rows = list.map((o) => [o.id, o.name, o.kind, o.state, o.address.city, o.address.postalCode, o.records.email, o.records.fax, o.privacyOfficer.email, o.notes])
        return { bytes: toCsv(['Id', 'Name', 'Kind', 'State', 'City', 'ZIP code', 'Records e-mail', 'Records fax', 'Privacy officer e-mail', 'Notes'], rows), rows: list.length }
      }
      // The practice's request log: one row per request, with the clock's verdict beside the dates.
      const items = s.queries.list(input.filter ?? {})
      const rows: Cell[][] = []
      for (const i of items) {
        const c = await s.store.records.cases.get(i.id)
        const dob = s.store.sharded.patients.get(i.patientId)?.dateOfBirth
        rows.push([i.references.join('; '), i.patientName, dob, i.organizationName, s.store.sharded.organizations.get(i.organizationId)?.state, i.requestKind, i.received, i.due, firstDate(c, 'records-delivered'), firstDate(c, 'denial'), i.status, i.daysLate, i.findings.join('; ')])
      }
      return {
        bytes: toCsv(['Request ID', 'Patient', 'DOB', 'Practice', 'State', 'Request kind', 'Received', 'Due', 'Fulfilled', 'Denied', 'Status', 'Days late', 'Findings'], rows),
        rows: rows.length
      }
    }
  }
}
