import { z } from 'zod'
import {
  AttachmentRefSchema,
  DateSchema,
  EmailSchema,
  IdSchema,
  InstantSchema,
  LongTextSchema,
  NameSchema,
  ShortTextSchema
} from './primitives'
import { AuditEntrySchema } from './audit'

export const AUTHORITY_TYPES = ['self', 'parent', 'guardian', 'health-care-poa', 'executor', 'other'] as const

export const RepresentativeSchema = z.strictObject({
  id: IdSchema,
  name: NameSchema,
  relationship: ShortTextSchema.optional(),
  authority: z.enum(AUTHORITY_TYPES),
  authorityDocument: AttachmentRefSchema.optional(),
  scope: ShortTextSchema.optional(),
  expires: DateSchema.optional()
})
export type Representative = z.infer<typeof RepresentativeSchema>
/** As written by a person: the service gives a representative without an id one. */
export const RepresentativeInputSchema = RepresentativeSchema.extend({ id: IdSchema.optional() })

export const ContactDetailsSchema = z.strictObject({
  phone: ShortTextSchema.optional(),
  email: EmailSchema.optional(),
  address: ShortTextSchema.optional()
})

/** An identifier a records holder uses for the patient (MRN, member id). */
export const PatientIdentifierSchema = z.strictObject({
  organizationId: IdSchema,
  kind: z.enum(['mrn', 'member-id', 'account', 'other']),
  value: ShortTextSchema.min(1, 'must not be empty')
})

/** A holder known to have records but not yet asked: never silently forgotten. */
export const HolderToRequestSchema = z.strictObject({
  id: IdSchema,
  name: NameSchema,
  organizationId: IdSchema.optional(),
  /** Where the holder was found: a referral, a prescription label, a bill… */
  foundIn: ShortTextSchema.min(1, 'say where this holder was found (a referral, a bill…)'),
  notedOn: DateSchema,
  /** Set once a case was opened for it. */
  caseId: IdSchema.optional()
})
export type HolderToRequest = z.infer<typeof HolderToRequestSchema>

export const PatientFieldsSchema = z.strictObject({
  name: NameSchema,
  dateOfBirth: DateSchema.optional(),
  contact: ContactDetailsSchema.default({}),
  preferredLanguage: ShortTextSchema.optional(),
  identifiers: z.array(PatientIdentifierSchema).max(200).default([]),
  notes: LongTextSchema.optional(),
  representatives: z.array(RepresentativeInputSchema).max(50).default([]),
  holdersToRequest: z.array(HolderToRequestSchema).max(500).default([])
})
export type PatientFields = z.infer<typeof PatientFieldsSchema>
export type PatientFieldsInput = z.input<typeof PatientFieldsSchema>

export const PatientSchema = z.strictObject({
  ...PatientFieldsSchema.shape,
  representatives: z.array(RepresentativeSchema).max(50).default([]),
  id: IdSchema,
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  deletedAt: InstantSchema.optional(),
  history: z.array(AuditEntrySchema).default([])
})
export type Patient = z.infer<typeof PatientSchema>
