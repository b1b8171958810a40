// The letters glue in the main process, run from the built bundle against the recording stand-in
// for electron: "Save as PDF" through a hidden printToPDF window, and a letter's files on the
// desktop (open with the system, show in folder, native save dialog, e-mail draft in the mail program).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { IPC_INVOKE } from '../../src/shared/contract'
import { loadMain, quitMain } from './load-main'

const RENDERER_INDEX = resolve(__dirname, '../../out/renderer/index.html')
let dir: string
let running: Array<Awaited<ReturnType<typeof loadMain>>> = []

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-letters-glue-'))
  process.env['ACCESS_ADVOCATE_DATA_DIR'] = join(dir, 'data')
})
afterEach(async () => {
  for (const fake of running) await quitMain(fake)
  running = []
  delete process.env['ACCESS_ADVOCATE_DATA_DIR']
  await rm(dir, { recursive: true, force: true })
})

type Answer = { ok: boolean; value?: never; error?: { code: string; message: string } }

/** The app started, with one overdue case and a follow-up letter generated through the window's own channel. */
async function withLetter() {
  const fake = await loadMain({ userData: join(dir, 'user-data'), documents: join(dir, 'Documents') })
  running.push(fake)
  const win = fake.record.windows[0]
  if (!win) throw new Error(`no window was created; error boxes: ${JSON.stringify(fake.record.errorBoxes)}`)
  const handler = fake.record.ipcHandlers.get(IPC_INVOKE) as (e: unknown, c: unknown, i: unknown) => Promise<Answer>
  const ours = { sender: { id: win.webContents.id }, senderFrame: { url: pathToFileURL(RENDERER_INDEX).href, parent: null } }
  const call = async (channel: string, input: unknown): Promise<never> => {
    const r = await handler(ours, channel, input)
    if (!r.ok) throw new Error(`${channel}: ${r.error?.code} ${r.error?.message}`)
    return r.value as never
  }
  const patient: { id: string } = await call('patients.add', { patient: { name: 'Maria Lopez' } })
  const org: { id: string } = await call('orgs.add', { organization: { name: 'St Mary Hospital', kind: 'hospital', records: { name: 'HIM Department', email: 'him@stmary.example' } } })
  const c: { id: string } = await call('cases.add', { case: { patientId: patient.id, organizationId: org.id } })
  await call('cases.addEvent', { caseId: c.id, event: { type: 'request-sent', date: '2026-09-01', direction: 'outgoing', channel: 'mail', summary: 'Request mailed' } })
  const letter: { id: string; file: { sha256: string; name: string } } = await call('letters.generate', { caseId: c.id, templateId: 'follow-up', date: '2026-09-20' })
  return { ...fake, win, handler, ours, call, caseId: c.id, letter, ref: { caseId: c.id, letterId: letter.id } }
}

describe('Save as PDF (Electron printToPDF)', () => {
  it('prints the letter in a hidden, sandboxed, script-less window of its own session, at Letter with 1" margins, tagged, and files the PDF', async () => {
    const { record, call, ref } = await withLetter()
    const filed: { type: string; name: string; sha256: string } = await call('letters.savePdf', ref)
    expect(filed).toMatchObject({ type: 'application/pdf', name: expect.stringMatching(/follow-up-maria-lopez\.pdf$/) })
    const printer = record.windows[1]!
    expect(printer.options).toMatchObject({ show: false, webPreferences: { sandbox: true, javascript: false, contextIsolation: true, nodeIntegration: false, partition: 'letters-print' } })
    expect(printer.loaded.url).toMatch(/^data:text\/html;charset=utf-8,/)
    const html = decodeURIComponent(printer.loaded.url!.slice('data:text/html;charset=utf-8,'.length))
    expect(html).toContain('Maria Lopez')
    expect(html).toMatch(/@page\s*\{[^}]*size:\s*letter/i)
    expect(printer.webContents.printed).toEqual([
      { pageSize: 'Letter', margins: { top: 1, bottom: 1, left: 1, right: 1 }, preferCSSPageSize: true, printBackground: false, generateTaggedPDF: true, generateDocumentOutline: true }
    ])
    expect(printer.destroyed).toBe(true)
    // What printToPDF answered is what the case keeps.
    const view: { case: { letters: Array<{ extraFiles: Array<{ sha256: string }> }> } } = await call('cases.get', { id: ref.caseId })
    expect(view.case.letters[0]?.extraFiles.map((f) => f.sha256)).toEqual([filed.sha256])
    // Its session loads the letter itself and nothing else, and grants nothing.
    const print = record.partitions.get('letters-print')!
    const decide = (url: string) => {
      let answer: unknown
      ;(print.beforeRequest as (d: { url: string }, cb: (r: unknown) => void) => void)({ url }, (r) => (answer = r))
      return answer
    }
    expect(decide('data:text/html;charset=utf-8,%3Cp%3E')).toEqual({ cancel: false })
    expect(decide('https://tracker.example/pixel.gif')).toEqual({ cancel: true })
    expect(decide('file:///etc/passwd')).toEqual({ cancel: true })
    expect((print.permissionCheckHandler as () => boolean)()).toBe(false)
    // Navigation away from the letter is refused.
    const nav = { defaultPrevented: false, preventDefault: () => (nav.defaultPrevented = true) }
    printer.webContents.emit('will-navigate', nav, 'https://evil.example/')
    expect(nav.defaultPrevented).toBe(true)
  })

  it('a failed print says so, files nothing, and still closes the hidden window', async () => {
    const { record, handler, ours, call, ref } = await withLetter()
    record.printAnswer = new Error('printing failed: out of memory')
    const r = await handler(ours, 'letters.savePdf', ref)
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^The letter could not be printed to PDF \(printing failed: out of memory\)\. Try again, or make the Archive PDF/) } })
    const printer = record.windows[1]!
    expect(printer.webContents.printed).toHaveLength(1)
    expect(printer.destroyed).toBe(true)
    const view: { case: { letters: Array<{ extraFiles: unknown[] }> } } = await call('cases.get', { id: ref.caseId })
    expect(view.case.letters[0]?.extraFiles).toEqual([])
  })
})

