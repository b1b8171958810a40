// Text that reaches a terminal: data (names, summaries, file names) may hold escape sequences
// that recolour, retitle or rewrite the screen (ANSI CSI, OSC, bell, NUL, bidi overrides). Every
// character that is not plain text is shown as a visible escape instead; newline and tab stay.

const NAMED: Record<string, string> = { '\u001b': '\\e', '\u0007': '\\a', '\u0000': '\\0', '\r': '\\r', '\b': '\\b', '\f': '\\f', '\v': '\\v' }

// C0 controls except \t and \n, DEL, C1 controls, and the Unicode bidirectional overrides/isolates.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g
const UNSAFE_KEEP_CR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

const escapeOne = (c: string): string =>
  NAMED[c] ?? (c.charCodeAt(0) > 0xff ? `\\u{${c.charCodeAt(0).toString(16)}}` : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)

/**
 * @param mode 'text' for what people read; 'progress' keeps carriage returns, for our own progress
 *   lines on stderr ("\r12/200 cases"); 'json' for JSON output, where the few characters
 *   JSON.stringify leaves raw (C1 controls, bidi overrides) become \uXXXX, still valid JSON
 */
export function safeForTerminal(text: string, mode: 'text' | 'progress' | 'json' = 'text'): string {
  if (mode === 'json') return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  return text.replace(mode === 'progress' ? UNSAFE_KEEP_CR : UNSAFE, escapeOne)
}
