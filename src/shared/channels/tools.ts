// Operations the command line had before the window did, now channels like every other, so both
// doors reach them the same way: the sample caseload in a folder of one's own, the list of rule
// profiles, and attaching a file that is already on disk (by its path, not its bytes).
import { z } from 'zod'
import { AttachmentRefSchema, IdSchema } from '../../core/schemas'
import { channel } from './channel'

export const DemoResultSchema = z.object({
  organizations: z.number(),
  patients: z.number(),
  cases: z.number(),
  events: z.number(),
  attachments: z.number()
})
export type DemoResultValue = z.infer<typeof DemoResultSchema>

export const ProfileListItemSchema = z.object({
  id: z.string(),
  label: z.string(),
  version: z.string(),
  source: z.enum(['built-in', 'saved'])
})
export type ProfileListItem = z.infer<typeof ProfileListItemSchema>

export const toolChannels = {
  /** Writes a deterministic sample caseload; refused on a folder that already holds data. */
  'demo.write': channel(
    z.strictObject({
      cases: z.number().int().min(1).max(100_000).default(200),
      seed: z.number().int().optional()
    }),
    DemoResultSchema
  ),
  /** The built-in profiles and every saved version of the user's own. */
  'profiles.list': channel(z.strictObject({}), z.array(ProfileListItemSchema)),
  /** Copies a file from disk into the data folder, streaming-sized (up to the attachment limit), and attaches it. */
  'attachments.addFile': channel(
    z.strictObject({ caseId: IdSchema, eventId: IdSchema.optional(), path: z.string().min(1, 'name a file').max(4096) }),
    z.object({ attachment: AttachmentRefSchema, eventId: z.string() })
  ),
  /** Writes a stored file (checked against its hash) to a path on disk: how the command line saves a letter. */
  'attachments.saveTo': channel(
    z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 written as 64 hex digits'), path: z.string().min(1, 'name a file').max(4096) }),
    z.object({ path: z.string(), bytes: z.number() })
  )
}

/**
 * Channels that take a path on this computer. The command line runs as the user and may name any
 * file; the window names files only through the dialog or a drop (one-time tokens), so the main
 * process refuses these from it.
 */
export const COMMAND_LINE_ONLY: ReadonlySet<string> = new Set(['attachments.addFile', 'attachments.saveTo'])

/**
 * Whether a call from the window must be refused because it names a file on this computer: a
 * command-line-only channel, or any input carrying a `path` or an `out` (the interop channels take
 * either a path, from the command line, or the bytes, from the window).
 */
export function namesALocalPath(channel: unknown, input: unknown): boolean {
  if (typeof channel === 'string' && COMMAND_LINE_ONLY.has(channel)) return true
  const seen = new Set<unknown>()
  const walk = (v: unknown, depth: number): boolean => {
    if (v === null || typeof v !== 'object' || depth > 8 || seen.has(v)) return false
    seen.add(v)
    if (Array.isArray(v)) return v.some((x) => walk(x, depth + 1))
    return Object.entries(v).some(([k, x]) => ((k === 'path' || k === 'out') && typeof x === 'string') || walk(x, depth + 1))
  }
  return walk(input, 0)
}
