// The desktop a letter's files reach from the window: the native "Save as" dialog over our window,
// the system's program for a file (its mail program for an .eml draft), and its file manager. The
// window never names a path: the services write a named copy where the user chose, or in the
// working folder (Documents/Access Advocate/Letters), and hand the path to these.
import { basename, extname, join } from 'node:path'
import { app, dialog, shell, type BrowserWindow, type FileFilter } from 'electron'
import type { Desktop } from '../services/letters/desktop'
import { AppError } from '#shared/errors'

const FILTERS: Record<string, FileFilter> = {
  '.docx': { name: 'Word document', extensions: ['docx'] },
  '.pdf': { name: 'PDF', extensions: ['pdf'] },
  '.eml': { name: 'E-mail message', extensions: ['eml'] },
  '.zip': { name: 'Zip archive', extensions: ['zip'] },
  '.csv': { name: 'CSV table', extensions: ['csv'] },
  '.ics': { name: 'Calendar', extensions: ['ics'] }
}

export function workingDirOf(): string {
  return join(app.getPath('documents'), 'Access Advocate', 'Letters')
}

export function electronDesktop(window: () => BrowserWindow | undefined, workingDir: string = workingDirOf()): Desktop {
  return {
    workingDir,
    async chooseSavePath({ title, defaultName }) {
      const filter = FILTERS[extname(defaultName).toLowerCase()]
      const options = { title, defaultPath: join(app.getPath('documents'), defaultName), filters: filter ? [filter, { name: 'All files', extensions: ['*'] }] : [] }
      const win = window()
      const chosen = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      return chosen.canceled || !chosen.filePath ? null : chosen.filePath
    },
    async openPath(path) {
      // shell.openPath answers "" on success and the system's message otherwise (no program for the type…).
      const problem = await shell.openPath(path)
      if (problem) throw new AppError('UNAVAILABLE', `The system could not open ${basename(path)}: ${problem}. It is saved at ${path}.`)
    },
    showInFolder: (path) => shell.showItemInFolder(path)
  }
}
