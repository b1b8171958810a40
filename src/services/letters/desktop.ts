// A letter's files on this computer, for the window's "Open", "Show in folder", "Save as…" and
// "E-mail this letter". Stored files are kept by hash, without names, so the system's programs get a
// named copy: in the front door's working folder (one subfolder per case) or where the user chose in
// the native save dialog. The window never names a path: it names the case, the letter and which of
// its files, and the front door (Electron's main process) supplies the dialog and the shell.
import { randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import type { AttachmentRef, Case, LetterRecord } from '../../core/schemas'
import { AppError } from '#shared/errors'
import type { AppServices } from '../app-services'

/** What the front door's desktop does with a file on this computer (Electron: dialog and shell). */
export type Desktop = {
  /** Where opened letters are written as named files: a folder the user can find and keep. */
  workingDir: string
  /** The native "Save as" dialog: the chosen path, or null when the user cancelled. */
  chooseSavePath: (options: { title: string; defaultName: string }) => Promise<string | null>
  /** Opens a file with the system's program for its type; rejects, saying why, when the system cannot. */
  openPath: (path: string) => Promise<void>
  /** Shows the file selected in the system's file manager. */
  showInFolder: (path: string) => void
}

export const NO_DESKTOP =
  'Opening files, showing them in their folder and "Save as" need the app window. On the command line, write a copy with letters render --out FILE or attachments save.'

/** A name every file system accepts: no separators, reserved or control characters, no trailing dot or space. */
export function safeFileName(name: string, fallback = 'letter'): string {
  const cleaned = name.normalize('NFC').replace(/[<>:"/\\|?*\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/[. ]+$/, '')
  const safe = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(cleaned) ? `_${cleaned}` : cleaned
  return (safe || fallback).slice(0, 120)
}

/** The letter's file the window asked for (by hash), or its DOCX; only the letter's own files. */
export function fileOfLetter(letter: LetterRecord, sha256: string | undefined): AttachmentRef {
  if (sha256 === undefined) return letter.file
  const found = [letter.file, ...letter.extraFiles].find((f) => f.sha256 === sha256)
  if (!found) throw new AppError('NOT_FOUND', 'That file is not one of this letter\u2019s files.')
  return found
}

/** Writes bytes whole or not at all: a reader never sees half a letter. */
async function writeWhole(path: string, bytes: Uint8Array): Promise<void> {
  const part = `${path}.${randomUUID().slice(0, 8)}.part`
  try {
    await writeFile(part, bytes, { flag: 'wx' })
    await rename(part, path)
  } catch (error) {
    await rm(part, { force: true })
    throw error
  }
}

const sameBytes = async (path: string, bytes: Uint8Array): Promise<boolean | null> => {
  try {
    return Buffer.from(await readFile(path)).equals(Buffer.from(bytes))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

const cannotWrite = (where: string, error: unknown) =>
  new AppError('INVALID_INPUT', `Cannot write ${where} (${(error as NodeJS.ErrnoException).code ?? String(error)}). Choose another folder or free some space.`)

/**
 * The named working copy of a stored file in `<workingDir>/<patient> (<case id>)/<name>`. An
 * existing copy with the same bytes is reused; one that differs (the user edited it) is never
 * overwritten: the new copy is "<name> (2)", "(3)"…
 */
export async function workingCopy(services: AppServices, desktop: Desktop, c: Case, file: AttachmentRef): Promise<string> {
  const patient = services.store.sharded.patients.get(c.patientId)
  const folder = join(desktop.workingDir, safeFileName(`${patient?.name ?? 'Case'} (${c.id})`, c.id))
  const bytes = await services.store.attachments.read(file.sha256)
  const name = safeFileName(file.name)
  const ext = extname(name)
  const stem = ext ? name.slice(0, -ext.length) : name
  try {
    await mkdir(folder, { recursive: true })
    for (let n = 1; n < 1000; n++) {
      const path = join(folder, n === 1 ? name : `${stem} (${n})${ext}`)
      const same = await sameBytes(path, bytes)
      if (same === true) return path
      if (same === null) {
        await writeWhole(path, bytes)
        return path
      }
    }
  } catch (error) {
    throw cannotWrite(folder, error)
  }
  throw new AppError('CONFLICT', `${folder} already holds 999 edited copies of ${name}; move some away.`)
}

/** "Save as…": the native dialog, then the stored file (checked against its hash) written there. */
export async function saveCopyAs(services: AppServices, desktop: Desktop, file: AttachmentRef): Promise<string | null> {
  const path = await desktop.chooseSavePath({ title: 'Save a copy of the letter', defaultName: safeFileName(file.name) })
  if (path === null) return null
  const bytes = await services.store.attachments.read(file.sha256)
  try {
    await writeWhole(path, bytes)
  } catch (error) {
    throw cannotWrite(path, error)
  }
  return path
}
