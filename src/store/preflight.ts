// What is checked before the lock is taken or anything is written: whether the folder is
// encrypted, and whether the passphrase unlocks it. A wrong passphrase, or a meta.json whose
// encryption block was edited or deleted, is refused while the folder is exactly as it was
// (a stale lock included). Only reads.
import { AppError } from '#shared/errors'
import { isTempName } from './durable-write'
import { type Cipher, unlockEncryption } from './encryption'
import type { FileIo } from './file-io'
import { META_FILE, singletonFile } from './layout'
import { decodeMeta } from './meta'
import type { StoreSchema } from './types'

const ENCRYPTED_MAGIC = 'AAE1'

/** The first bytes of a file (a few bytes, not the file: opening a folder reads no case file), or null. */
async function head(io: FileIo, rel: string): Promise<string | null> {
  try {
    const handle = await io.fs.open(io.abs(rel), 'r')
    try {
      const buffer = Buffer.alloc(ENCRYPTED_MAGIC.length)
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
      return buffer.subarray(0, bytesRead).toString('latin1')
    } finally {
      await handle.close()
    }
  } catch {
    return null
  }
}

/** One encrypted data file of the folder, if it has any (the first file of each collection is enough). */
export async function findEncryptedFile(io: FileIo, schema: StoreSchema): Promise<string | null> {
  for (const spec of Object.values(schema.singletons)) {
    const rel = singletonFile(spec.name)
    if ((await head(io, rel)) === ENCRYPTED_MAGIC) return rel
  }
  for (const spec of [...Object.values(schema.sharded), ...Object.values(schema.records)]) {
    const name = (await io.list(spec.name).catch(() => [])).find((n) => n.endsWith('.json') && !isTempName(n))
    if (name === undefined) continue
    const rel = `${spec.name}/${name}`
    if ((await head(io, rel)) === ENCRYPTED_MAGIC) return rel
  }
  return null
}

/** An encrypted file to tell an altered key check from a wrong passphrase (read only when needed). */
export const probeOf = (io: FileIo, schema: StoreSchema) => async (): Promise<{ rel: string; bytes: Uint8Array } | null> => {
  const rel = await findEncryptedFile(io, schema)
  const bytes = rel === null ? null : await io.readRaw(rel).catch(() => null)
  return rel === null || bytes === null ? null : { rel, bytes }
}

export const encryptionStripped = (dataDir: string, rel: string): AppError =>
  new AppError(
    'CORRUPT_DATA',
    `The data folder ${dataDir} holds encrypted files (${rel}), but its ${META_FILE} has no encryption parameters: it was ` +
      `edited or replaced. The folder is not opened as plaintext. Nothing was changed. Put back ${META_FILE} from a backup ` +
      '(backups/<id>.zip holds a copy) or from another copy of the folder.'
  )

export type Unlocked = { params: string; cipher: Cipher }

/** The cipher for the folder if it is encrypted and the passphrase fits; throws (changing nothing) otherwise. */
export async function preflight(io: FileIo, schema: StoreSchema, passphrase: string | undefined): Promise<Unlocked | null> {
  const raw = await io.readRaw(META_FILE).catch(() => null)
  if (raw === null) return null // new, or lost: open decides (it may restore it from a backup)
  let meta
  try {
    meta = decodeMeta(raw, io.dataDir).meta
  } catch {
    return null // damaged: open quarantines and restores it
  }
  if (meta.encryption === undefined) {
    const encrypted = await findEncryptedFile(io, schema).catch(() => null)
    if (encrypted !== null) throw encryptionStripped(io.dataDir, encrypted)
    return null
  }
  if (passphrase === undefined) {
    throw new AppError('WRONG_PASSPHRASE', `The data folder ${io.dataDir} is encrypted: enter its passphrase to open it.`)
  }
  return { params: JSON.stringify(meta.encryption), cipher: await unlockEncryption(passphrase, meta.encryption, io.dataDir, probeOf(io, schema)) }
}
