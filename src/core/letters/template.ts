// A letter template: text with merge fields, and what it declares about itself (the fields it needs,
// the cases and ladder steps it fits, what the letter becomes when it is marked sent). Built-in
// templates and the user's own copies share this shape; user templates are validated with it.
import { z } from 'zod'
import { ESCALATION_STEP_IDS } from '../escalation'
import { REQUEST_KINDS } from '../schemas/case'
import { FIELD_PATHS } from './catalogue'
import { TemplateError, namesIn } from './engine'

export const SEND_AS = [
  'request-sent',
  'follow-up-sent',
  'privacy-officer-escalation',
  'notice-of-intent',
  'complaint-filed:ocr',
  'complaint-filed:information-blocking',
  'fee-disputed',
  'review-requested',
  'acknowledgement',
  'extension-notice',
  'denial',
  'note'
] as const
export type SendAs = (typeof SEND_AS)[number]

export const DIRECTIVES = ['chronology', 'exhibits', 'findings', 'fee-items', 'dates'] as const
export type Directive = (typeof DIRECTIVES)[number]

const line = z.string().max(4000, 'is too long (a line: at most 4,000 characters)')
const field = z.string().refine((p) => FIELD_PATHS.has(p), { message: 'is not a merge field' })

export const TemplateIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'must be 3–64 lower-case letters, digits or dashes')

export const LetterTemplateSchema = z
  .strictObject({
    id: TemplateIdSchema,
    version: z.number().int().positive(),
    title: z.string().trim().min(1, 'must not be empty').max(200),
    side: z.enum(['advocate', 'practice']),
    kinds: z.array(z.enum(REQUEST_KINDS)).min(1, 'name at least one kind of request'),
    steps: z.array(z.enum(ESCALATION_STEP_IDS)).default([]),
    /** The built-in template this one was copied from: its safeguards apply to the copy too. */
    base: TemplateIdSchema,
    /** False for a letter that can be written before the request is sent (the request itself). */
    needsClock: z.boolean(),
    sendAs: z.enum(SEND_AS),
    /** Whom the letter is addressed to: the records holder, OCR, ONC, or (practice side) the patient. */
    recipient: z.enum(['holder', 'ocr', 'onc', 'patient']).default('holder'),
    required: z.array(field).max(100).default([]),
    optional: z.array(field).max(100).default([]),
    /** Fields required only when a flag holds (e.g. the good-cause statement once the window closed). */
    requiredWhen: z.array(z.strictObject({ flag: field, fields: z.array(field).min(1) })).default([]),
    attention: line.default(''),
    re: z.array(line).max(20).default([]),
    salutation: line,
    body: z.string().max(100_000, 'is too long (a body: at most 100,000 characters)'),
    close: line.default('Sincerely,'),
    enclosures: z.array(line).max(30).default([]),
    cc: z.array(line).max(10).default([])
  })
  .superRefine((t, ctx) => {
    const check = (text: string, path: (string | number)[]) => {
      try {
        namesIn(text, path.join('.'))
      } catch (error) {
        if (error instanceof TemplateError) ctx.addIssue({ code: 'custom', path, message: error.message })
        else throw error
      }
    }
    check(t.attention, ['attention'])
    t.re.forEach((l, i) => check(l, ['re', i]))
    check(t.salutation, ['salutation'])
    t.body.split('\n').forEach((l, i) => {
      const directive = /^\s*\[\[(.*)\]\]\s*$/.exec(l)
      if (directive) {
        if (!(DIRECTIVES as readonly string[]).includes(directive[1]!)) ctx.addIssue({ code: 'custom', path: ['body'], message: `line ${i + 1}: [[${directive[1]}]] is not one of ${DIRECTIVES.map((d) => `[[${d}]]`).join(', ')}` })
      } else check(l, ['body', `line ${i + 1}`])
    })
    check(t.close, ['close'])
    t.enclosures.forEach((l, i) => check(l, ['enclosures', i]))
    t.cc.forEach((l, i) => check(l, ['cc', i]))
  })
export type LetterTemplate = z.infer<typeof LetterTemplateSchema>
export type LetterTemplateInput = z.input<typeof LetterTemplateSchema>

/** Every name a template uses anywhere, in order of first use. */
export function templateNames(t: LetterTemplate): string[] {
  const lines = [t.attention, ...t.re, t.salutation, ...t.body.split('\n').filter((l) => !/^\s*\[\[/.test(l)), t.close, ...t.enclosures, ...t.cc]
  return [...new Set(lines.flatMap((l) => namesIn(l)))]
}
