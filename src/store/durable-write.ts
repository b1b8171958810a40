// The one way the store puts bytes on disk: temp file, fsync, rename over the target, fsync the
// folder. A crash (or power cut) at any point leaves either the old file or the new one, whole.
// lowdb's own adapter (steno) renames but never fsyncs, so the rename can reach the disk before the
// data does; that is why the store has its own adapter.
import { randomBytes } from 'node:crypto'
import { basename, dirname, join } from 'node:path'
import type { StoreFs } from './types'

export const TMP_SUFFIX = '.tmp'

/** This process's mark in its temp names: random once, then a counter (a batch makes thousands of temp files). */
const processMark = randomBytes(4).toString('hex')
let tempCount = 0

/**
 * Temp files start with a dot and end in .tmp, so listings skip them and open can sweep leftovers.
 * Unique per process and per write, so two writes of one file never share a temp file.
 */
export const tempNameFor = (file: string): string => join(dirname(file), `.${basename(file)}.${processMark}${(tempCount++).toString(36)}${TMP_SUFFIX}`)

export const isTempName = (name: string): boolean => name.startsWith('.') && name.endsWith(TMP_SUFFIX)

export async function fsyncDir(fs: StoreFs, dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Writes `bytes` to `file` so that once the promise resolves the content survives a power cut.
 * With `durable: false` (local caches such as the case index) it skips both fsyncs: still atomic
 * against a crashed process, but a power cut may lose it, which is fine for a rebuildable cache.
 */
export async function writeFileAtomic(fs: StoreFs, file: string, bytes: Uint8Array, durable = true): Promise<void> {
  const tmp = tempNameFor(file)
  try {
    const handle = await fs.open(tmp, 'w')
    try {
      await handle.writeFile(bytes)
      if (durable) await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.rename(tmp, file)
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined)
    throw e
  }
  if (durable) await fsyncDir(fs, dirname(file))
}

/** Deletes a file and fsyncs its folder so the deletion survives a power cut. Missing is fine. */
export async function removeFileDurably(fs: StoreFs, file: string): Promise<void> {
  await fs.rm(file, { force: true })
  await fsyncDir(fs, dirname(file))
}
