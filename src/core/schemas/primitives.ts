// Building blocks shared by every record schema: ids that are safe as file names, bounded text,
// calendar dates within a sane range, and instants.
import { z } from 'zod'
import { isValidIsoDate } from '../clocks/dates'

/** Earliest and latest calendar dates the app accepts anywhere: before 1900 or after 2100 is a typo. */
export const EARLIEST_DATE = '1900-01-01'
export const LATEST_DATE = '2100-12-31'

/** Record ids become file names, so they are short, lower-case and path-safe. */
export const IdSchema = z
  .string({ error: 'expected an id' })
  .regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'must be 3–64 lower-case letters, digits or dashes')
export type Id = z.infer<typeof IdSchema>

export const DateSchema = z.string({ error: 'expected a date written YYYY-MM-DD' }).check((ctx) => {
  const v = ctx.value
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    ctx.issues.push({ code: 'custom', input: v, message: `${JSON.stringify(v.slice(0, 40))} is not a date written YYYY-MM-DD` })
  } else if (!isValidIsoDate(v)) {
    ctx.issues.push({ code: 'custom', input: v, message: `${v} is not a real calendar date` })
  } else if (v < EARLIEST_DATE || v > LATEST_DATE) {
    ctx.issues.push({ code: 'custom', input: v, message: `${v} is outside ${EARLIEST_DATE} to ${LATEST_DATE}` })
  }
})
export type IsoDate = z.infer<typeof DateSchema>

/** An instant, ISO 8601 with a zone (what `Date.prototype.toISOString` writes). */
export const InstantSchema = z.iso.datetime({ offset: true, error: 'expected a timestamp such as 2026-11-25T10:00:00Z' })

/** 100000 → "100,000". Not toLocaleString: its first call loads the ICU locale data (~70 ms at start-up). */
const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')

const bounded = (max: number, what: string) => z.string().max(max, `is too long (${what}: at most ${grouped(max)} characters)`)

/** A name or title: trimmed, not empty, one line. */
export const NameSchema = bounded(200, 'a name')
  .trim()
  .min(1, 'must not be empty')
  .refine((s) => !/[\r\n]/.test(s), 'must be a single line')
/** A short single-line text (a summary, a label, a phone number). */
export const ShortTextSchema = bounded(500, 'a short text').trim()
/** A long free text (a note, a letter's body, a call's transcript). */
export const LongTextSchema = bounded(100_000, 'a text')

export const UsStateSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'must be a two-letter state code such as CA')

export const EmailSchema = z.email('is not an e-mail address').max(320)
export const UrlSchema = z.url({ protocol: /^https?$/, error: 'must be a web address starting with http:// or https://' }).max(2000)

export const TagSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(40, 'is too long (a tag: at most 40 characters)')
  .regex(/^[^,\r\n]+$/, 'must not contain commas or line breaks')

/** A file stored in the data folder by its content hash. */
export const AttachmentRefSchema = z.strictObject({
  sha256: z.string().regex(/^[a-f0-9]{64}$/, 'must be a sha-256 hash'),
  name: z
    .string()
    .min(1, 'must not be empty')
    .max(255, 'is too long (a file name: at most 255 characters)')
    .refine((s) => !s.includes('\uFFFD'), 'is not valid UTF-8 text; rename the file and try again'),
  type: z.string().max(200),
  size: z.number().int().nonnegative()
})
export type AttachmentRef = z.infer<typeof AttachmentRefSchema>
