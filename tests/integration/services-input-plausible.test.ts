// Issue 10, item 12: input that must be refused at the front doors (window and command line share
// the router; imports share the services) with a message naming the field, while data stored
// before these rules still loads, lists and prints (it is never quarantined by a tightened rule).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../src/services/handlers'
import { createRouter, type Router } from '../../src/services/router'
import { createServicesHost, type ServicesHost } from '../../src/services/host'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cli } from './helpers/cli'

let dir: string
let host: ServicesHost
let router: Router
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-plausible-'))
  host = await createServicesHost({ dataDir: join(dir, 'data'), sampleDir: join(dir, 'sample'), appVersion: 't', holder: 'test', dailyBackup: false })
  router = createRouter(createHandlers(host), { validateOutput: true })
})
afterEach(async () => {
  await host.close()
  await rm(dir, { recursive: true, force: true })
})

const call = async (channel: string, input: unknown) => router.invoke(channel, input)
const refused = (path: Array<string | number>, message: RegExp) => ({
  ok: false,
  error: { code: 'INVALID_INPUT', message: expect.stringMatching(message), details: expect.objectContaining({ issues: [expect.objectContaining({ path, message: expect.stringMatching(message) })] }) }
})
const valueOf = <T>(r: unknown): T => (r as { value: T }).value

async function caseWithRequestSent(sent: string) {
  const p = valueOf<{ id: string }>(await call('patients.add', { patient: { name: 'Ana Ruiz' } }))
  const o = valueOf<{ id: string }>(await call('orgs.add', { organization: { name: 'Mercy', kind: 'hospital' } }))
  const c = valueOf<{ id: string }>(await call('cases.add', { case: { patientId: p.id, organizationId: o.id } }))
  expect(await call('cases.addEvent', { caseId: c.id, event: { type: 'request-sent', date: sent } })).toMatchObject({ ok: true })
  return c.id
}

describe('control characters are refused at input, naming the field', () => {
  it.each([
    ['an ANSI escape in a name', { name: 'Ana \u001b[31mRuiz' }, ['patient', 'name'], /U\+001B escape/],
    ['an OSC sequence in a note', { name: 'Ana', notes: 'x \u001b]0;pwned\u0007' }, ['patient', 'notes'], /U\+001B escape/],
    ['a bell in a phone number', { name: 'Ana', contact: { phone: '555\u0007' } }, ['patient', 'contact', 'phone'], /U\+0007 bell/],
    ['a NUL in a language', { name: 'Ana', preferredLanguage: 'es\u0000' }, ['patient', 'preferredLanguage'], /U\+0000 NUL/],
    ['a one-byte CSI', { name: 'Ana\u009b2J' }, ['patient', 'name'], /U\+009B CSI/]
  ])('%s', async (_what, patient, path, message) => {
    expect(await call('patients.add', { patient })).toMatchObject(refused(path, message))
    expect(valueOf<unknown[]>(await call('patients.list', {}))).toEqual([])
  })

  it('lets line breaks and tabs through in long text', async () => {
    expect(await call('patients.add', { patient: { name: 'Ana', notes: 'line one\n\tindented\r\nline three' } })).toMatchObject({ ok: true })
  })

  it.each([
    ['a line break in a name', 'patients.add', { patient: { name: 'Ana\nRuiz' } }, ['patient', 'name'], /is one line but contains a line break \(U\+000A line break\) at character 4/],
    ['a tab in a phone number', 'patients.add', { patient: { name: 'Ana', contact: { phone: '555\t0100' } } }, ['patient', 'contact', 'phone'], /contains a tab \(U\+0009 tab\)/],
    ['a carriage return in an organization name', 'orgs.add', { organization: { name: 'Mercy\r', kind: 'hospital' } }, ['organization', 'name'], /U\+000D carriage return/]
  ])('refuses %s: tabs and line breaks belong in long text only', async (_what, channel, input, path, message) => {
    expect(await call(channel, input)).toMatchObject(refused(path, message))
  })

  it('refuses a line break in an event summary but keeps one in its full text', async () => {
    const id = await caseWithRequestSent('2026-09-01')
    expect(await call('cases.addEvent', { caseId: id, event: { type: 'phone-call', date: '2026-09-03', summary: 'Called\nagain' } })).toMatchObject(refused(['event', 'summary'], /line break/))
    expect(await call('cases.addEvent', { caseId: id, event: { type: 'phone-call', date: '2026-09-03', summary: 'Called', body: 'They said:\n\tnot yet' } })).toMatchObject({ ok: true })
  })

  it('refuses an escape in an event summary sent from the command line, exit 2, naming the field', async () => {
    const id = await caseWithRequestSent('2026-09-01')
    await host.close()
    const r = await cli(['cases', 'event', id, '--type', 'phone-call', '--date', '2026-09-03', '--summary', 'Called \u001b]8;;http://x\u0007', '--data-dir', join(dir, 'data')])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/event\.summary: contains a control character \(U\+001B escape\)/)
    // The message itself carries no raw escape to the terminal.
    expect(r.stderr).not.toContain('\u001b')
    host = await createServicesHost({ dataDir: join(dir, 'data'), sampleDir: join(dir, 'sample'), appVersion: 't', holder: 'test', dailyBackup: false })
  })

  it('data stored before the rule still loads and lists: the rule is for input only', async () => {
    const s = host.current()
    // Written straight to the store, as an older version of the app could have.
    const at = new Date().toISOString()
    await s.store.sharded.patients.put({ id: 'pat-old', name: 'Old \u001b[1mRecord', contact: {}, identifiers: [], representatives: [], holdersToRequest: [], createdAt: at, updatedAt: at, history: [] })
    await host.close()
    host = await createServicesHost({ dataDir: join(dir, 'data'), sampleDir: join(dir, 'sample'), appVersion: 't', holder: 'test', dailyBackup: false })
    router = createRouter(createHandlers(host), { validateOutput: true })
    expect(host.current().store.recoveries).toEqual([])
    expect(valueOf<Array<{ name: string }>>(await call('patients.list', {})).map((p) => p.name)).toEqual(['Old \u001b[1mRecord'])
    // Editing another field of it works; only what is typed is checked.
    expect(await call('patients.update', { id: 'pat-old', patch: { preferredLanguage: 'en' } })).toMatchObject({ ok: true })
  })
})

