// The data folder's `.stignore` (Syncthing's ignore file; it never travels itself): what belongs to
// this computer only. The app owns one marked block and keeps anything a person added around it;
// it rewrites the file only when the block differs, never on an edit.
import type { FileIo } from '../file-io'
import { BACKUPS_DIR, LOCAL_DIR, QUARANTINE_DIR } from '../layout'

export const STIGNORE_FILE = '.stignore'
const BEGIN = '// BEGIN Access Advocate: files of this computer only (the app rewrites this block)'
const END = '// END Access Advocate'

/**
 * What never travels, and why:
 * - .local/: the lock, this device's id, the case index and the validated-content cache;
 * - quarantine/: damaged files and merged conflict copies set aside here, with their records;
 * - backups/: each computer keeps its own rolling backups (zips of the whole folder: syncing them
 *   would multiply the folder's size by the number of computers);
 * - temp files of a write in progress (`.<name>.<hex>.tmp`), which the store sweeps at open.
 * `(?d)` lets Syncthing delete an ignored file that would keep a deleted folder from going away.
 */
export const IGNORED_PATTERNS: readonly string[] = [`/${LOCAL_DIR}`, `/${QUARANTINE_DIR}`, `/${BACKUPS_DIR}`, '(?d).*.tmp']

export const stignoreBlock = (): string => [BEGIN, ...IGNORED_PATTERNS, END].join('\n')

/** The file's new text: our block replaced (or added first), every other line kept. */
export function withOurBlock(existing: string | null): string {
  const block = stignoreBlock()
  if (existing === null || existing.trim() === '') return `${block}\n`
  const start = existing.indexOf(BEGIN)
  const end = existing.indexOf(END)
  if (start === -1 || end === -1 || end < start) return `${block}\n${existing.endsWith('\n') ? existing : `${existing}\n`}`
  return `${existing.slice(0, start)}${block}${existing.slice(end + END.length)}`
}

/** Writes `.stignore` if its block is missing or out of date; true when it wrote. Never encrypted: Syncthing reads it. */
export async function ensureStignore(io: FileIo): Promise<boolean> {
  const raw = await io.readRaw(STIGNORE_FILE)
  const existing = raw === null ? null : Buffer.from(raw).toString('utf8')
  const next = withOurBlock(existing)
  if (next === existing) return false
  await io.writeRaw(STIGNORE_FILE, Buffer.from(next, 'utf8'))
  return true
}
