// CSV import: read, map, preview, then write all rows or none. The preview and the commit run the
// same code over the same bytes, so what the preview shows is what is stored; the commit takes a
// backup first and puts it back if any write fails or the user cancels.
import { CsvMappingSchema, type CsvMapping, type CsvMappingInput, type Organization, type Patient } from '../../../core/schemas'
import { AppError } from '#shared/errors'
import type { AppServices } from '../../app-services'
import { todayOf } from '../../context'
import { PREVIEW_ROWS } from '../limits'
import { casesWithReference } from '../../references'
import { throwIfCancelled, type Progress } from '../progress'
import { readDateColumn, toIsoDate, type DateOrder } from './dates'
import { decodeCsv, type Decoded } from './decode'
import { parseCsv } from './parse'
import { draftRow, newRowMemo, type RowDraft, type RowProblem } from './rows'
import { suggestMapping, targetField, TARGETS, type ImportKind, type TargetField } from './targets'

export type DuplicateDecision = 'match' | 'new' | 'skip'

export type CsvImportInput = {
  kind: ImportKind
  bytes: Uint8Array
  name: string
  mapping?: CsvMappingInput
  /** Applies to every duplicate without its own decision. */
  duplicates?: DuplicateDecision
  decisions?: Record<string, DuplicateDecision>
}

export type Duplicate = {
  key: string
  entity: 'patient' | 'organization' | 'case'
  label: string
  rows: number[]
  existingId: string
  decision: DuplicateDecision | null
}

export type DateColumn = {
  column: string
  field: string
  state: 'ok' | 'ambiguous' | 'unreadable' | 'empty'
  order: DateOrder | null
  forms: string[]
  examples: Array<{ value: string; date: string | null }>
}

export type CsvPreview = {
  name: string
  kind: ImportKind
  encoding: Decoded['encoding']
  layoutHash: string
  headers: string[]
  rowCount: number
  fields: TargetField[]
  mapping: CsvMapping
  mappingSource: 'given' | 'remembered' | 'suggested'
  /** Columns of the file the mapping says nothing about: map them or ignore them (null). */
  unmapped: string[]
  missingRequired: string[]
  dateColumns: DateColumn[]
  rows: RowDraft[]
  problems: RowProblem[]
  problemCount: number
  duplicates: Duplicate[]
  counts: { patients: number; organizations: number; cases: number; events: number; skipped: number }
  /** Empty when the import can go ahead; otherwise what must be settled first. */
  blockers: string[]
}

export type CsvImportResult = { backupId: string; patients: number; organizations: number; cases: number; events: number; skipped: number }

const MAX_PROBLEMS_SHOWN = 1000

type Group<T> = { key: string; draft: T; rows: number[]; existing?: { id: string } | undefined }

type Plan = {
  preview: CsvPreview
  drafts: RowDraft[]
  patients: Map<string, Group<NonNullable<RowDraft['patient']>>>
  orgs: Map<string, Group<NonNullable<RowDraft['organization']>>>
  caseRows: RowDraft[]
}

const patientKey = (p: { name: string; dateOfBirth?: string | undefined }) => `${p.name.toLowerCase()}|${p.dateOfBirth ?? ''}`
const orgKey = (o: { name: string; state?: string | undefined }) => `${o.name.toLowerCase()}|${o.state ?? ''}`