describe('a letter on the desktop', () => {
  it('"Open" writes a named copy in Documents/Access Advocate/Letters/<patient> (<case>) and opens it with the system; an edited copy is never overwritten', async () => {
    const { record, call, ref, letter, caseId } = await withLetter()
    const opened: { name: string; path: string } = await call('letters.open', ref)
    const folder = join(dir, 'Documents', 'Access Advocate', 'Letters', `Maria Lopez (${caseId})`)
    expect(opened).toEqual({ name: letter.file.name, path: join(folder, letter.file.name) })
    expect(record.openedPaths).toEqual([opened.path])
    const bytes = await readFile(opened.path)
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')
    // Opening again reuses the same copy…
    const reopened: { path: string } = await call('letters.open', ref)
    expect(reopened.path).toBe(opened.path)
    // …unless the user edited it: their edits stay, and the stored letter opens beside them.
    await writeFile(opened.path, 'edited in Word')
    const again: { path: string } = await call('letters.open', ref)
    expect(again.path).toBe(join(folder, letter.file.name.replace(/\.docx$/, ' (2).docx')))
    expect(await readFile(opened.path, 'utf8')).toBe('edited in Word')
    expect(Buffer.from(await readFile(again.path)).equals(bytes)).toBe(true)
    // The system could not open it: the window hears why, and where the file is.
    record.openPathAnswer = 'No application is associated with the specified file'
    await expect(call('letters.open', ref)).rejects.toThrow(/UNAVAILABLE The system could not open .*No application is associated.*It is saved at/)
  })

  it('"Show in folder" reveals the named copy; a file that is not the letter\u2019s is refused; the window may not name a path', async () => {
    const { record, call, handler, ours, ref } = await withLetter()
    const shown: { path: string } = await call('letters.showInFolder', ref)
    expect(record.shownInFolder).toEqual([shown.path])
    await expect(call('letters.showInFolder', { ...ref, sha256: '0'.repeat(64) })).rejects.toThrow(/NOT_FOUND That file is not one of this letter/)
    expect(await handler(ours, 'letters.saveAs', { ...ref, path: '/tmp/x.docx' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } })
  })

  it('"Save as…" asks in the native dialog over our window and writes the stored letter there; cancelled, nothing is written', async () => {
    const { record, call, ref, letter } = await withLetter()
    record.nextSave = { canceled: true, filePath: '' }
    expect(await call('letters.saveAs', ref)).toEqual({ saved: false, name: letter.file.name, path: null })
    const target = join(dir, 'chosen', 'My letter.docx')
    await import('node:fs/promises').then((fs) => fs.mkdir(join(dir, 'chosen')))
    record.nextSave = { canceled: false, filePath: target }
    expect(await call('letters.saveAs', ref)).toEqual({ saved: true, name: 'My letter.docx', path: target })
    expect(record.saveDialogs).toHaveLength(2)
    const [parent, options] = record.saveDialogs[1] as [unknown, { defaultPath: string; filters: Array<{ extensions: string[] }> }]
    expect(parent).toBe(record.windows[0])
    expect(options.defaultPath).toBe(join(dir, 'Documents', letter.file.name))
    expect(options.filters[0]).toEqual({ name: 'Word document', extensions: ['docx'] })
    expect((await readFile(target)).subarray(0, 2).toString('latin1')).toBe('PK')
  })

  it('"E-mail this letter" files an unsent .eml draft with the letter attached and opens it in the system\u2019s mail program', async () => {
    const { record, call, ref, letter } = await withLetter()
    const sent: { attachment: { type: string; name: string }; path: string } = await call('letters.email', ref)
    expect(sent.attachment).toMatchObject({ type: 'message/rfc822', name: letter.file.name.replace(/\.docx$/, '.eml') })
    expect(record.openedPaths).toEqual([sent.path])
    const eml = await readFile(sent.path, 'utf8')
    expect(eml).toMatch(/^X-Unsent: 1\r\n/)
    expect(eml).toContain('To: HIM Department <him@stmary.example>\r\n')
    expect(eml).toContain(`filename="${letter.file.name}"`)
    const view: { case: { letters: Array<{ extraFiles: Array<{ type: string }> }> } } = await call('cases.get', { id: ref.caseId })
    expect(view.case.letters[0]?.extraFiles.map((f) => f.type)).toEqual(['message/rfc822'])
  })
})
