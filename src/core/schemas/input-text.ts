// Text as it comes in (the window, the command line, an import), before it is stored: control
// characters are refused here, naming the field, because a terminal or a letter would act on them
// (ANSI/OSC escapes, a bell, NUL). Line breaks and tabs pass only in long text (notes, a letter's
// body, a signature block…): in a name or a one-line field they would break a list, a CSV row or a
// letter's address block. This is an input-only rule: the stored-record schemas are not tightened,
// so data written before it is never quarantined by it.
import { z } from 'zod'

/** C0 controls except tab, line feed and carriage return; DEL; the C1 controls (U+0080–U+009F, e.g. the one-byte CSI and OSC). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/

/** Tab, line feed and carriage return: text layout, allowed in long text only. */
const LAYOUT = /[\t\n\r]/

const NAMES: Record<number, string> = { 0x00: 'NUL', 0x07: 'bell', 0x08: 'backspace', 0x09: 'tab', 0x0a: 'line break', 0x0b: 'vertical tab', 0x0c: 'form feed', 0x0d: 'carriage return', 0x1b: 'escape', 0x7f: 'delete', 0x9b: 'CSI', 0x9d: 'OSC' }

/**
 * The fields whose text may run over several lines. A string is long text when any key on its path
 * is one of these (a letter's `values` holds multi-line addresses; a passphrase is never shown).
 */
export const LONG_TEXT_KEYS: ReadonlySet<string> = new Set(['notes', 'body', 'description', 'signatureBlock', 'values', 'passphrase'])

export type TextKind = 'long' | 'line'

const describe = (code: number, index: number): string => {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
  const name = NAMES[code]
  return `${hex}${name ? ` ${name}` : ''}) at character ${index + 1}`
}

/**
 * What is wrong with a piece of text typed in, or null: "contains a control character (U+001B
 * escape) at character 5; …". One-line text (the default) refuses tabs and line breaks too.
 */
export function controlCharacterProblem(text: string, kind: TextKind = 'line'): string | null {
  const m = CONTROL.exec(text)
  if (m) return `contains a control character (${describe(m[0].charCodeAt(0), m.index)}; remove it${kind === 'long' ? ' (only line breaks and tabs are allowed)' : ''}`
  if (kind === 'long') return null
  const layout = LAYOUT.exec(text)
  if (layout) return `is one line but contains a ${layout[0] === '\t' ? 'tab' : 'line break'} (${describe(layout[0].charCodeAt(0), layout.index)}; remove it (line breaks are allowed only in notes and other long text)`
  return null
}

/** Every string in a value (keys included), with its path, that holds a control character. */
export function controlCharacterIssues(value: unknown, path: Array<string | number> = []): Array<{ path: Array<string | number>; message: string }> {
  const issues: Array<{ path: Array<string | number>; message: string }> = []
  const walk = (v: unknown, at: Array<string | number>, kind: TextKind, depth: number): void => {
    if (depth > 64 || issues.length >= 20) return
    if (typeof v === 'string') {
      const problem = controlCharacterProblem(v, kind)
      if (problem) issues.push({ path: at, message: problem })
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, [...at, i], kind, depth + 1))
    } else if (v !== null && typeof v === 'object' && !(v instanceof Uint8Array)) {
      for (const [key, item] of Object.entries(v)) {
        const keyProblem = controlCharacterProblem(key)
        if (keyProblem) issues.push({ path: at, message: `a field name ${keyProblem}` })
        walk(item, [...at, key], kind === 'long' || LONG_TEXT_KEYS.has(key) ? 'long' : 'line', depth + 1)
      }
    }
  }
  walk(value, path, path.some((k) => typeof k === 'string' && LONG_TEXT_KEYS.has(k)) ? 'long' : 'line', 0)
  return issues
}

/**
 * The input-only schema every channel's input passes before its own schema: any value, refused
 * with one issue per field that holds a control character.
 */
export const NoControlCharactersSchema = z.unknown().superRefine((value, ctx) => {
  for (const issue of controlCharacterIssues(value)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message })
})
