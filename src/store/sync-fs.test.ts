import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { syncFileSystem } from './sync-fs'

describe('syncFileSystem', () => {
  let dir = ''
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it.runIf(process.platform === 'linux')('flushes the file system holding a file (Linux: syncfs through coreutils)', async () => {
    dir = await mkdtemp(join(tmpdir(), 'aa-syncfs-'))
    const file = join(dir, 'a.json')
    await writeFile(file, '{}')
    expect(await syncFileSystem(file)).toBe(true)
  })

  it('says false, so the caller fsyncs each file, when the folder cannot be synced', async () => {
    expect(await syncFileSystem(join(tmpdir(), 'aa-no-such-folder-', 'x', 'a.json'))).toBe(false)
  })
})
