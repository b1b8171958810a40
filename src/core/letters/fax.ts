// A fax cover sheet as a document model: to, from, the holder's fax number, the page count
// (the letter's pages plus this sheet), and the subject.
import { plainDate } from './dates'
import type { LetterDocument } from './model'

export type FaxCoverInput = { to: string; fax: string; from: string; fromPhone?: string | undefined; re: string; letterPages: number; date: string; ourRef: string; note?: string | undefined }

export function buildFaxCover(i: FaxCoverInput): LetterDocument {
  const pages = i.letterPages + 1
  const rows: string[][] = [
    ['To', i.to],
    ['Fax', i.fax],
    ['From', i.from],
    ...(i.fromPhone ? [['Phone', i.fromPhone]] : []),
    ['Date', plainDate(i.date)],
    ['Pages', `${pages} (including this cover sheet)`],
    ['Re', i.re]
  ]
  return {
    title: `Fax cover sheet: ${i.re}`,
    subject: i.re,
    author: i.from,
    description: `Fax cover sheet for ${i.re}, ${pages} pages.`,
    keywords: 'fax,cover sheet',
    language: 'en-US',
    headerText: `Our ref. ${i.ourRef}`,
    blocks: [
      { kind: 'heading', level: 1, text: 'Fax' },
      { kind: 'table', title: 'Transmission', columns: [{ header: 'Field', width: 2000 }, { header: 'Value', width: 7360 }], rows },
      ...(i.note ? [{ kind: 'paragraph' as const, runs: [{ text: i.note }] }] : []),
      { kind: 'paragraph', runs: [{ text: 'This fax may contain protected health information. If you received it in error, please tell the sender at once and destroy it.' }] }
    ],
    templateId: 'fax-cover',
    templateVersion: 1,
    letterDate: i.date,
    exhibits: []
  }
}
