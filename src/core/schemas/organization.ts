import { z } from 'zod'
import { EmailSchema, IdSchema, InstantSchema, LongTextSchema, NameSchema, ShortTextSchema, UrlSchema, UsStateSchema } from './primitives'
import { AuditEntrySchema } from './audit'

export const ORGANIZATION_KINDS = [
  'provider',
  'hospital',
  'health-plan',
  'lab',
  'business-associate',
  'hie',
  'app-developer'
] as const

export const OrgContactSchema = z.strictObject({
  name: ShortTextSchema.optional(),
  phone: ShortTextSchema.optional(),
  fax: ShortTextSchema.optional(),
  email: EmailSchema.optional(),
  portalUrl: UrlSchema.optional()
})

export const AddressSchema = z.strictObject({
  line1: ShortTextSchema.optional(),
  line2: ShortTextSchema.optional(),
  city: ShortTextSchema.optional(),
  state: UsStateSchema.optional(),
  postalCode: z.string().trim().regex(/^\d{5}(-\d{4})?$/, 'must be a ZIP code such as 94110 or 94110-1234').optional()
})

export const OrganizationFieldsSchema = z.strictObject({
  name: NameSchema,
  kind: z.enum(ORGANIZATION_KINDS),
  address: AddressSchema.default({}),
  /** State whose law applies to the holder (usually where it operates). */
  state: UsStateSchema.optional(),
  privacyOfficer: OrgContactSchema.default({}),
  records: OrgContactSchema.default({}),
  /** HIPAA covered entity? Left out when unknown. */
  coveredEntity: z.boolean().optional(),
  notes: LongTextSchema.optional()
})
export type OrganizationFields = z.infer<typeof OrganizationFieldsSchema>
export type OrganizationFieldsInput = z.input<typeof OrganizationFieldsSchema>

export const OrganizationSchema = z.strictObject({
  ...OrganizationFieldsSchema.shape,
  id: IdSchema,
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  deletedAt: InstantSchema.optional(),
  history: z.array(AuditEntrySchema).default([])
})
export type Organization = z.infer<typeof OrganizationSchema>
