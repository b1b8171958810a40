// The request log's form as text fields (every one may stay blank: a blank is unknown), and back.
import type { RequestLog } from '#core/schemas'

export type RequestLogDraft = {
  receivedChannel: string
  receivedTime: string
  proofOfReceipt: string
  requesterType: string
  authorityDocument: string
  patientIdentifiers: string
  verificationMethod: string
  verificationDate: string
  outcome: string
  denialGround: string
  reviewer: string
  recipient: string
  staff: string
  site: string
  businessAssociate: string
}

export function draftOf(log: RequestLog | undefined): RequestLogDraft {
  const l = log ?? {}
  return {
    receivedChannel: l.receivedChannel ?? '',
    receivedTime: l.receivedTime ?? '',
    proofOfReceipt: l.proofOfReceipt ?? '',
    requesterType: l.requesterType ?? '',
    authorityDocument: l.authorityDocument ?? '',
    patientIdentifiers: l.patientIdentifiers ?? '',
    verificationMethod: l.verification?.method ?? '',
    verificationDate: l.verification?.date ?? '',
    outcome: l.outcome ?? '',
    denialGround: l.denialGround ?? '',
    reviewer: l.reviewer ?? '',
    recipient: l.recipient ?? '',
    staff: l.staff ?? '',
    site: l.site ?? '',
    businessAssociate: l.businessAssociate ?? ''
  }
}

/** What the form says, blanks left out; the services check it against the request log's schema. */
export function logOf(d: RequestLogDraft): Record<string, unknown> {
  const put = (v: string) => (v.trim() === '' ? undefined : v.trim())
  const verification = { method: put(d.verificationMethod), date: put(d.verificationDate) }
  const out: Record<string, unknown> = {
    receivedChannel: put(d.receivedChannel),
    receivedTime: put(d.receivedTime),
    proofOfReceipt: put(d.proofOfReceipt),
    requesterType: put(d.requesterType),
    authorityDocument: put(d.authorityDocument),
    patientIdentifiers: put(d.patientIdentifiers),
    verification: verification.method || verification.date ? Object.fromEntries(Object.entries(verification).filter(([, v]) => v !== undefined)) : undefined,
    outcome: put(d.outcome),
    denialGround: d.outcome === 'denied' ? put(d.denialGround) : undefined,
    reviewer: put(d.reviewer),
    recipient: put(d.recipient),
    staff: put(d.staff),
    site: put(d.site),
    businessAssociate: put(d.businessAssociate)
  }
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined))
}