describe('implausible values are refused with what to check', () => {
  it('a date of birth in the future', async () => {
    expect(await call('patients.add', { patient: { name: 'Ana', dateOfBirth: '2090-01-01' } })).toMatchObject(
      refused(['patient', 'dateOfBirth'], /2090-01-01 is in the future \(today is \d{4}-\d{2}-\d{2}\); check the year/)
    )
    const p = valueOf<{ id: string }>(await call('patients.add', { patient: { name: 'Ana', dateOfBirth: '1980-02-29' } }))
    expect(await call('patients.update', { id: p.id, patch: { dateOfBirth: '2090-01-01' } })).toMatchObject(refused(['patch', 'dateOfBirth'], /in the future/))
  })

  it('a state code no state has, on an organization, its address and a case', async () => {
    expect(await call('orgs.add', { organization: { name: 'Mercy', kind: 'hospital', state: 'ZZ' } })).toMatchObject(
      refused(['organization', 'state'], /"ZZ" is not a US state or territory; use its two-letter postal code/)
    )
    expect(await call('orgs.add', { organization: { name: 'Mercy', kind: 'hospital', address: { state: 'zz' } } })).toMatchObject(refused(['organization', 'address', 'state'], /"ZZ" is not a US state/))
    expect(await call('orgs.add', { organization: { name: 'Mercy', kind: 'hospital', state: 'dc' } })).toMatchObject({ ok: true, value: { state: 'DC' } })
    const id = await caseWithRequestSent('2026-09-01')
    expect(await call('cases.update', { id, patch: { state: 'ZZ' } })).toMatchObject(refused(['patch', 'state'], /"ZZ" is not a US state/))
  })

  it('an event dated 1950, or long before the request was sent', async () => {
    const id = await caseWithRequestSent('2026-09-01')
    expect(await call('cases.addEvent', { caseId: id, event: { type: 'phone-call', date: '1950-03-02' } })).toMatchObject(
      refused(['event', 'date'], /1950-03-02 is before 2003-04-14, when the HIPAA right of access took effect \(45 CFR 164\.534\); check the year/)
    )
    expect(await call('cases.addEvent', { caseId: id, event: { type: 'phone-call', date: '2024-03-02' } })).toMatchObject(
      refused(['event', 'date'], /2024-03-02 is more than a year before this request was sent \(2026-09-01\); check the year/)
    )
    // A call a few weeks before asking is ordinary.
    expect(await call('cases.addEvent', { caseId: id, event: { type: 'phone-call', date: '2026-08-10' } })).toMatchObject({ ok: true })
  })
})

describe('--set on the command line', () => {
  it('refuses __proto__ (and constructor) with exit 2 instead of dropping it silently', async () => {
    for (const key of ['__proto__', 'constructor', 'a.__proto__']) {
      const r = await cli(['cases', 'event', 'case-x', '--type', 'fee-quoted', '--date', '2026-09-05', '--set', `${key}=x`, '--data-dir', join(dir, 'data')])
      expect(r.code, key).toBe(2)
      expect(r.stderr).toMatch(/is not a field name any record has/)
    }
  })
})
