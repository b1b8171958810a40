import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importEml } from '../../../src/services/interop/email/eml'
import { hashFolder } from '../helpers/folder-hash'
import { testServices, type TestServices } from '../helpers/services'

let s: TestServices
beforeEach(async () => {
  s = await testServices()
})
afterEach(async () => {
  await s.cleanup()
})

const eml = (o: { from: string; to: string; id: string; date: string; subject: string; body: string; attachment?: { name: string; text: string } }) => {
  const boundary = 'b-123'
  const head = [`From: ${o.from}`, `To: ${o.to}`, `Message-ID: ${o.id}`, `Date: ${o.date}`, `Subject: ${o.subject}`, 'MIME-Version: 1.0']
  const text = o.attachment
    ? [...head, `Content-Type: multipart/mixed; boundary="${boundary}"`, '', `--${boundary}`, 'Content-Type: text/plain; charset=utf-8', '', o.body, `--${boundary}`, `Content-Type: text/plain; name="${o.attachment.name}"`, `Content-Disposition: attachment; filename="${o.attachment.name}"`, 'Content-Transfer-Encoding: base64', '', Buffer.from(o.attachment.text).toString('base64'), `--${boundary}--`, '']
    : [...head, 'Content-Type: text/plain; charset=utf-8', '', o.body, '']
  return new TextEncoder().encode(text.join('\r\n'))
}

async function seed() {
  const patient = await s.patients.add({ name: 'Ana Ruiz' })
  const org = await s.organizations.add({ name: 'Mercy General', kind: 'hospital', records: { email: 'records@mercy.example' } })
  return s.cases.add({ patientId: patient.id, organizationId: org.id })
}

describe('e-mail import (.eml)', () => {
  it('makes each message a correspondence event with date, direction, subject, body and attachments; skips a Message-ID seen before', async () => {
    const c = await seed()
    const reply = eml({ from: 'Records Desk <release@mercy.example>', to: 'ana@home.example', id: '<r1@mercy.example>', date: 'Tue, 10 Nov 2026 23:30:00 -0800', subject: 'Your records request', body: 'We need a signed form.', attachment: { name: 'form.txt', text: 'Sign here' } })
    const sent = eml({ from: 'Ana <ana@home.example>', to: 'records@mercy.example', id: '<s1@home.example>', date: 'Mon, 2 Nov 2026 09:00:00 +0000', subject: 'Request for my records', body: 'Please send my records.' })
    const out = await importEml(s, c.id, [{ name: 'reply.eml', bytes: reply }, { name: 'sent.eml', bytes: sent }])
    expect(out.map((o) => o.status)).toEqual(['imported', 'imported'])
    const events = (await s.cases.load(c.id)).events
    const incoming = events.find((e) => e.summary === 'Your records request')!
    // The date is the sender's calendar day as the user's computer sees it (vitest runs in the machine's zone).
    expect(incoming).toMatchObject({ type: 'note', direction: 'incoming', channel: 'email', proofOfDelivery: 'Message-ID: <r1@mercy.example>' })
    expect(incoming.date).toMatch(/^2026-11-1[01]$/)
    expect(incoming.body).toContain('We need a signed form.')
    expect(incoming.attachments.map((a) => [a.name, a.type])).toEqual([['reply.eml', 'message/rfc822'], ['form.txt', 'text/plain']])
    expect(new TextDecoder().decode(await s.attachments.read(incoming.attachments[0]!.sha256))).toBe(new TextDecoder().decode(reply))
    expect(new TextDecoder().decode(await s.attachments.read(incoming.attachments[1]!.sha256))).toBe('Sign here')
    expect(events.find((e) => e.summary === 'Request for my records')).toMatchObject({ direction: 'outgoing', date: '2026-11-02' })

    const again = await importEml(s, c.id, [{ name: 'reply-copy.eml', bytes: reply }])
    expect(again).toEqual([{ file: 'reply-copy.eml', status: 'skipped', reason: 'already imported (same Message-ID <r1@mercy.example>)' }])
    expect((await s.cases.load(c.id)).events).toHaveLength(2)
  })

  it('refuses a corrupt file and imports none of the batch', async () => {
    const c = await seed()
    const before = await hashFolder(s.dataDir)
    const good = eml({ from: 'a@b.example', to: 'records@mercy.example', id: '<g@b>', date: 'Mon, 2 Nov 2026 09:00:00 +0000', subject: 'x', body: 'y' })
    const junk = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 255, 254])
    await expect(importEml(s, c.id, [{ name: 'good.eml', bytes: good }, { name: 'photo.eml', bytes: junk }])).rejects.toThrow(/photo.eml is not an e-mail message \(.eml\): it has no From or Date header/)
    const badDate = new TextEncoder().encode('From: a@b.example\r\nDate: someday\r\nSubject: x\r\n\r\nbody')
    await expect(importEml(s, c.id, [{ name: 'd.eml', bytes: badDate }])).rejects.toThrow(/d.eml: its Date header/)
    expect(await hashFolder(s.dataDir)).toBe(before)
  })
})
