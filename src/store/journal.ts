// The recovery journal: `recovery-journal.jsonl` in the data folder, one JSON line per repair,
// restore or loss, appended and fsynced. It is what the window's recovery page and anyone reading
// the folder later can check; it is never in a backup, so a restore cannot roll it back.
import { z } from 'zod'
import type { FileIo } from './file-io'
import { errnoOf } from './fs-errors'
import { JOURNAL_FILE } from './layout'
import type { Recovery } from './types'

/** At most this much of the journal is read back (its newest lines): it must never fill memory. */
const READ_CAP_BYTES = 4 * 1024 * 1024

const EntrySchema = z.object({
  file: z.string(),
  problem: z.string(),
  action: z.string(),
  at: z.string(),
  quarantined: z.string().optional(),
  restoredFrom: z.string().optional(),
  kind: z.literal('notice').optional()
})

export async function appendJournal(io: FileIo, recovery: Recovery): Promise<void> {
  if (io.readOnly !== null) return
  const handle = await io.fs.open(io.abs(JOURNAL_FILE), 'a')
  try {
    await handle.appendFile(`${JSON.stringify(recovery)}\n`)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** The journal, oldest first; lines that do not parse are skipped (a torn last line after a crash). */
export async function readJournal(io: FileIo): Promise<Recovery[]> {
  let text: string
  try {
    const handle = await io.fs.open(io.abs(JOURNAL_FILE), 'r')
    try {
      const { size } = await handle.stat()
      const start = Math.max(0, size - READ_CAP_BYTES)
      const buffer = Buffer.alloc(size - start)
      await handle.read(buffer, 0, buffer.byteLength, start)
      text = buffer.toString('utf8')
      if (start > 0) text = text.slice(text.indexOf('\n') + 1)
    } finally {
      await handle.close()
    }
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return []
    throw io.error(e, 'read', JOURNAL_FILE)
  }
  const out: Recovery[] = []
  for (const line of text.split('\n')) {
    if (line === '') continue
    try {
      const parsed = EntrySchema.safeParse(JSON.parse(line))
      if (parsed.success) out.push(stripUndefined(parsed.data))
    } catch {
      // a torn line: skip it
    }
  }
  return out
}

const stripUndefined = (r: z.infer<typeof EntrySchema>): Recovery => ({
  file: r.file,
  problem: r.problem,
  action: r.action,
  at: r.at,
  ...(r.quarantined !== undefined && { quarantined: r.quarantined }),
  ...(r.restoredFrom !== undefined && { restoredFrom: r.restoredFrom }),
  ...(r.kind !== undefined && { kind: r.kind })
})
