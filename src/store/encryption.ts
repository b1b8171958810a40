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
import { AppError } from '../shared/errors'

/** What meta.json records, unencrypted, so the key can be derived again and checked. */
export const EncryptionParamsSchema = z.object({
  algorithm: z.literal('aes-256-gcm'),
  kdf: z.literal('scrypt'),
  N: z.number().int().positive(),
  r: z.number().int().positive(),
  p: z.number().int().positive(),
  salt: z.string().min(1),
  keyCheck: z.string().min(1)
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
  return { params, cipher: cipherFor(key) }
}

/** Derives the key for an existing folder; WRONG_PASSPHRASE (nothing read or written) if it does not match. */
export async function unlockEncryption(passphrase: string, params: EncryptionParams, dataDir: string): Promise<Cipher> {
  const key = await deriveKey(passphrase, Buffer.from(params.salt, 'base64'), params.N, params.r, params.p)
  const expected = Buffer.from(params.keyCheck, 'base64')
  const actual = keyCheckOf(key)
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    throw new AppError(
      'WRONG_PASSPHRASE',
      `The passphrase does not unlock the data folder ${dataDir}. Nothing was changed; try again.`
    )
  }
  return cipherFor(key)
}
