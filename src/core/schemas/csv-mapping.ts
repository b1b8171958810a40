// A CSV column mapping the user confirmed, kept in settings under a hash of the file's header row
// so the next file of the same layout opens with it already chosen.
import { z } from 'zod'

const header = z.string().min(1).max(200)

export const CsvMappingSchema = z.strictObject({
  kind: z.enum(['patients', 'orgs', 'cases', 'requests']),
  /** Header → field key, or null to ignore the column. */
  columns: z.record(header, z.string().min(1).max(64).nullable()),
  /** How slash dates in a column are ordered, where the values alone cannot say. */
  dateOrder: z.record(header, z.enum(['mdy', 'dmy'])).default({})
})
export type CsvMapping = z.infer<typeof CsvMappingSchema>
export type CsvMappingInput = z.input<typeof CsvMappingSchema>

/** Remembered mappings by layout hash (16 hex digits), at most a few hundred layouts. */
export const CsvMappingsSchema = z.record(z.string().regex(/^[a-f0-9]{16}$/), CsvMappingSchema)
