import type { Handlers } from '../router'
import type { ServicesRef } from './index'

// The letter's files on this computer (open, show in folder, save as, e-mail) need the host's desktop: see letter-files.ts.
type LetterChannels = Exclude<Extract<keyof Handlers, `letters.${string}`>, 'letters.open' | 'letters.showInFolder' | 'letters.saveAs' | 'letters.email'>

export function letterHandlers(s: ServicesRef): Pick<Handlers, LetterChannels> {
  return {
    'letters.templates': ({ step }) => s().letters.templates().filter((t) => !step || t.steps.includes(step)),
    'letters.template': ({ templateId, templateVersion }) => s().letters.template(templateId, templateVersion),
    'letters.fields': () => s().letters.fields(),
    'letters.prepare': (input) => s().letters.prepare(input),
    'letters.generate': (input) => s().letters.generate(input),
    'letters.markSent': (input) => s().letters.markSent(input),
    'letters.archivePdf': ({ caseId, letterId }) => s().letters.archivePdf(caseId, letterId),
    'letters.savePdf': ({ caseId, letterId }) => s().letters.savePdf(caseId, letterId),
    'letters.attachPdf': ({ caseId, letterId, base64 }) => s().letters.attachPdf(caseId, letterId, Buffer.from(base64, 'base64')),
    'letters.html': async ({ caseId, letterId }) => ({ html: await s().letters.html(caseId, letterId) }),
    'letters.eml': ({ caseId, letterId }) => s().letters.eml(caseId, letterId),
    'letters.faxCover': ({ caseId, letterId, pages }) => s().letters.faxCover(caseId, letterId, pages),
    'letters.saveTemplate': ({ template }) => s().letters.saveTemplate(template),
    'letters.duplicateTemplate': ({ templateId, templateVersion, newId, title }) => s().letters.duplicateTemplate(templateId, templateVersion, newId, title),
    // With a taskId, progress travels as task.progress push events and tasks.cancel stops it; the call returns the summary.
    'letters.bulk': (input) => s().letters.bulk(input)
  }
}
