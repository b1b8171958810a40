// The built-in templates, validated once when loaded: a broken built-in fails every test at once.
import { LetterTemplateSchema, type LetterTemplate } from '../template'
import { ADVOCATE_TEMPLATES } from './advocate'
import { PRACTICE_TEMPLATES } from './practice'

export const BUILT_IN_TEMPLATES: ReadonlyArray<LetterTemplate> = [...ADVOCATE_TEMPLATES, ...PRACTICE_TEMPLATES].map((t) => {
  const parsed = LetterTemplateSchema.safeParse(t)
  if (!parsed.success) throw new Error(`built-in template ${t.id}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  return parsed.data
})

export const isBuiltInTemplateId = (id: string): boolean => BUILT_IN_TEMPLATES.some((t) => t.id === id)
