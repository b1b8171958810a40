// Files attached to a case's events, stored once by content hash in the data folder.
import { stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { AttachmentRefSchema, type AttachmentRef, type CaseEvent } from '../core/schemas'
import { AppError } from '#shared/errors'
import { MAX_ATTACHMENT_BYTES } from '#shared/files'
import { todayOf, type ServiceContext } from './context'
import type { CaseService } from './cases'
import { parseOrThrow } from './validate'

/** Larger files belong in the holder's portal or a shared drive; the window and the CLI share the limit. */
export { MAX_ATTACHMENT_BYTES }

/** The type a stored file is served with, from its name (the window previews by it). */
export const typeOfName = (name: string): string => TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream'

const TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.doc': 'application/msword',
  '.txt': 'text/plain',
  '.eml': 'message/rfc822',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.xml': 'application/xml',
  '.json': 'application/json',
  '.zip': 'application/zip'
}

export function attachmentService(ctx: ServiceContext, cases: CaseService) {
  const tooLarge = (name: string) => new AppError('PAYLOAD_TOO_LARGE', `attachment: ${name} is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`)

  async function attachPath(caseId: string, name: string, path: string, eventId?: string): Promise<{ attachment: AttachmentRef; eventId: string }> {
    const c = await cases.load(caseId)
    if (eventId && !c.events.some((e) => e.id === eventId)) throw new AppError('NOT_FOUND', `No event with id "${eventId}" on case ${caseId}.`)
    // Copied and hashed while streaming: a 200 MB scan never sits in memory.
    const { sha256, size } = await ctx.store.attachments.addFile(path, { maxBytes: MAX_ATTACHMENT_BYTES, tooLarge: () => tooLarge(name) })
    const attachment = parseOrThrow(AttachmentRefSchema, { sha256, size, name, type: typeOfName(name) }, 'attachment')
    if (eventId) {
      const event = c.events.find((e) => e.id === eventId) as CaseEvent
      await cases.editEvent(caseId, eventId, { attachments: [...event.attachments, attachment] })
      return { attachment, eventId }
    }
    const note = await cases.addEvent(caseId, { type: 'note', date: todayOf(ctx), summary: `Attached ${name}`, attachments: [attachment] })
    return { attachment, eventId: note.id }
  }

  return {
    /**
     * Copies a file into the data folder and attaches it to an event of the case; without an event,
     * logs a note saying what was attached, so the file always has a place in the chronology.
     */
    async attachFile(caseId: string, path: string, eventId?: string): Promise<{ attachment: AttachmentRef; eventId: string }> {
      const name = basename(path)
      // Validate the name before copying anything: a name that is not valid UTF-8 is refused up front.
      parseOrThrow(AttachmentRefSchema.shape.name, name, 'attachment name')
      let info
      try {
        info = await stat(path)
      } catch (error) {
        throw new AppError('INVALID_INPUT', `attachment: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
      }
      if (!info.isFile()) throw new AppError('INVALID_INPUT', `attachment: ${path} is not a file`)
      if (info.size > MAX_ATTACHMENT_BYTES) throw tooLarge(name)
      return attachPath(caseId, name, path, eventId)
    },

    read: (sha256: string) => ctx.store.attachments.read(sha256),

    /** A stored file as a stream (for the aa-file:// protocol), checked against its hash as it goes. */
    openStream: (sha256: string) => ctx.store.attachments.openStream(sha256),

    /** Removes stored files no record refers to any more (never one a case still names). */
    async prune(): Promise<number> {
      const inUse = new Set<string>()
      for (const { id } of ctx.store.records.cases.summaries()) {
        const c = await ctx.store.records.cases.get(id)
        for (const e of c?.events ?? []) for (const a of e.attachments) inUse.add(a.sha256)
        for (const l of c?.letters ?? []) for (const f of [l.file, ...l.extraFiles]) inUse.add(f.sha256)
      }
      for (const p of ctx.store.sharded.patients.all()) for (const r of p.representatives) if (r.authorityDocument) inUse.add(r.authorityDocument.sha256)
      return ctx.store.attachments.prune(inUse)
    }
  }
}

export type AttachmentService = ReturnType<typeof attachmentService>
