// Patients and their representatives, and the holders known to have their records but not yet asked.
import { z } from 'zod'
import { HolderInputSchema } from '#shared/channels/directory'
import {
  applyPatch,
  patchSchema,
  PatientFieldsSchema,
  type HolderToRequest,
  type Patient,
  type PatientFields,
  type PatientFieldsInput
} from '../core/schemas'
import { AppError } from '#shared/errors'
import { nowIso, todayOf, type ServiceContext } from './context'
import { commit, commitMany, type Change } from './write'
import { invalidField, notFound, parseOrThrow } from './validate'
import { checkBirthDate } from './plausible'
import { casesReferring, describeReferringCases } from './references'

export const PatientPatchSchema = patchSchema(PatientFieldsSchema)
export type PatientPatch = z.input<typeof PatientPatchSchema>
export type HolderInput = z.input<typeof HolderInputSchema>

export function patientService(ctx: ServiceContext) {
  const patients = ctx.store.sharded.patients

  const get = (id: string): Patient => {
    const p = patients.get(id)
    if (!p) throw notFound('patient', id)
    return p
  }

  /** Through the one write path (write.ts): audit entry, validation and revision by the store, durable write. */
  const save = (change: Change<Patient>): Promise<Patient> => commit(ctx, patients, change)
  const created = (input: PatientFieldsInput, what: string): Change<Patient> => createdFrom(parseOrThrow(PatientFieldsSchema, input, what), what)
  const createdFrom = (fields: PatientFields, what: string): Change<Patient> => {
    checkBirthDate(fields.dateOfBirth, todayOf(ctx), [what, 'dateOfBirth'])
    const at = nowIso(ctx)
    const patient: Patient = { ...fields, representatives: withIds(ctx, 'rep', fields.representatives), id: ctx.newId('pat'), createdAt: at, updatedAt: at, history: [] }
    return { before: undefined, next: patient, audit: [{ action: 'create', entity: 'patient' }] }
  }
  const updated = (before: Patient, next: Patient) => save({ before, next, audit: [{ action: 'update', entity: 'patient' }] })

  return {
    get,
    list(query: { text?: string } = {}): Patient[] {
      const needle = query.text?.trim().toLowerCase()
      return patients
        .all()
        .filter((p) => !needle || p.name.toLowerCase().includes(needle) || p.identifiers.some((i) => i.value.toLowerCase().includes(needle)))
        .slice()
        .sort((a, b) => a.name.localeCompare(b.name))
    },

    async add(input: PatientFieldsInput): Promise<Patient> {
      return save(created(input, 'patient'))
    },

    /** Many new patients in one durable write (imports), each checked and audited as add would. */
    async addMany(inputs: ReadonlyArray<PatientFieldsInput>): Promise<Patient[]> {
      return commitMany(ctx, patients, inputs.map((input, i) => created(input, `patients[${i}]`)))
    },

    /**
     * addMany for fields its caller already parsed with PatientFieldsSchema (the CSV import, which
     * parses each row to report its problems there): not parsed again, every other check as in
     * addMany, and the store validates each composed patient with the patient schema.
     */
    async addManyParsed(fields: ReadonlyArray<PatientFields>): Promise<Patient[]> {
      return commitMany(ctx, patients, fields.map((f, i) => createdFrom(f, `patients[${i}]`)))
    },

    async update(id: string, patch: PatientPatch): Promise<Patient> {
      const before = get(id)
      const changes = parseOrThrow(PatientPatchSchema, patch, 'patient')
      checkBirthDate(changes.dateOfBirth, todayOf(ctx), ['patch', 'dateOfBirth'])
      const merged: Patient = applyPatch(before, changes)
      if (changes.representatives) merged.representatives = withIds(ctx, 'rep', changes.representatives)
      return updated(before, merged)
    },

    async remove(id: string): Promise<void> {
      get(id)
      const referring = casesReferring(ctx, { patientId: id })
      if (referring.length > 0) {
        throw new AppError('IN_USE', `This patient cannot be deleted: ${describeReferringCases(ctx, referring)} to them. Give each of those cases another patient first (Edit request → Patient in the window, or cases.update with a patientId); a case in the trash counts until it is deleted for good.`, {
          cases: referring
        })
      }
      await patients.remove(id)
    },

    async addHolder(patientId: string, input: HolderInput): Promise<HolderToRequest> {
      const before = get(patientId)
      const fields = parseOrThrow(HolderInputSchema, input, 'holder to request', ['holder'])
      if (fields.organizationId && !ctx.store.sharded.organizations.get(fields.organizationId)) {
        throw invalidField(['holder', 'organizationId'], `no organization with id "${fields.organizationId}"`, 'holder to request')
      }
      const holder: HolderToRequest = { ...fields, id: ctx.newId('hold'), notedOn: fields.notedOn ?? todayOf(ctx) }
      await updated(before, { ...before, holdersToRequest: [...before.holdersToRequest, holder] })
      return holder
    },

    /** Marks a holder as requested by the case opened for it. */
    async linkHolderToCase(patientId: string, holderId: string, caseId: string): Promise<void> {
      const before = get(patientId)
      if (!before.holdersToRequest.some((h) => h.id === holderId)) throw notFound('holder to request', holderId)
      await updated(before, { ...before, holdersToRequest: before.holdersToRequest.map((h) => (h.id === holderId ? { ...h, caseId } : h)) })
    }
  }
}

export type PatientService = ReturnType<typeof patientService>

/** Gives every entry written without an id one (checklist items, representatives). */
export function withIds<T extends { id?: string | undefined }>(ctx: ServiceContext, prefix: string, items: ReadonlyArray<T>): Array<T & { id: string }> {
  return items.map((item) => ({ ...item, id: item.id ?? ctx.newId(prefix) }))
}
