// The built-in templates, validated on first use (not at module load: the window's bundle imports
// this module for the templates' titles, and parsing every template with zod cost 90–120 ms of the
// window's start before the first caseload rows). The same check as before: a broken built-in still
// fails every test, and every caller, the first time the list is asked for.
import { LetterTemplateSchema, type LetterTemplate } from '../template'
import { ADVOCATE_TEMPLATES } from './advocate'
import { PRACTICE_TEMPLATES } from './practice'

let parsed: ReadonlyArray<LetterTemplate> | undefined

export function builtInTemplates(): ReadonlyArray<LetterTemplate> {
  parsed ??= [...ADVOCATE_TEMPLATES, ...PRACTICE_TEMPLATES].map((t) => {
    const result = LetterTemplateSchema.safeParse(t)
    if (!result.success) throw new Error(`built-in template ${t.id}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
    return result.data
  })
  return parsed
}

export const isBuiltInTemplateId = (id: string): boolean => builtInTemplates().some((t) => t.id === id)
