// An unsent e-mail draft (.eml) with the letter attached. Outlook opens a message marked
// `X-Unsent: 1` as a draft to edit and send; the app itself never sends anything.
const CRLF = '\r\n'

/** Header values cannot carry line breaks (that would let a name inject headers). */
const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ').trim()
const encodeWord = (s: string) => (/^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`)
const wrap = (b64: string) => b64.replace(/.{1,76}/g, (l) => `${l}${CRLF}`)

export type EmlInput = { to: string | null; toName?: string; subject: string; text: string; attachment: { name: string; type: string; bytes: Uint8Array }; boundary: string }

export function buildEml(input: EmlInput): string {
  const name = oneLine(input.attachment.name)
  const asciiName = name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, "'")
  const to = input.to ? `${input.toName ? `${encodeWord(oneLine(input.toName).replace(/"/g, "'"))} ` : ''}<${oneLine(input.to)}>` : ''
  const b = input.boundary
  return [
    'X-Unsent: 1',
    `To: ${to}`,
    `Subject: ${encodeWord(oneLine(input.subject))}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${b}"`,
    '',
    `--${b}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    wrap(Buffer.from(input.text, 'utf8').toString('base64')).trimEnd(),
    `--${b}`,
    `Content-Type: ${input.attachment.type}; name="${asciiName}"`,
    `Content-Disposition: attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'Content-Transfer-Encoding: base64',
    '',
    wrap(Buffer.from(input.attachment.bytes).toString('base64')).trimEnd(),
    `--${b}--`,
    ''
  ].join(CRLF)
}
