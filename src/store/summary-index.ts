// The local index of a file-per-record collection: every record's id, rev and summary, so the
// caseload opens without reading 10,000 files. It is a CACHE: written off the hot path (debounced,
// coalesced, not fsynced), kept in .local/ (never synced), encrypted like everything else, and
// rebuilt from the record files whenever it cannot be trusted.
//
// When is it trusted? All of these must hold (checked at open, cheapest first):
// 1. it exists, decrypts, parses, and has the current format;
// 2. it was built for the collection's current version and summary shape (cache-key.ts);
// 3. the previous session closed cleanly: a stale lock (a crashed session, whose last edits may be
//    newer than the index) forces a rebuild;
// 4. the record folder's mtime equals the one recorded when the index was written: every record
//    write is a rename into that folder, which changes its mtime, and the index records the mtime
//    read BEFORE it snapshots the summaries (summaries change only after a write is durable), so
//    any write the snapshot might have missed moves the mtime past the recorded value;
// 5. the set of ids equals the set of <id>.json files in the folder (readdir: cheap, and it catches
//    files added or deleted by a sync tool or by hand even on file systems with coarse mtimes).
// A get() that finds a rev different from the index heals that entry too.
import { z } from 'zod'
import type { FileIo } from './file-io'
import { cacheKey } from './cache-key'
import { indexFile } from './layout'
import type { AnyCollectionSpec } from './types'

const FORMAT = 1

// The header is checked with zod; the 10,000 entries by hand, because zod on every tuple would
// double the cost of opening (the entries are our own cache, and a bad one only forces a rebuild).
const HeaderSchema = z.object({
  format: z.literal(FORMAT),
  collectionVersion: z.number().int(),
  summarizer: z.string(),
  dirMtimeMs: z.number(),
  entries: z.array(z.unknown())
})
/**
 * `stamp`: the file's size, mtime and inode when this code last validated it (see FileIo.stamp);
 * a file whose stamp no longer matches is validated again before anything else uses it.
 * `damaged`: the file is damaged or missing and no backup held a good copy (the entry is kept so
 * the record stays listed, from this summary, as damaged).
 */
export type IndexEntry = [id: string, rev: number, summary: unknown, stamp?: string | null, damaged?: string | null]
export type IndexData = Omit<z.infer<typeof HeaderSchema>, 'entries'> & { entries: IndexEntry[] }

const isEntry = (e: unknown): e is IndexEntry =>
  Array.isArray(e) &&
  e.length >= 3 &&
  e.length <= 5 &&
  typeof e[0] === 'string' &&
  typeof e[1] === 'number' &&
  Number.isInteger(e[1]) &&
  (e[3] === undefined || e[3] === null || typeof e[3] === 'string') &&
  (e[4] === undefined || e[4] === null || typeof e[4] === 'string')

/**
 * Identifies what shapes the summaries (the collection's version and schema, the summary's declared
 * version and schema), never the function's compiled text, so tsx, the CLI bundle and the app share
 * one index, and a change to a summary's shape or version rebuilds it.
 */
export const summarizerId = (spec: AnyCollectionSpec): string =>
  cacheKey({
    format: FORMAT,
    versions: [spec.version, spec.summary?.version ?? 0],
    schemas: [spec.schema, ...(spec.summary ? [spec.summary.schema] : [])]
  })

export async function readIndex(io: FileIo, collection: string): Promise<IndexData | null> {
  const rel = indexFile(collection)
  try {
    const raw = await io.readRaw(rel)
    if (raw === null) return null
    const plain = io.cipher.decrypt(rel, raw)
    const parsed = HeaderSchema.safeParse(JSON.parse(Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength).toString('utf8')))
    if (!parsed.success || !parsed.data.entries.every(isEntry)) return null
    return { ...parsed.data, entries: parsed.data.entries as IndexEntry[] }
  } catch {
    return null // unreadable or undecryptable: a cache, rebuilt
  }
}

export async function writeIndex(io: FileIo, collection: string, data: IndexData): Promise<void> {
  const rel = indexFile(collection)
  const bytes = Buffer.from(JSON.stringify(data), 'utf8')
  await io.writeRaw(rel, io.cipher.encrypt(rel, bytes), false)
}

export async function dirMtimeMs(io: FileIo, relDir: string): Promise<number> {
  try {
    return (await io.fs.stat(io.abs(relDir))).mtimeMs
  } catch {
    return -1
  }
}
