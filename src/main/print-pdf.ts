// "Save as PDF" for letters: the letter's own HTML (every text escaped by the services) printed by a
// hidden, sandboxed window with JavaScript off, in a session of its own that loads nothing but the
// letter itself (no network, no permissions, no navigation), at Letter size with 1" margins
// (Chromium's default is about 0.4"), tagged and with an outline from the headings.
import { BrowserWindow, session } from 'electron'
import { hardenSession, hardenWebContents } from './security'

export const PRINT_PARTITION = 'letters-print'
const isLetterItself = (url: string) => url.startsWith('data:text/html')
let hardened = false

export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  if (!hardened) {
    hardenSession(session.fromPartition(PRINT_PARTITION), isLetterItself)
    hardened = true
  }
  const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, javascript: false, contextIsolation: true, nodeIntegration: false, partition: PRINT_PARTITION } })
  try {
    hardenWebContents(win.webContents, isLetterItself)
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
    const pdf = await win.webContents.printToPDF({
      pageSize: 'Letter',
      margins: { top: 1, bottom: 1, left: 1, right: 1 },
      preferCSSPageSize: true,
      printBackground: false,
      generateTaggedPDF: true,
      generateDocumentOutline: true
    })
    return new Uint8Array(pdf)
  } finally {
    win.destroy()
  }
}
