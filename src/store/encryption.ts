/*
 * Encryption at rest (optional): what it protects and what it does not.
 *
 * When a data folder is created with a passphrase, every file the store writes under it is
 * encrypted with AES-256-GCM: case files, patient and organization shards, settings and other
 * singletons, attachments, and the local case index (which holds names and summaries). Backups are
 * zips of those already-encrypted files, so their contents are protected too. The key is derived
 * from the passphrase with scrypt (N=2^15, r=8, p=1, a random 16-byte salt); it is never stored.
 * Each file gets a fresh random 96-bit IV, and its path inside the data folder is bound in as
 * additional authenticated data, so a file cannot be swapped for another one undetected.
 * A wrong passphrase is detected with a key check value before anything is read or written.
 *
 * Protected: the CONTENTS of every record, attachment and backup (names, dates of birth, notes,
 * correspondence, documents), and their integrity (any change to an encrypted file is detected).
 *
 * NOT protected (visible to anyone who can read the folder):
 * - file names: case ids (cases/<id>.json), attachment hashes (attachments/<aa>/<sha256>; a hash
 *   lets someone who already has a document confirm it is stored here), backup names;
 * - file sizes, the number of cases, shards, attachments and backups, and file timestamps;
 * - meta.json: the salt, scrypt parameters, key check value and collection versions;
 * - each backup's manifest (its date, reason and record counts per collection);
 * - the lock file (.local/lock.json: holder, process id, host name, start time) and the device id;
 * - anything outside the data folder: exported letters and files, the OS swap or crash dumps, and
 *   data while the app is open (it is decrypted in memory).
 * Forgetting the passphrase loses the data: there is no recovery key.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import { PassThrough, type Transform } from 'node:stream'
import { z } from 'zod'
import { AppError } from '#shared/errors'

/** What meta.json records, unencrypted, so the key can be derived again and checked. */
export const EncryptionParamsSchema = z.object({
  algorithm: z.literal('aes-256-gcm'),
  kdf: z.literal('scrypt'),
  N: z.number().int().positive(),
  r: z.number().int().positive(),
  p: z.number().int().positive(),
  salt: z.string().min(1),
  keyCheck: z.string().min(1),
  /**
   * HMAC-SHA256 under the derived key of every field above: an edit to meta.json's encryption
   * block is detected once the key is derived (absent in folders made before it was added).
   */
  mac: z.string().min(1).optional()
})
export type EncryptionParams = z.infer<typeof EncryptionParamsSchema>

/** Transforms file bytes on their way to and from the disk; `rel` is the path inside the data folder. */
export type Cipher = {
  readonly encrypted: boolean
  encrypt: (rel: string, plain: Uint8Array) => Uint8Array
  /** Throws {@link DecryptError} when the bytes are not a file this key wrote for this path. */
  decrypt: (rel: string, data: Uint8Array) => Uint8Array
  /**
   * For files too large to hold in memory (attachments). `headerBytes` precede the body on disk;
   * `encryptStream` gives a Transform for the body and, once it has ended, the header to write in
   * front of it; `decryptStream` takes that header and gives a Transform that fails at its end if
   * the content was altered (nothing it passed on may be trusted before then).
   */
  readonly headerBytes: number
  encryptStream: (rel: string) => { body: Transform; header: () => Buffer }
  decryptStream: (rel: string, header: Uint8Array) => Transform
}

export class DecryptError extends Error {}

export const plainCipher: Cipher = {
  encrypted: false,
  encrypt: (_rel, b) => b,
  decrypt: (_rel, b) => b,
  headerBytes: 0,
  encryptStream: () => ({ body: new PassThrough(), header: () => Buffer.alloc(0) }),
  decryptStream: () => new PassThrough()
}

const MAGIC = Buffer.from('AAE1')
const IV_BYTES = 12
const TAG_BYTES = 16
const DEFAULT_N = 2 ** 15

const deriveKey = (passphrase: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, { N, r, p, maxmem: 256 * N * r }, (err, key) =>
      err ? reject(err) : resolve(key)
    )
  })

const keyCheckOf = (key: Buffer): Buffer =>
  createHmac('sha256', key).update('access-advocate key check v1').digest()

const macOf = (key: Buffer, p: EncryptionParams): Buffer =>
  createHmac('sha256', key)
    .update(`access-advocate encryption parameters v1\n${JSON.stringify([p.algorithm, p.kdf, p.N, p.r, p.p, p.salt, p.keyCheck])}`)
    .digest()

const sameBytes = (a: Buffer, b: Buffer): boolean => a.length === b.length && timingSafeEqual(a, b)

/** scrypt costs an edited meta.json could ask for: bounded, so it cannot hang the app or exhaust memory. */
const saneCost = (p: EncryptionParams): boolean =>
  Number.isInteger(Math.log2(p.N)) && p.N >= 2 ** 10 && p.N <= 2 ** 20 && p.r <= 32 && p.p <= 16

