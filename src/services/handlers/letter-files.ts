import { basename } from 'node:path'
import { AppError } from '#shared/errors'
import type { ServicesHost } from '../host'
import { NO_DESKTOP, fileOfLetter, saveCopyAs, workingCopy, type Desktop } from '../letters/desktop'
import type { Handlers } from '../router'

type LetterFileChannels = 'letters.open' | 'letters.showInFolder' | 'letters.saveAs' | 'letters.email'

/** Over the host: the desktop (dialog, shell, working folder) belongs to the front door, not to a data folder. */
export function letterFileHandlers(host: ServicesHost): Pick<Handlers, LetterFileChannels> {
  const desktop = (): Desktop => {
    if (!host.desktop) throw new AppError('UNAVAILABLE', NO_DESKTOP)
    return host.desktop
  }
  const letterOf = async (caseId: string, letterId: string) => {
    const c = await host.current().cases.load(caseId)
    const letter = c.letters.find((l) => l.id === letterId)
    if (!letter) throw new AppError('NOT_FOUND', `Case ${caseId} has no letter "${letterId}".`)
    return { c, letter }
  }
  return {
    'letters.open': async ({ caseId, letterId, sha256 }) => {
      const d = desktop()
      const { c, letter } = await letterOf(caseId, letterId)
      const path = await workingCopy(host.current(), d, c, fileOfLetter(letter, sha256))
      await d.openPath(path)
      return { name: basename(path), path }
    },
    'letters.showInFolder': async ({ caseId, letterId, sha256 }) => {
      const d = desktop()
      const { c, letter } = await letterOf(caseId, letterId)
      const path = await workingCopy(host.current(), d, c, fileOfLetter(letter, sha256))
      d.showInFolder(path)
      return { name: basename(path), path }
    },
    'letters.saveAs': async ({ caseId, letterId, sha256 }) => {
      const d = desktop()
      const { letter } = await letterOf(caseId, letterId)
      const file = fileOfLetter(letter, sha256)
      const path = await saveCopyAs(host.current(), d, file)
      return { saved: path !== null, name: path === null ? file.name : basename(path), path }
    },
    // The unsent draft is filed with the letter first, so what the mail program shows is on record.
    'letters.email': async ({ caseId, letterId }) => {
      const d = desktop()
      const attachment = await host.current().letters.eml(caseId, letterId)
      const { c } = await letterOf(caseId, letterId)
      const path = await workingCopy(host.current(), d, c, attachment)
      await d.openPath(path)
      return { attachment, path }
    }
  }
}
