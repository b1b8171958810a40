// Archive PDF (PDF/A-2b, tagged) through headless LibreOffice. All files of one call convert in a
// single soffice run (each run costs 1–3 s of start-up), with a profile folder of its own, because
// two soffice processes sharing a profile conflict.
import { execFile } from 'node:child_process'
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { AppError } from '#shared/errors'

export const PDFA_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"},"UseTaggedPDF":{"type":"boolean","value":"true"}}'
export const PLAIN_PDF_FILTER = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'

export const INSTALL_LIBREOFFICE =
  'Archive PDF (PDF/A) needs LibreOffice, which is not installed. Install it and try again: Debian or Ubuntu: sudo apt-get install libreoffice-writer-nogui fonts-liberation2; macOS: brew install --cask libreoffice; Windows: the installer from libreoffice.org. Set SOFFICE_PATH if it is installed somewhere else.'

const CANDIDATES = [
  '/usr/bin/soffice',
  '/usr/local/bin/soffice',
  '/usr/lib/libreoffice/program/soffice',
  '/opt/libreoffice/program/soffice',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe'
]

/** Where soffice is, or null: SOFFICE_PATH first, then the usual install locations. */
export async function findSoffice(env: Readonly<Record<string, string | undefined>> = process.env): Promise<string | null> {
  const list = env['SOFFICE_PATH'] ? [env['SOFFICE_PATH'], ...CANDIDATES] : CANDIDATES
  for (const p of list) {
    try {
      await access(p)
      return p
    } catch {
      // not here; try the next place
    }
  }
  return null
}

const run = (file: string, args: string[], timeoutMs: number) =>
  new Promise<void>((resolve, reject) => {
    execFile(file, args, { timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error) reject(new AppError('INTERNAL', `LibreOffice could not convert the letter: ${String(stderr || error.message).trim().slice(0, 300)}`))
      else resolve()
    })
  })

/** Converts DOCX files to PDF (PDF/A-2b when `archive`), in one soffice run; returns each PDF by input name. */
export async function convertToPdf(files: ReadonlyArray<{ name: string; bytes: Uint8Array }>, options: { archive: boolean; soffice?: string | null; timeoutMs?: number }): Promise<Map<string, Uint8Array>> {
  const soffice = options.soffice === undefined ? await findSoffice() : options.soffice
  if (!soffice) throw new AppError('UNAVAILABLE', INSTALL_LIBREOFFICE)
  const dir = await mkdtemp(join(tmpdir(), 'aa-letters-'))
  try {
    const inDir = join(dir, 'in')
    const outDir = join(dir, 'out')
    await mkdir(inDir)
    await mkdir(outDir)
    const names = files.map((f, i) => `${String(i).padStart(4, '0')}.docx`)
    await Promise.all(files.map((f, i) => writeFile(join(inDir, names[i]!), f.bytes)))
    await run(
      soffice,
      [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', options.archive ? PDFA_FILTER : PLAIN_PDF_FILTER, '--outdir', outDir, ...names.map((n) => join(inDir, n))],
      options.timeoutMs ?? 60_000 + 5_000 * files.length
    )
    const out = new Map<string, Uint8Array>()
    for (const [i, f] of files.entries()) {
      try {
        out.set(f.name, new Uint8Array(await readFile(join(outDir, names[i]!.replace(/\.docx$/, '.pdf')))))
      } catch {
        throw new AppError('INTERNAL', `LibreOffice made no PDF for ${f.name}.`)
      }
    }
    return out
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * Pages of a PDF (for a fax cover's page count): the root of its page tree holds the total, and
 * every intermediate node a part of it, so the largest /Count of a /Pages node is the total. Without
 * one (objects in compressed streams), the /Page objects are counted; null when neither is readable.
 */
export function pdfPageCount(bytes: Uint8Array): number | null {
  const text = Buffer.from(bytes).toString('latin1')
  let total = 0
  // One indirect object at a time, so an outline's /Count is never taken for the page tree's.
  for (const object of text.split(/\bendobj\b/)) {
    if (!/\/Type\s*\/Pages\b/.test(object)) continue
    const n = Number(/\/Count\s+(\d+)/.exec(object)?.[1] ?? 0)
    if (n > total) total = n
  }
  if (total > 0) return total
  const count = text.match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0
  return count > 0 ? count : null
}