const cipherFor = (key: Buffer): Cipher => ({
  encrypted: true,
  encrypt(rel, plain) {
    const iv = randomBytes(IV_BYTES)
    const c = createCipheriv('aes-256-gcm', key, iv)
    c.setAAD(Buffer.from(rel))
    const body = Buffer.concat([c.update(plain), c.final()])
    return Buffer.concat([MAGIC, iv, c.getAuthTag(), body])
  },
  decrypt(rel, data) {
    const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
    if (buf.length < MAGIC.length + IV_BYTES + TAG_BYTES || !buf.subarray(0, MAGIC.length).equals(MAGIC)) {
      throw new DecryptError(
        buf.length === 0 ? 'empty file' : 'not an encrypted file of this data folder (no encryption header)'
      )
    }
    const iv = buf.subarray(MAGIC.length, MAGIC.length + IV_BYTES)
    const tag = buf.subarray(MAGIC.length + IV_BYTES, MAGIC.length + IV_BYTES + TAG_BYTES)
    const d = createDecipheriv('aes-256-gcm', key, iv)
    d.setAAD(Buffer.from(rel))
    d.setAuthTag(tag)
    try {
      return Buffer.concat([d.update(buf.subarray(MAGIC.length + IV_BYTES + TAG_BYTES)), d.final()])
    } catch {
      throw new DecryptError('encrypted content fails its integrity check (truncated or altered)')
    }
  },
  // The same layout as encrypt(): MAGIC | iv | tag | body, the tag written last, in front.
  headerBytes: MAGIC.length + IV_BYTES + TAG_BYTES,
  encryptStream(rel) {
    const iv = randomBytes(IV_BYTES)
    const c = createCipheriv('aes-256-gcm', key, iv)
    c.setAAD(Buffer.from(rel))
    return { body: c, header: () => Buffer.concat([MAGIC, iv, c.getAuthTag()]) }
  },
  decryptStream(rel, header) {
    const buf = Buffer.from(header.buffer, header.byteOffset, header.byteLength)
    if (buf.length < MAGIC.length + IV_BYTES + TAG_BYTES || !buf.subarray(0, MAGIC.length).equals(MAGIC)) {
      throw new DecryptError('not an encrypted file of this data folder (no encryption header)')
    }
    const d = createDecipheriv('aes-256-gcm', key, buf.subarray(MAGIC.length, MAGIC.length + IV_BYTES))
    d.setAAD(Buffer.from(rel))
    d.setAuthTag(buf.subarray(MAGIC.length + IV_BYTES, MAGIC.length + IV_BYTES + TAG_BYTES))
    return d
  }
})

/** New encryption for a new data folder. `N` is lowered only by tests. */
export async function createEncryption(
  passphrase: string,
  N: number = DEFAULT_N
): Promise<{ params: EncryptionParams; cipher: Cipher }> {
  if (passphrase.length === 0) throw new AppError('INVALID_INPUT', 'The passphrase must not be empty.')
  const salt = randomBytes(16)
  const r = 8
  const p = 1
  const key = await deriveKey(passphrase, salt, N, r, p)
  const params: EncryptionParams = {
    algorithm: 'aes-256-gcm',
    kdf: 'scrypt',
    N,
    r,
    p,
    salt: salt.toString('base64'),
    keyCheck: keyCheckOf(key).toString('base64')
  }
  return { params: { ...params, mac: macOf(key, params).toString('base64') }, cipher: cipherFor(key) }
}

const altered = (dataDir: string, what: string): AppError =>
  new AppError(
    'CORRUPT_DATA',
    `The encryption parameters in ${dataDir}/meta.json were altered (${what}). The folder is not opened. Nothing was ` +
      'changed. Put back meta.json from a backup (backups/<id>.zip holds a copy) or from another copy of the folder.'
  )

/**
 * Derives the key for an existing folder; WRONG_PASSPHRASE (nothing read or written) if it does not
 * match, CORRUPT_DATA if meta.json's encryption block was edited.
 * @param probe an encrypted file of the folder, to tell an altered key check from a wrong passphrase
 */
export async function unlockEncryption(
  passphrase: string,
  params: EncryptionParams,
  dataDir: string,
  probe: () => Promise<{ rel: string; bytes: Uint8Array } | null> = async () => null
): Promise<Cipher> {
  if (!saneCost(params)) throw altered(dataDir, `scrypt cost N=${params.N}, r=${params.r}, p=${params.p} is out of range`)
  const key = await deriveKey(passphrase, Buffer.from(params.salt, 'base64'), params.N, params.r, params.p)
  const cipher = cipherFor(key)
  if (!sameBytes(Buffer.from(params.keyCheck, 'base64'), keyCheckOf(key))) {
    const sample = await probe()
    if (sample !== null) {
      try {
        cipher.decrypt(sample.rel, sample.bytes)
        throw altered(dataDir, `its key check does not match, yet this passphrase decrypts ${sample.rel}`)
      } catch (e) {
        if (!(e instanceof DecryptError)) throw e
      }
    }
    throw new AppError(
      'WRONG_PASSPHRASE',
      `The passphrase does not unlock the data folder ${dataDir}. Nothing was changed; try again.`
    )
  }
  if (params.mac !== undefined && !sameBytes(Buffer.from(params.mac, 'base64'), macOf(key, params))) {
    throw altered(dataDir, 'their authentication code does not match')
  }
  return cipher
}
