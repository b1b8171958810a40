import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import * as fsp from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { plainCipher } from '../encryption'
import { FileIo } from '../file-io'
import { ensureStignore, stignoreBlock, withOurBlock } from './stignore'

let dir = ''
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('.stignore', () => {
  it('adds the block first, replaces an outdated block in place, and keeps a person\'s own lines', () => {
    expect(withOurBlock(null)).toBe(`${stignoreBlock()}\n`)
    expect(withOurBlock('exports\n')).toBe(`${stignoreBlock()}\nexports\n`)
    const old = `exports\n// BEGIN Access Advocate: files of this computer only (the app rewrites this block)\n/.local\n// END Access Advocate\n*.bak\n`
    expect(withOurBlock(old)).toBe(`exports\n${stignoreBlock()}\n*.bak\n`)
    expect(withOurBlock(withOurBlock(old))).toBe(withOurBlock(old))
  })

  it('writes only when the block is missing or outdated', async () => {
    dir = await mkdtemp(join(tmpdir(), 'aa-stignore-'))
    const io = new FileIo(fsp, dir, plainCipher, () => new Date())
    expect(await ensureStignore(io)).toBe(true)
    const first = await stat(join(dir, '.stignore'))
    expect(await ensureStignore(io)).toBe(false)
    expect((await stat(join(dir, '.stignore'))).mtimeMs).toBe(first.mtimeMs)
    await writeFile(join(dir, '.stignore'), 'mine\n')
    expect(await ensureStignore(io)).toBe(true)
    expect(await readFile(join(dir, '.stignore'), 'utf8')).toBe(`${stignoreBlock()}\nmine\n`)
  })
})
