// Outlook .msg files (a compound file of MAPI properties) read with @kenjiuno/msgreader, a pure
// JavaScript reader that is kept up to date (dozens of releases, Apache-2.0, no native code), into
// the same shape as a parsed .eml: who sent it, when, the subject, the plain text, the attachments.
import MsgReaderModule from '@kenjiuno/msgreader'
import { AppError } from '#shared/errors'
import type { MailMessage } from './message'

// The package is CommonJS with `exports.default`: Node's ESM loader hands over the whole exports
// object as the default import, a bundler hands over `exports.default`. Either way, the class.
const MsgReader = (MsgReaderModule as unknown as { default?: typeof MsgReaderModule }).default ?? MsgReaderModule

/** A .msg is an OLE compound file: it starts with this signature (D0 CF 11 E0 A1 B1 1A E1). */
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

export const looksLikeMsg = (bytes: Uint8Array): boolean => CFB_SIGNATURE.every((b, i) => bytes[i] === b)

const headerValue = (headers: string | undefined, name: string): string | undefined => {
  const m = new RegExp(`^${name}:[ \\t]*(.+)$`, 'im').exec(headers ?? '')
  return m?.[1]?.trim()
}

export function parseMsg(name: string, bytes: Uint8Array): MailMessage {
  const nothing = 'nothing was imported'
  if (!looksLikeMsg(bytes)) throw new AppError('INVALID_INPUT', `${name} is not an Outlook message (.msg): it is not a compound file. Save the message from Outlook again and try again; ${nothing}.`)
  let data
  let reader
  try {
    reader = new MsgReader(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
    data = reader.getFileData()
  } catch (error) {
    throw new AppError('INVALID_INPUT', `${name} cannot be read as an Outlook message (${error instanceof Error ? error.message : String(error)}); ${nothing}.`)
  }
  if (data.error) throw new AppError('INVALID_INPUT', `${name} cannot be read as an Outlook message (${data.error}); ${nothing}.`)
  if (data.dataType !== 'msg') throw new AppError('INVALID_INPUT', `${name} is a compound file but not an Outlook message; ${nothing}.`)
  const when = data.clientSubmitTime ?? data.messageDeliveryTime ?? headerValue(data.headers, 'Date')
  const date = when ? new Date(when) : null
  if (!date || Number.isNaN(date.getTime())) throw new AppError('INVALID_INPUT', `${name} has no sent or received time; ${nothing}.`)
  const sender = (data.senderSmtpAddress ?? data.senderEmail ?? '').toLowerCase()
  const fromText = [data.senderName, sender && `<${sender}>`].filter(Boolean).join(' ')
  const attachments = (data.attachments ?? [])
    .filter((a) => !a.innerMsgContent)
    .map((a, i) => {
      const file = reader.getAttachment(a)
      return { filename: file.fileName || a.fileName || `attachment-${i + 1}`, content: file.content, contentType: a.attachMimeTag || 'application/octet-stream' }
    })
  return {
    from: sender && sender.includes('@') ? [sender] : [],
    fromText,
    date,
    subject: data.subject ?? '',
    text: data.body ?? '',
    messageId: data.messageId ?? headerValue(data.headers, 'Message-ID') ?? null,
    attachments,
    originalType: 'application/vnd.ms-outlook',
    originalExt: '.msg'
  }
}
