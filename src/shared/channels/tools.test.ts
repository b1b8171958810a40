import { describe, expect, it } from 'vitest'
import { namesALocalPath } from './tools'

describe('namesALocalPath: what the main process refuses from the window', () => {
  it('refuses the command-line-only channels, whatever their input', () => {
    expect(namesALocalPath('attachments.addFile', { caseId: 'c', path: '/etc/passwd' })).toBe(true)
    expect(namesALocalPath('attachments.saveTo', {})).toBe(true)
  })

  it('refuses a file named by path or an output path, however deep', () => {
    expect(namesALocalPath('interop.importPreview', { source: { path: '/home/me/.ssh/id_rsa' } })).toBe(true)
    expect(namesALocalPath('interop.exportAll', { out: '/tmp/x.zip' })).toBe(true)
    expect(namesALocalPath('interop.importEml', { caseId: 'c', files: [{ name: 'a.eml', base64: 'AA==' }, { path: '/x.eml' }] })).toBe(true)
  })

  it('lets through the same channels with the bytes instead of a path', () => {
    expect(namesALocalPath('interop.importPreview', { source: { name: 'all.zip', base64: 'AA==' } })).toBe(false)
    expect(namesALocalPath('interop.exportAll', {})).toBe(false)
    expect(namesALocalPath('cases.list', { query: 'path' })).toBe(false)
    expect(namesALocalPath('cases.get', null)).toBe(false)
  })
})
