// A letter's files on this computer, from the window: open a named copy with the system's program,
// show it in its folder, "Save as…" through the native dialog, and "E-mail this letter" (an unsent
// .eml draft opened in the system's mail program). The window names the case, the letter and which
// of its files (by hash); never a path: the main process supplies the dialog, the shell and the
// folder. The command line has no desktop and writes copies with --out instead.
import { z } from 'zod'
import { AttachmentRefSchema, IdSchema } from '../../core/schemas'
import { channel } from './channel'

const LetterFileInputSchema = z.strictObject({
  caseId: IdSchema,
  letterId: IdSchema,
  /** Which of the letter's files (its DOCX when left out): the DOCX, a PDF, the .eml, the fax cover. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 written as 64 hex digits').optional()
})

/** Where the named copy is, to show the user (never sent back by the window). */
const CopySchema = z.object({ name: z.string(), path: z.string() })

export const letterFileChannels = {
  'letters.open': channel(LetterFileInputSchema, CopySchema),
  'letters.showInFolder': channel(LetterFileInputSchema, CopySchema),
  'letters.saveAs': channel(LetterFileInputSchema, z.object({ saved: z.boolean(), name: z.string(), path: z.string().nullable() })),
  'letters.email': channel(z.strictObject({ caseId: IdSchema, letterId: IdSchema }), z.object({ attachment: AttachmentRefSchema, path: z.string() }))
}
