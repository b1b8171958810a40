// What e-mail import needs from one message, whatever file it came in (.eml, .msg).
export type MailMessage = {
  /** Sender addresses, lower case. */
  from: string[]
  /** The From line as written ("Records Office <records@mercy.example>"), or ''. */
  fromText: string
  date: Date
  subject: string
  text: string
  messageId: string | null
  attachments: Array<{ filename: string; content: Uint8Array; contentType: string }>
  /** How the original is stored beside the event. */
  originalType: string
  originalExt: string
}
