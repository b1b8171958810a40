// The complaint packet for the evidence bundle, from the letters service: the built-in OCR
// complaint template filled from the case as of today, with whatever the user withholds replaced
// in every line, rendered as DOCX and (where LibreOffice is installed) as archive PDF.
import type { Block, LetterDocument, Run } from '../../../core/letters'
import { AppError } from '#shared/errors'
import type { LettersService } from '../../letters/service'
import { convertToPdf } from '../../letters/archive'
import { renderDocx } from '../../letters/docx'
import type { ComplaintPacketProvider } from './bundle'
import type { Redactor } from './chronology-docs'

export const OCR_TEMPLATE_ID = 'ocr-complaint'

function redactBlock(b: Block, redact: Redactor): Block {
  const runs = (rs: Run[]): Run[] => rs.map((r) => ({ ...r, text: redact(r.text) }))
  switch (b.kind) {
    case 'heading':
      return { ...b, text: redact(b.text) }
    case 'paragraph':
      return { ...b, runs: runs(b.runs) }
    case 'list':
      return { ...b, items: b.items.map(runs) }
    case 'table':
      return { ...b, title: redact(b.title), rows: b.rows.map((r) => r.map(redact)) }
    case 'signature':
      return { ...b, lines: b.lines.map(redact) }
  }
}

/** Every text of the document through the redactor (the body, the header on every page, the metadata). */
export function redactDocument(doc: LetterDocument, redact: Redactor): LetterDocument {
  return {
    ...doc,
    title: redact(doc.title),
    subject: redact(doc.subject),
    description: redact(doc.description),
    keywords: redact(doc.keywords),
    headerText: redact(doc.headerText),
    blocks: doc.blocks.map((b) => redactBlock(b, redact)),
    exhibits: doc.exhibits.map((x) => ({ ...x, title: redact(x.title) }))
  }
}

/** `soffice`: undefined looks for LibreOffice, null skips the PDF (tests, or a machine without it). */
export function complaintPacketFrom(letters: LettersService, options: { soffice?: string | null } = {}): ComplaintPacketProvider {
  return async (caseId, redact) => {
    const built = await letters.documentFor(caseId, OCR_TEMPLATE_ID)
    if (!built.ok) return { reason: built.reason }
    const docx = await renderDocx(redactDocument(built.document, redact))
    try {
      const pdfs = await convertToPdf([{ name: 'packet', bytes: docx }], { archive: true, ...(options.soffice !== undefined && { soffice: options.soffice }) })
      return { docx, pdf: pdfs.get('packet') ?? null }
    } catch (error) {
      // No LibreOffice: the DOCX still goes in, and README.txt says how to get the PDF.
      if (error instanceof AppError && error.code === 'UNAVAILABLE') return { docx, pdf: null }
      throw error
    }
  }
}
