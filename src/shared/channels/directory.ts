// Patients and organizations.
import { z } from 'zod'
import {
  HolderToRequestSchema,
  IdSchema,
  ORGANIZATION_KINDS,
  OrganizationFieldsSchema,
  OrganizationSchema,
  PatientFieldsSchema,
  PatientSchema,
  CaseFieldsSchema,
  CaseSchema,
  patchSchema
} from '../../core/schemas'
import { channel } from './channel'
import { RequestSentSchema } from './cases'

const byId = z.strictObject({ id: IdSchema })
const done = z.object({ ok: z.literal(true) })

export const PatientListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  dateOfBirth: z.string().nullable(),
  representatives: z.number(),
  holdersPending: z.number(),
  /** Live requests still running (awaiting, overdue, not yet sent) and those overdue, as of today. */
  open: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative()
})
export type PatientListItem = z.infer<typeof PatientListItemSchema>

export const OrganizationListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ORGANIZATION_KINDS),
  state: z.string().nullable(),
  city: z.string().nullable(),
  open: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative()
})
export type OrganizationListItem = z.infer<typeof OrganizationListItemSchema>

export const HolderInputSchema = HolderToRequestSchema.omit({ id: true, caseId: true, notedOn: true }).extend({
  notedOn: HolderToRequestSchema.shape.notedOn.optional()
})

export const directoryChannels = {
  'patients.list': channel(z.strictObject({ text: z.string().max(200).optional() }), z.array(PatientListItemSchema)),
  'patients.get': channel(byId, PatientSchema),
  'patients.add': channel(z.strictObject({ patient: PatientFieldsSchema }), PatientSchema),
  'patients.update': channel(z.strictObject({ id: IdSchema, patch: patchSchema(PatientFieldsSchema) }), PatientSchema),
  'patients.remove': channel(byId, done),
  'patients.addHolder': channel(z.strictObject({ patientId: IdSchema, holder: HolderInputSchema }), HolderToRequestSchema),
  /** Turns a holder known about into a case; the holder remembers the case it became. */
  'patients.holderToCase': channel(
    z.strictObject({ patientId: IdSchema, holderId: IdSchema, case: CaseFieldsSchema.omit({ patientId: true }), sent: RequestSentSchema.optional() }),
    CaseSchema
  ),
  'orgs.list': channel(
    z.strictObject({ text: z.string().max(200).optional(), kind: z.enum(ORGANIZATION_KINDS).optional(), state: z.string().max(2).optional() }),
    z.array(OrganizationListItemSchema)
  ),
  'orgs.get': channel(byId, OrganizationSchema),
  'orgs.add': channel(z.strictObject({ organization: OrganizationFieldsSchema }), OrganizationSchema),
  'orgs.update': channel(z.strictObject({ id: IdSchema, patch: patchSchema(OrganizationFieldsSchema) }), OrganizationSchema),
  'orgs.remove': channel(byId, done)
}
