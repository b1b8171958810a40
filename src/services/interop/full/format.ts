// The full export's layout: what a zip must hold to be read back, with every file's SHA-256 in
// the manifest. Records are the store's own validated JSON, so nothing is lost on the way.
import { z } from 'zod'

export const EXPORT_FORMAT = 'access-advocate-export'
export const EXPORT_FORMAT_VERSION = 1
export const MANIFEST_PATH = 'manifest.json'

export const PATHS = {
  settings: 'records/settings.json',
  patients: 'records/patients.json',
  organizations: 'records/organizations.json',
  casePrefix: 'records/cases/',
  attachmentPrefix: 'attachments/'
} as const

export const ManifestSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  appVersion: z.string().max(100),
  rulesVersion: z.string().max(100),
  counts: z.strictObject({ cases: z.number().int(), patients: z.number().int(), organizations: z.number().int(), attachments: z.number().int() }),
  files: z.array(z.strictObject({ path: z.string().min(1).max(300), sha256: z.string().regex(/^[a-f0-9]{64}$/), bytes: z.number().int().nonnegative() })).max(500_000)
})
export type Manifest = z.infer<typeof ManifestSchema>

/** Records as text: two-space JSON and a final newline, the same every time for the same record. */
export const jsonBytes = (value: unknown): Uint8Array => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`)
