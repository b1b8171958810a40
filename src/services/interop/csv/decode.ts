// Bytes of a CSV file to text: UTF-8 with or without a byte-order mark, else Windows-1252 (what
// Excel on Windows writes for "CSV" without "UTF-8"). Decoding is strict: a file that is neither
// is refused with a message, never read as mojibake.
import iconv from 'iconv-lite'
import { AppError } from '#shared/errors'
import { MAX_CSV_BYTES } from '../limits'

export type Decoded = { text: string; encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252' }

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`

export function decodeCsv(bytes: Uint8Array, name = 'the file'): Decoded {
  if (bytes.byteLength > MAX_CSV_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `${name} is ${mb(bytes.byteLength)}; a CSV import reads at most ${mb(MAX_CSV_BYTES)}. Split it into smaller files.`)
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  if (bytes[0] === 0xff && bytes[1] === 0xfe) throw new AppError('INVALID_INPUT', `${name} is UTF-16; save it as "CSV UTF-8" and try again.`)
  let text: string
  let encoding: Decoded['encoding']
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
    encoding = bom ? 'utf-8-bom' : 'utf-8'
  } catch {
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'win1252')
    encoding = 'windows-1252'
  }
  if (text.includes('\0')) throw new AppError('INVALID_INPUT', `${name} holds NUL bytes: it is not a text CSV file (a spreadsheet .xlsx, or UTF-16?). Save it as "CSV UTF-8".`)
  const stray = text.indexOf('\uFEFF')
  if (stray >= 0) {
    const line = text.slice(0, stray).split('\n').length
    throw new AppError('INVALID_INPUT', `${name}: line ${line} holds a byte-order mark in the middle of the file (two files pasted together?). Remove it and try again.`)
  }
  return { text, encoding }
}
