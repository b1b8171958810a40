// How much of a patient's identity leaves the app in a calendar or a file name: by default only
// initials, which say whose case it is to the advocate and little to anyone else.
export const PHI_LEVELS = ['initials', 'names', 'none'] as const
export type PhiLevel = (typeof PHI_LEVELS)[number]

export function initialsOf(name: string): string {
  const parts = name.split(/[\s,]+/).filter((p) => /\p{L}/u.test(p))
  return parts.map((p) => `${[...p.replace(/^[^\p{L}]+/u, '')][0]!.toUpperCase()}.`).join('')
}

/** The patient as shown at this level, or null for none. */
export const patientLabel = (name: string, level: PhiLevel): string | null => (level === 'none' ? null : level === 'names' ? name : initialsOf(name))
