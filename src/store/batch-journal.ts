// A batch write: many record files made durable by ONE durable write. An import of 10,000 cases
// would otherwise pay 10,000 × (fsync of the file + fsync of the folder), which on an ordinary
// disk is most of a minute. Instead (a write-ahead journal, as databases do):
//   1. every record's final bytes go into one journal file in .local/ (its format: decodeJournal),
//      written durably (one fsync); from here the batch survives a power cut, so the caller is
//      told it is saved, and the collection serves the records from memory until their files are written;
//   2. in the background (tracked: flush, close and backups wait for it) each record file is
//      written atomically (temp + rename) without its own fsync, the folder is fsynced, then every
//      file is flushed (one syncfs on Linux, else one fsync each), and only then is the journal deleted.
// At open, a journal still present (a crash or power cut between 1 and 3) is replayed before the
// collection is listed: each entry whose file is missing or holds an older rev is written again,
// durably; a file with the same or a newer rev (a later edit) is left alone. The journal is in
// .local/: it is this computer's unfinished work, never synced and never in a backup.
import { closeSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs'
import { z } from 'zod'
import { FileProblem, parseEnvelope, parseJson } from './envelope'
import { stampOf, type FileIo } from './file-io'
import { fsyncDir, tempNameFor } from './durable-write'
import { LOCAL_DIR } from './layout'
import { mapLimit } from './context'
import { syncFileSystem } from './sync-fs'

/** One record file of a batch: its path in the data folder, its rev, and its final (encrypted) bytes. */
export type BatchEntry = { rel: string; rev: number; bytes: Uint8Array }

/** Files written or fsynced at once: enough to overlap the disk's latency without flooding the thread pool. */
const IN_FLIGHT = 16
/** Files written per turn of the event loop on the real file system (see writeInSlices). */
const SLICE = 25

export const batchJournalFile = (collection: string): string => `${LOCAL_DIR}/batch-${collection}.json`

/**
 * Format 1 (written before Dec 2026, still replayed): one JSON document, each entry's bytes in base64.
 * Format 2: one line of JSON naming each entry and its size, then the entries' bytes one after the
 * other, as they are: no base64 and no second JSON encoding of 10,000 records (a third of a batch's
 * encoding time). JSON never holds a raw line break, so the first one ends the header. The file
 * keeps its name (batch-<collection>.json), so a format-1 journal left by a crash is still found.
 */
const JournalV1Schema = z.object({
  format: z.literal(1),
  entries: z.array(z.object({ rel: z.string(), rev: z.number().int().nonnegative(), bytes: z.string() }))
})
const JournalHeaderSchema = z.object({
  format: z.literal(2),
  entries: z.array(z.object({ rel: z.string(), rev: z.number().int().nonnegative(), size: z.number().int().nonnegative() }))
})
const NEWLINE = 0x0a

export function encodeJournal(entries: ReadonlyArray<BatchEntry>): Uint8Array {
  const header = Buffer.from(`${JSON.stringify({ format: 2, entries: entries.map((e) => ({ rel: e.rel, rev: e.rev, size: e.bytes.byteLength })) })}\n`, 'utf8')
  return Buffer.concat([header, ...entries.map((e) => e.bytes)])
}

/** The journal's entries; throws (FileProblem or ZodError) for one that was not written whole. */
export function decodeJournal(bytes: Uint8Array): BatchEntry[] {
  const end = bytes.indexOf(NEWLINE)
  if (end === -1) {
    return JournalV1Schema.parse(parseJson(bytes)).entries.map((e) => ({ rel: e.rel, rev: e.rev, bytes: new Uint8Array(Buffer.from(e.bytes, 'base64')) }))
  }
  const header = JournalHeaderSchema.parse(parseJson(bytes.subarray(0, end)))
  let at = end + 1
  const out: BatchEntry[] = []
  for (const e of header.entries) {
    if (at + e.size > bytes.byteLength) throw new FileProblem('batch journal: truncated')
    out.push({ rel: e.rel, rev: e.rev, bytes: bytes.slice(at, at + e.size) })
    at += e.size
  }
  if (at !== bytes.byteLength) throw new FileProblem('batch journal: bytes after its last entry')
  return out
}

/** What the collection says about each record file of a batch as the checkpoint writes it. */
export type BatchHooks<E extends BatchEntry> = {
  /** False when a later write of the record replaced it: its file is no longer the batch's to write. */
  stillCurrent: (entry: E) => boolean
  /** The file is on disk (not yet flushed), with its stamp. */
  written: (entry: E, stamp: string | null) => void
}

/**
 * Writes the batch: durable once this resolves, through the journal, and nothing else is waited
 * for. Returns the background checkpoint (every record file written and flushed, then the journal
 * removed), which the caller must track, keeping each record in memory until it is `written`.
 */
export async function writeBatch<E extends BatchEntry>(io: FileIo, collection: string, entries: ReadonlyArray<E>, hooks: BatchHooks<E>): Promise<{ checkpoint: Promise<void> }> {
  const journal = batchJournalFile(collection)
  io.assertWritable(journal)
  try {
    await io.writeRaw(journal, io.cipher.encrypt(journal, encodeJournal(entries)))
  } catch (e) {
    // Not acknowledged, and no record file was touched: the journal must not bring it back either.
    await io.remove(journal).catch(() => undefined)
    throw io.error(e, 'save', collection)
  }
  return { checkpoint: checkpoint(io, collection, journal, entries, hooks) }
}

/**
 * The record files, then one flush of them all, then the journal goes. If any step fails the
 * journal stays, and the next open finishes the batch from it (replayBatch).
 */
async function checkpoint<E extends BatchEntry>(io: FileIo, collection: string, journal: string, entries: ReadonlyArray<E>, hooks: BatchHooks<E>): Promise<void> {
  if (io.native) await writeInSlices(io, entries, hooks)
  else await writeThroughFs(io, entries, hooks)
  await fsyncDir(io.fs, io.abs(collection))
  const first = entries[0]
  if (first !== undefined && !(io.native && (await syncFileSystem(io.abs(first.rel))))) await fsyncEach(io, entries.map((e) => e.rel))
  await io.remove(journal)
}

/**
 * Atomic (temp + rename) without fsync, synchronously, a short slice per turn of the loop: with no
 * fsync each call is a short system call, where the thread pool's round trips cost five times the
 * work on a busy two-core machine (3,000 files: 1.4 s against 9.2 s). Short slices, because on a
 * disk busy with other programs' writes one file creation can stall for a millisecond.
 */
async function writeInSlices<E extends BatchEntry>(io: FileIo, entries: ReadonlyArray<E>, hooks: BatchHooks<E>): Promise<void> {
  for (let i = 0; i < entries.length; i += SLICE) {
    for (const e of entries.slice(i, i + SLICE)) {
      if (!hooks.stillCurrent(e)) continue
      const file = io.abs(e.rel)
      const tmp = tempNameFor(file)
      try {
        const fd = openSync(tmp, 'w')
        try {
          for (let at = 0; at < e.bytes.byteLength; ) at += writeSync(fd, e.bytes, at)
        } finally {
          closeSync(fd)
        }
        renameSync(tmp, file)
      } catch (error) {
        rmSync(tmp, { force: true })
        throw error
      }
      hooks.written(e, stampOf(statSync(file)))
    }
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
}

/** The same through the injected file system (tests that simulate a full or failing disk). */
async function writeThroughFs<E extends BatchEntry>(io: FileIo, entries: ReadonlyArray<E>, hooks: BatchHooks<E>): Promise<void> {
  await mapLimit(entries, IN_FLIGHT, async (e) => {
    if (!hooks.stillCurrent(e)) return
    await io.writeRaw(e.rel, e.bytes, false)
    hooks.written(e, await io.stamp(e.rel))
  })
}

/** One fsync per file: the portable way (and the one the tests' injected file systems see). */
async function fsyncEach(io: FileIo, rels: ReadonlyArray<string>): Promise<void> {
  await mapLimit(rels, IN_FLIGHT, async (rel) => {
    const handle = await io.fs.open(io.abs(rel), 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  })
}

/** The rev a record file holds now, or -1 when it is missing or cannot be read (it is rewritten). */
function revOnDisk(io: FileIo, rel: string, raw: Uint8Array | null): number {
  if (raw === null) return -1
  try {
    return parseEnvelope(io.cipher.decrypt(rel, raw)).rev
  } catch {
    return -1
  }
}

/**
 * Finishes a batch a crash interrupted (see the top of this file). Returns how many files it wrote
 * again; a journal that cannot be read was never completely written (step 1 did not finish, so the
 * batch was never acknowledged) and is dropped.
 */
export async function replayBatch(io: FileIo, collection: string): Promise<number> {
  const journal = batchJournalFile(collection)
  const raw = await io.readRaw(journal).catch(() => null)
  if (raw === null) return 0
  let entries: BatchEntry[]
  try {
    entries = decodeJournal(io.cipher.decrypt(journal, raw))
  } catch (e) {
    if (!(e instanceof FileProblem) && !(e instanceof z.ZodError) && !(e instanceof Error)) throw e
    if (io.readOnly === null) await io.remove(journal)
    return 0
  }
  if (io.readOnly !== null) return 0 // finished by the next writable open
  let written = 0
  for (const e of entries) {
    if (!e.rel.startsWith(`${collection}/`)) continue // never a file outside the collection
    if (revOnDisk(io, e.rel, await io.readRaw(e.rel).catch(() => null)) >= e.rev) continue
    await io.writeRaw(e.rel, e.bytes)
    written++
  }
  await io.remove(journal)
  return written
}
