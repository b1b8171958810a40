// Setting a conflict copy aside once it is merged (or a person chose a side): it is moved into
// quarantine/ (never deleted, never synced) with a record beside it of what was merged, so a merge
// can be checked and undone by hand. The record names files, devices, ids and fields, never contents.
import { dirname } from 'node:path'
import { z } from 'zod'
import { fsyncDir } from '../durable-write'
import type { FileIo } from '../file-io'
import { QUARANTINE_DIR, quarantineFile } from '../layout'
import type { SyncMerge } from './types'

const RECORD_SUFFIX = '.merge.json'

const SyncMergeSchema = z.object({
  at: z.string(),
  file: z.string(),
  copy: z.string(),
  quarantined: z.string(),
  devices: z.tuple([z.string(), z.string()]),
  notes: z.array(z.string()),
  how: z.enum(['merged', 'identical', 'kept-current', 'kept-copy'])
})

/** Moves `rel` into quarantine/ durably; returns where it went. */
export async function moveAside(io: FileIo, rel: string): Promise<string> {
  const aside = quarantineFile(rel, io.now())
  await io.ensureDirOf(aside)
  try {
    await io.fs.rename(io.abs(rel), io.abs(aside))
    await fsyncDir(io.fs, dirname(io.abs(rel)))
    await fsyncDir(io.fs, dirname(io.abs(aside)))
  } catch (e) {
    throw io.error(e, 'move aside the conflict copy', rel)
  }
  return aside
}

/** Copies the bytes of `rel` into quarantine/ (before a person's choice overwrites it). */
export async function copyAside(io: FileIo, rel: string): Promise<string | null> {
  const raw = await io.readRaw(rel)
  if (raw === null) return null
  const aside = quarantineFile(rel, io.now())
  await io.writeRaw(aside, raw)
  return aside
}

export async function writeMergeRecord(io: FileIo, merge: SyncMerge): Promise<void> {
  const rel = `${merge.quarantined}${RECORD_SUFFIX}`
  await io.writeRaw(rel, io.cipher.encrypt(rel, Buffer.from(JSON.stringify(merge, null, 2), 'utf8')))
}

/** Every merge record kept in quarantine/, oldest first (unreadable ones are skipped). */
export async function readMergeRecords(io: FileIo): Promise<SyncMerge[]> {
  const out: SyncMerge[] = []
  for (const name of await io.list(QUARANTINE_DIR)) {
    if (!name.endsWith(RECORD_SUFFIX)) continue
    const rel = `${QUARANTINE_DIR}/${name}`
    try {
      const raw = await io.readRaw(rel)
      if (raw === null) continue
      const parsed = SyncMergeSchema.safeParse(JSON.parse(Buffer.from(io.cipher.decrypt(rel, raw)).toString('utf8')))
      if (parsed.success) out.push(parsed.data)
    } catch {
      // another passphrase's record, or damaged: not ours to show
    }
  }
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
}
