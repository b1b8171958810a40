// Text as it comes in (the window, the command line, an import), before it is stored: control
// characters are refused here, naming the field, because a terminal or a letter would act on them
// (ANSI/OSC escapes, a bell, NUL). Only line breaks and tabs pass. This is an input-only rule: the
// stored-record schemas are not tightened, so data written before it is never quarantined by it.
import { z } from 'zod'

/** C0 controls except tab, line feed and carriage return; DEL; the C1 controls (U+0080–U+009F, e.g. the one-byte CSI and OSC). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/

const NAMES: Record<number, string> = { 0x00: 'NUL', 0x07: 'bell', 0x08: 'backspace', 0x0b: 'vertical tab', 0x0c: 'form feed', 0x1b: 'escape', 0x7f: 'delete', 0x9b: 'CSI', 0x9d: 'OSC' }

/** What is wrong with a piece of text typed in, or null: "contains a control character (U+001B escape) at character 5; …". */
export function controlCharacterProblem(text: string): string | null {
  const m = CONTROL.exec(text)
  if (!m) return null
  const code = m[0].charCodeAt(0)
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
  const name = NAMES[code]
  return `contains a control character (${hex}${name ? ` ${name}` : ''}) at character ${m.index + 1}; remove it (only line breaks and tabs are allowed)`
}

/** Every string in a value (keys included), with its path, that holds a control character. */
export function controlCharacterIssues(value: unknown, path: Array<string | number> = []): Array<{ path: Array<string | number>; message: string }> {
  const issues: Array<{ path: Array<string | number>; message: string }> = []
  const walk = (v: unknown, at: Array<string | number>, depth: number): void => {
    if (depth > 64 || issues.length >= 20) return
    if (typeof v === 'string') {
      const problem = controlCharacterProblem(v)
      if (problem) issues.push({ path: at, message: problem })
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, [...at, i], depth + 1))
    } else if (v !== null && typeof v === 'object' && !(v instanceof Uint8Array)) {
      for (const [key, item] of Object.entries(v)) {
        const keyProblem = controlCharacterProblem(key)
        if (keyProblem) issues.push({ path: at, message: `a field name ${keyProblem}` })
        walk(item, [...at, key], depth + 1)
      }
    }
  }
  walk(value, path, 0)
  return issues
}

/**
 * The input-only schema every channel's input passes before its own schema: any value, refused
 * with one issue per field that holds a control character.
 */
export const NoControlCharactersSchema = z.unknown().superRefine((value, ctx) => {
  for (const issue of controlCharacterIssues(value)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message })
})
