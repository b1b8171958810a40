import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importEml } from '../../../src/services/interop/email/eml'
import { hashFolder } from '../helpers/folder-hash'
import { testServices, type TestServices } from '../helpers/services'

// Real Outlook files from @kenjiuno/msgreader's own tests (see tests/fixtures/msg/README.md).
const fixture = (name: string) => readFile(join(__dirname, '../../fixtures/msg', name)).then((b) => new Uint8Array(b))

let s: TestServices
beforeEach(async () => {
  s = await testServices()
})
afterEach(async () => {
  await s.cleanup()
})

async function seed(recordsEmail: string) {
  const patient = await s.patients.add({ name: 'Ana Ruiz' })
  const org = await s.organizations.add({ name: 'Mail Server Clinic', kind: 'provider', records: { email: recordsEmail } })
  return s.cases.add({ patientId: patient.id, organizationId: org.id })
}

describe('e-mail import (.msg)', () => {
  it('reads an Outlook message: date, sender against the holder, subject, text, every attachment, the original kept', async () => {
    const c = await seed('records@hmailserver.test')
    const bytes = await fixture('attachmentFiles.msg')
    const [out] = await importEml(s, c.id, [{ name: 'attachmentFiles.msg', bytes }])
    expect(out).toMatchObject({ status: 'imported', subject: 'attachmentFiles', direction: 'incoming', attachments: 3 })
    const event = (await s.cases.load(c.id)).events.find((e) => e.summary === 'attachmentFiles')!
    // Sent 2023-11-01 00:48:31 UTC: the computer's own calendar day (vitest runs in the machine's zone).
    expect(event.date).toMatch(/^2023-(10-31|11-01)$/)
    expect(event).toMatchObject({ type: 'note', channel: 'email', direction: 'incoming' })
    expect(event.body).toContain('From hmailuser <hmailuser@hmailserver.test>')
    expect(event.body).toContain('attachmentFiles')
    expect(event.attachments.map((a) => [a.name, a.type])).toEqual([
      ['attachmentFiles.msg', 'application/vnd.ms-outlook'],
      ['jpg.jpg', 'image/jpeg'],
      ['png.png', 'image/png'],
      ['tif.tif', 'image/tiff']
    ])
    expect(Buffer.from(await s.attachments.read(event.attachments[0]!.sha256)).equals(Buffer.from(bytes))).toBe(true)
    const png = await s.attachments.read(event.attachments[2]!.sha256)
    expect([...png.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
  })

  it('a message from someone else is outgoing; the same .msg twice is skipped by its Message-ID', async () => {
    const c = await seed('records@elsewhere.example')
    const bytes = await fixture('attachmentFiles.msg')
    const first = await importEml(s, c.id, [{ name: 'a.msg', bytes }])
    expect(first[0]).toMatchObject({ status: 'imported', direction: 'outgoing' })
    const again = await importEml(s, c.id, [{ name: 'a-copy.msg', bytes }])
    expect(again[0]).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/already imported \(same Message-ID/) })
    expect((await s.cases.load(c.id)).events).toHaveLength(1)
  })

  it('refuses a damaged .msg and a file that only claims to be one, changing nothing', async () => {
    const c = await seed('records@hmailserver.test')
    const before = await hashFolder(s.dataDir)
    const bytes = await fixture('sent.msg')
    const truncated = bytes.slice(0, 1500)
    await expect(importEml(s, c.id, [{ name: 'cut.msg', bytes: truncated }])).rejects.toThrow(/cut.msg cannot be read as an Outlook message|cut.msg has no sent or received time/)
    await expect(importEml(s, c.id, [{ name: 'fake.msg', bytes: new TextEncoder().encode('From: a@b\r\n\r\nhello') }])).rejects.toThrow(/fake.msg is not an Outlook message \(.msg\)/)
    expect(await hashFolder(s.dataDir)).toBe(before)
  })
})