export function csvImporter(s: AppServices) {
  function remembered(layoutHash: string, kind: ImportKind): CsvMapping | undefined {
    const m = s.store.singletons.settings.get().csvMappings?.[layoutHash]
    return m && m.kind === kind ? m : undefined
  }

  function plan(input: CsvImportInput): Plan {
    const decoded = decodeCsv(input.bytes, input.name)
    const { headers, rows, layoutHash } = parseCsv(decoded.text, input.name)
    const kind = input.kind
    const given = input.mapping ? CsvMappingSchema.safeParse({ ...input.mapping, kind }) : undefined
    if (given && !given.success) throw new AppError('INVALID_INPUT', `mapping: ${given.error.issues[0]?.message ?? 'is not valid'}`)
    const kept = remembered(layoutHash, kind)
    const mapping: CsvMapping = given?.data ?? kept ?? { kind, columns: suggestMapping(kind, headers), dateOrder: {} }
    const mappingSource = given ? 'given' : kept ? 'remembered' : 'suggested'
    const blockers: string[] = []

    for (const col of Object.keys(mapping.columns)) {
      if (!headers.includes(col)) blockers.push(`The mapping names a column "${col}" that ${input.name} does not have.`)
    }
    const unmapped = headers.filter((h) => !(h in mapping.columns))
    if (mappingSource === 'given' && unmapped.length) blockers.push(`Unknown column(s) ${unmapped.map((h) => `"${h}"`).join(', ')}: map each to a field or ignore it.`)
    const fieldColumn = new Map<string, string>()
    for (const [col, key] of Object.entries(mapping.columns)) {
      if (key === null || !headers.includes(col)) continue
      if (!targetField(kind, key)) blockers.push(`Column "${col}" is mapped to "${key}", which is not a field of a ${kind} import.`)
      else if (fieldColumn.has(key)) blockers.push(`Columns "${fieldColumn.get(key)}" and "${col}" are both mapped to ${targetField(kind, key)!.label}.`)
      else fieldColumn.set(key, col)
    }
    const missingRequired = TARGETS[kind].filter((t) => t.required && !fieldColumn.has(t.key)).map((t) => t.key)
    for (const k of missingRequired) blockers.push(`No column is mapped to ${targetField(kind, k)!.label}, which is required.`)

    const today = todayOf(s.context)
    const year = Number(today.slice(0, 4))
    const dateColumns: DateColumn[] = []
    const dateOrder: Record<string, DateOrder | null> = {}
    const readings = [...fieldColumn]
      .filter(([key]) => targetField(kind, key)!.kind === 'date')
      .map(([key, col]) => {
        const values = rows.map((r) => r[headers.indexOf(col)] ?? '')
        return { key, col, values, reading: readDateColumn(values) }
      })
    // A file keeps one date order: a column that cannot tell month from day on its own takes the
    // order another column of the same file proves, when no column says otherwise (and it is shown).
    const proven = new Set(readings.flatMap(({ col, reading }) => (mapping.dateOrder[col] ? [mapping.dateOrder[col]] : reading.kind === 'ok' && reading.order ? [reading.order] : [])))
    const fileOrder = proven.size === 1 ? [...proven][0]! : null
    for (const { key, col, values, reading } of readings) {
      const chosen = mapping.dateOrder[col] ?? (reading.kind === 'ambiguous' ? fileOrder ?? undefined : undefined)
      const order = chosen ?? (reading.kind === 'ok' ? reading.order : null)
      dateOrder[col] = order
      const state = reading.kind === 'ambiguous' && chosen ? 'ok' : reading.kind
      if (reading.kind === 'ambiguous' && !chosen) blockers.push(`Column "${col}": month and day cannot be told apart (every value could be MM/DD or DD/MM). Say which it is.`)
      if (reading.kind === 'unreadable') blockers.push(`Column "${col}" holds "${reading.value}", which is not a date form this import reads.`)
      const examples = values.filter((x) => x.trim()).slice(0, 3).map((value) => {
        const r = toIsoDate(value, order, year)
        return { value, date: r.ok ? r.date : null }
      })
      dateColumns.push({ column: col, field: key, state, order, forms: reading.kind === 'ok' || reading.kind === 'ambiguous' ? reading.forms : [], examples })
    }

    const problems: RowProblem[] = []
    const drafts: RowDraft[] = []
    if (blockers.length === 0) {
      const cols = [...fieldColumn.entries()].map(([key, col]) => [key, col, headers.indexOf(col)] as const)
      const columnOf = Object.fromEntries(cols.map(([k, c]) => [k, c]))
      const memo = newRowMemo()
      for (const [i, r] of rows.entries()) {
        const values: Record<string, string> = {}
        for (const [key, , idx] of cols) values[key] = r[idx] ?? ''
        const { draft, problems: p } = draftRow({ row: i + 2, values, columnOf }, { kind, dateOrder, today, memo })
        drafts.push(draft)
        problems.push(...p)
      }
    }

    // Group the rows' patients and organizations, and find the ones already on file.
    const patients = new Map<string, Group<NonNullable<RowDraft['patient']>>>()
    const orgs = new Map<string, Group<NonNullable<RowDraft['organization']>>>()
    const existingPatients = new Map<string, Patient>()
    for (const p of s.store.sharded.patients.all()) if (!p.deletedAt) existingPatients.set(patientKey(p), p)
    const existingOrgs = new Map<string, Organization>()
    for (const o of s.store.sharded.organizations.all()) if (!o.deletedAt) existingOrgs.set(orgKey(o), o)
    for (const d of drafts) {
      if (d.patient) {
        const k = patientKey(d.patient)
        const g = patients.get(k)
        if (g && kind === 'patients') problems.push({ row: d.row, column: fieldColumn.get('patientName') ?? '', value: d.patient.name, problem: `is the same patient (name and date of birth) as row ${g.rows[0]}` })
        if (g) g.rows.push(d.row)
        else patients.set(k, { key: `patient:${k}`, draft: d.patient, rows: [d.row], existing: existingPatients.get(k) })
      }
      if (d.organization) {
        const k = orgKey(d.organization)
        const g = orgs.get(k)
        if (g && kind === 'orgs') problems.push({ row: d.row, column: fieldColumn.get('organizationName') ?? '', value: d.organization.name, problem: `is the same organization (name and state) as row ${g.rows[0]}` })
        if (g) g.rows.push(d.row)
        else orgs.set(k, { key: `organization:${k}`, draft: d.organization, rows: [d.row], existing: existingOrgs.get(k) })
      }
    }
    const decisionOf = (key: string): DuplicateDecision | null => input.decisions?.[key] ?? input.duplicates ?? null
    const duplicates: Duplicate[] = []
    for (const g of patients.values()) if (g.existing) duplicates.push({ key: g.key, entity: 'patient', label: `${g.draft.name}${g.draft.dateOfBirth ? `, born ${g.draft.dateOfBirth}` : ''}`, rows: g.rows, existingId: g.existing.id, decision: decisionOf(g.key) })
    for (const g of orgs.values()) if (g.existing) duplicates.push({ key: g.key, entity: 'organization', label: `${g.draft.name}${g.draft.state ? ` (${g.draft.state})` : ''}`, rows: g.rows, existingId: g.existing.id, decision: decisionOf(g.key) })

    // Reference numbers: a holder's request id names one case per holder.
    const caseRows: RowDraft[] = []
    if (kind === 'cases' || kind === 'requests') {
      const refs = new Map<string, number>()
      const refColumn = fieldColumn.get('reference') ?? ''
      for (const d of drafts) {
        if (!d.case || !d.organization) continue
        const og = orgs.get(orgKey(d.organization))!
        const ref = d.case.fields.references[0]?.value
        if (ref) {
          const k = `${ref.toLowerCase()}|${orgKey(d.organization)}`
          const seen = refs.get(k)
          if (seen !== undefined) {
            problems.push({ row: d.row, column: refColumn, value: ref, problem: `duplicate id: row ${seen} has the same reference number for the same organization` })
            continue
          }
          refs.set(k, d.row)
          const orgDecision = og.existing ? decisionOf(og.key) : null
          if (og.existing && orgDecision !== 'new') {
            const clash = casesWithReference(s.context, `holder-request-id:${ref}`).find((c) => c.organizationId === og.existing!.id)
            if (clash) {
              const key = `case:${k}`
              const decision = decisionOf(key)
              duplicates.push({ key, entity: 'case', label: `reference ${ref} at ${d.organization.name}`, rows: [d.row], existingId: clash.id, decision: decision === 'new' ? null : decision })
              if (decision === 'new') problems.push({ row: d.row, column: refColumn, value: ref, problem: `case ${clash.id} already has this reference number at this organization; it can be matched or skipped, not created twice` })
              continue
            }
          }
        }
        if (d.patient) caseRows.push(d)
      }
    }

    const undecided = duplicates.filter((d) => d.decision === null)
    if (undecided.length) blockers.push(`${undecided.length} row group(s) match records already on file: choose for each whether to match the existing record, create a new one, or skip the rows.`)
    if (problems.length) blockers.push(`${problems.length} problem(s) in the rows: fix them in the file (see the report) and try again.`)

    const skippedPatient = (d: RowDraft) => d.patient && decisionOf(patients.get(patientKey(d.patient))!.key) === 'skip' && patients.get(patientKey(d.patient))!.existing
    const skippedOrg = (d: RowDraft) => d.organization && decisionOf(orgs.get(orgKey(d.organization))!.key) === 'skip' && orgs.get(orgKey(d.organization))!.existing
    const live = caseRows.filter((d) => !skippedPatient(d) && !skippedOrg(d))
    const willCreate = <T>(g: Group<T>) => !g.existing || decisionOf(g.key) === 'new'
    const usedBy = (rowsOf: RowDraft[], pick: (d: RowDraft) => string | undefined) => new Set(rowsOf.map(pick).filter((x): x is string => x !== undefined))
    const neededPatients = kind === 'patients' ? new Set(patients.keys()) : usedBy(live, (d) => (d.patient ? patientKey(d.patient) : undefined))
    const neededOrgs = kind === 'orgs' ? new Set(orgs.keys()) : usedBy(live, (d) => (d.organization ? orgKey(d.organization) : undefined))
    const counts = {
      patients: [...patients.entries()].filter(([k, g]) => neededPatients.has(k) && willCreate(g)).length,
      organizations: [...orgs.entries()].filter(([k, g]) => neededOrgs.has(k) && willCreate(g)).length,
      cases: live.length,
      events: live.reduce((n, d) => n + (d.case?.events.length ?? 0), 0),
      skipped: rows.length - (kind === 'patients' ? counts1(patients, willCreate) : kind === 'orgs' ? counts1(orgs, willCreate) : live.length)
    }
    const preview: CsvPreview = {
      name: input.name,
      kind,
      encoding: decoded.encoding,
      layoutHash,
      headers,
      rowCount: rows.length,
      fields: TARGETS[kind],
      mapping,
      mappingSource,
      unmapped,
      missingRequired,
      dateColumns,
      rows: drafts.slice(0, PREVIEW_ROWS),
      problems: problems.slice(0, MAX_PROBLEMS_SHOWN),
      problemCount: problems.length,
      duplicates,
      counts,
      blockers
    }
    return { preview, drafts, patients, orgs, caseRows: live }
  }

  return {
    preview: (input: CsvImportInput): CsvPreview => plan(input).preview,

    async commit(input: CsvImportInput, progress: Progress = {}): Promise<CsvImportResult> {
      const p = plan(input)
      if (p.preview.blockers.length) {
        throw new AppError('INVALID_INPUT', `Nothing was imported. ${p.preview.blockers.join(' ')}`, { blockers: p.preview.blockers, problems: p.preview.problems.slice(0, 50) })
      }
      throwIfCancelled(progress, 'The import')
      const backup = await s.store.backups.create('pre-import')
      const decisionOf = (key: string) => input.decisions?.[key] ?? input.duplicates ?? null
      const kind = input.kind
      const total = p.preview.counts.patients + p.preview.counts.organizations + p.preview.counts.cases
      let done = 0
      const advance = (n: number) => {
        done += n
        progress.onProgress?.(done, total)
      }
      const patientIds = new Map<string, string>()
      const orgIds = new Map<string, string>()
      try {
        const wantedPatients = kind === 'patients' ? new Set(p.patients.keys()) : new Set(p.caseRows.map((d) => patientKey(d.patient!)))
        const wantedOrgs = kind === 'orgs' ? new Set(p.orgs.keys()) : new Set(p.caseRows.map((d) => orgKey(d.organization!)))
        // Each kind goes in batches: one durable write per batch (store/batch-journal.ts), progress
        // and a chance to cancel between them. The backup above makes the whole import all or nothing.
        const toCreate = <T>(groups: Map<string, Group<T>>, wanted: Set<string>, ids: Map<string, string>): Array<[string, T]> => {
          const out: Array<[string, T]> = []
          for (const [k, g] of groups) {
            if (!wanted.has(k)) continue
            if (g.existing && decisionOf(g.key) !== 'new') ids.set(k, g.existing.id)
            else out.push([k, g.draft])
          }
          return out
        }
        for (const part of chunks(toCreate(p.orgs, wantedOrgs, orgIds), BATCH)) {
          throwIfCancelled(progress, 'The import')
          const made = await s.organizations.addMany(part.map(([, d]) => d))
          part.forEach(([k], i) => orgIds.set(k, made[i]!.id))
          advance(part.length)
        }
        for (const part of chunks(toCreate(p.patients, wantedPatients, patientIds), BATCH)) {
          throwIfCancelled(progress, 'The import')
          const made = await s.patients.addManyParsed(part.map(([, d]) => d)) // parsed by rows.ts, validated by the store
          part.forEach(([k], i) => patientIds.set(k, made[i]!.id))
          advance(part.length)
        }
        // The cases, the bulk of an import, in one durable write: each write's fsyncs wait for the
        // whole disk, so ten batches cost ten times the waiting. Progress and cancel come while they are checked.
        throwIfCancelled(progress, 'The import')
        const before = done
        // Each row's fields and events were parsed by their schemas to report its problems (rows.ts):
        // not parsed again; the store still validates every composed case with the case schema.
        const made = await s.cases.addManyParsed(
          p.caseRows.map((d) => ({ fields: { ...d.case!.fields, patientId: patientIds.get(patientKey(d.patient!))!, organizationId: orgIds.get(orgKey(d.organization!))! }, events: d.case!.events })),
          { onDrafted: (n) => advance(before + n - done), stopIfCancelled: () => throwIfCancelled(progress, 'The import') }
        )
        const events = made.reduce((n, c) => n + c.events.length, 0)
        const settings = s.store.singletons.settings.get()
        await s.store.singletons.settings.put({ ...settings, csvMappings: { ...settings.csvMappings, [p.preview.layoutHash]: p.preview.mapping } })
        const { counts } = p.preview
        return { backupId: backup.id, patients: counts.patients, organizations: counts.organizations, cases: counts.cases, events, skipped: counts.skipped }
      } catch (error) {
        // All or nothing: whatever was written goes, by putting the folder back as it was.
        await s.store.flush()
        await s.store.backups.restore(backup.id)
        for (const { id } of s.store.records.cases.summaries()) s.clocks.forget(id)
        throw error
      }
    }
  }
}

/**
 * Patients or organizations per durable write. Each batch rewrites every shard file it touches
 * (they are spread over all of them), so fewer, larger batches; small enough for progress and cancel.
 */
const BATCH = 5000

function chunks<T>(items: ReadonlyArray<T>, size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

function counts1<T>(groups: Map<string, Group<T>>, willCreate: (g: Group<T>) => boolean): number {
  return [...groups.values()].filter(willCreate).length
}

export type CsvImporter = ReturnType<typeof csvImporter>
