// "Save as PDF" for letters: the letter's own HTML (every text escaped by the services) printed by a
// hidden, sandboxed window with JavaScript off, in a session of its own, at Letter size with 1"
// margins (Chromium's default is about 0.4"), tagged and with an outline from the headings.
import { BrowserWindow } from 'electron'

export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, javascript: false, contextIsolation: true, nodeIntegration: false, partition: 'letters-print' } })
  try {
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
