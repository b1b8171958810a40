// Reading a file as the store would, but from any path: a conflict copy holds bytes written for
// its ORIGINAL path (encrypted with that path bound in), so it is decrypted and checked as such.
import type { Codec } from '../codec'
import { DecryptError } from '../encryption'
import { FileProblem, type Envelope, newerVersionError, parseEnvelope } from '../envelope'
import type { FileIo } from '../file-io'
import { META_FILE } from '../layout'

export type Decoded<T> = { value: T; envelope: Omit<Envelope, 'data'> }

export function envelopeOf(io: FileIo, originalRel: string, raw: Uint8Array): Envelope {
  let plain: Uint8Array
  try {
    plain = originalRel === META_FILE ? raw : io.cipher.decrypt(originalRel, raw)
  } catch (e) {
    if (e instanceof DecryptError) throw new FileProblem(e.message)
    throw e
  }
  return parseEnvelope(plain)
}

/** Decrypts, parses, migrates and validates; FileProblem or a CONFLICT AppError (newer app) when it cannot. */
export function decodeAs<T>(io: FileIo, originalRel: string, raw: Uint8Array, codec: Codec<T>): Decoded<T> {
  const { data, ...envelope } = envelopeOf(io, originalRel, raw)
  if (envelope.schemaVersion > codec.version) throw newerVersionError(originalRel, envelope.schemaVersion, codec.version, io.dataDir)
  return { value: codec.decode(data, envelope.schemaVersion), envelope }
}

/** The envelope without its payload, or null when the file is missing or unreadable. */
export async function headerOf(io: FileIo, rel: string, originalRel = rel): Promise<Omit<Envelope, 'data'> | null> {
  const raw = await io.readRaw(rel).catch(() => null)
  if (raw === null) return null
  try {
    const { data: _data, ...header } = envelopeOf(io, originalRel, raw)
    return header
  } catch {
    return null
  }
}

/** Readable text of a file's payload for a person comparing two versions (at most `max` characters). */
export async function readableText(io: FileIo, rel: string, originalRel: string, max = 200_000): Promise<{ text: string; readable: boolean }> {
  const raw = await io.readRaw(rel).catch(() => null)
  if (raw === null) return { text: '(this file does not exist)', readable: false }
  try {
    const text = JSON.stringify(envelopeOf(io, originalRel, raw).data, null, 2)
    return { text: text.length > max ? `${text.slice(0, max)}\n… (${text.length - max} more characters)` : text, readable: true }
  } catch (e) {
    return { text: `cannot be read: ${e instanceof Error ? e.message : String(e)}`, readable: false }
  }
}
