// meta.json: what a data folder is. Never encrypted (it holds what is needed to derive the key),
// written only when the folder is created and after migrations, so it is not a global file
// rewritten on every edit.
import { z } from 'zod'
import { EncryptionParamsSchema } from './encryption'
import { FileProblem, encodeEnvelope, newerVersionError, parseEnvelope } from './envelope'
import type { FileIo } from './file-io'
import { META_FILE } from './layout'

/** Version of the folder layout itself (not of any collection). */
export const STORE_FORMAT = 1

const MetaSchema = z.object({
  createdAt: z.string(),
  /** Version of each collection and singleton as last written by this folder's newest writer. */
  collections: z.record(z.string(), z.number().int().nonnegative()),
  encryption: EncryptionParamsSchema.optional()
})
export type Meta = z.infer<typeof MetaSchema>

/** Parses meta.json bytes; FileProblem if damaged, CONFLICT if from a newer app. */
export function decodeMeta(bytes: Uint8Array, dataDir: string): { meta: Meta; rev: number } {
  const envelope = parseEnvelope(bytes)
  if (envelope.schemaVersion > STORE_FORMAT) {
    throw newerVersionError(META_FILE, envelope.schemaVersion, STORE_FORMAT, dataDir)
  }
  const parsed = MetaSchema.safeParse(envelope.data)
  if (!parsed.success) throw new FileProblem(`wrong schema: ${parsed.error.issues[0]?.message ?? 'invalid'}`)
  return { meta: parsed.data, rev: envelope.rev }
}

export async function writeMeta(io: FileIo, meta: Meta, rev: number, deviceId: string): Promise<void> {
  const bytes = encodeEnvelope({
    schemaVersion: STORE_FORMAT,
    rev,
    deviceId,
    updatedAt: io.now().toISOString(),
    data: meta
  })
  await io.writeRaw(META_FILE, bytes)
}
