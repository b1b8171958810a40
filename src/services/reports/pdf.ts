// DOCX → PDF with LibreOffice headless, where it is installed: the same document, tagged, with its
// title and language carried over. Each conversion uses its own LibreOffice profile folder, so two
// conversions (or an open LibreOffice window) never block each other.
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { AppError } from '#shared/errors'

export const SOFFICE_INSTALL_HINT =
  'A PDF needs LibreOffice. Install it (Debian or Ubuntu: apt-get install libreoffice-writer-nogui; macOS: brew install --cask libreoffice; Windows: from libreoffice.org), or set SOFFICE_PATH to its soffice program, or export the DOCX and print it to PDF.'

const FILTER = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'
/** LibreOffice's first start on a fresh profile takes several seconds; a stuck one is stopped. */
const TIMEOUT_MS = 120_000

export async function docxToPdf(docx: Buffer, env: Readonly<Record<string, string | undefined>> = process.env): Promise<Buffer> {
  const soffice = env['SOFFICE_PATH'] || 'soffice'
  const dir = await mkdtemp(join(tmpdir(), 'aa-report-'))
  try {
    const input = join(dir, 'report.docx')
    await writeFile(input, docx)
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', FILTER, '--outdir', dir, input],
        { timeout: TIMEOUT_MS },
        (error) => {
          if (!error) resolve()
          else if ((error as NodeJS.ErrnoException).code === 'ENOENT') reject(new AppError('INTERNAL', SOFFICE_INSTALL_HINT))
          else reject(new AppError('INTERNAL', `LibreOffice could not convert the report to PDF (${error.message.split('\n')[0]}). Export the DOCX instead.`))
        }
      )
    })
    try {
      return await readFile(join(dir, 'report.pdf'))
    } catch {
      throw new AppError('INTERNAL', 'LibreOffice ran but wrote no PDF. Export the DOCX instead.')
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
