import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import * as fsp from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { plainCipher } from '../encryption'
import { FileIo } from '../file-io'
import { FolderWatcher } from './watcher'

let dir = ''
let watcher: FolderWatcher | null = null
afterEach(async () => {
  await watcher?.stop()
  watcher = null
  if (dir) await rm(dir, { recursive: true, force: true })
})

async function setup(debounceMs: number, seen: string[][]) {
  dir = await mkdtemp(join(tmpdir(), 'aa-watch-'))
  await mkdir(join(dir, 'cases'))
  await writeFile(join(dir, 'cases', 'a.json'), '1')
  const io = new FileIo(fsp, dir, plainCipher, () => new Date())
  watcher = new FolderWatcher(io, {
    dirs: ['cases', 'missing'],
    ignore: (name) => name.startsWith('.'),
    debounceMs,
    rescanMs: 60_000,
    onChange: async (rels) => void seen.push([...rels].sort()),
    onError: () => undefined
  })
  await watcher.start()
  return watcher
}

describe('FolderWatcher', () => {
  it('reports a burst of changes once, debounced, and never a file it ignores', async () => {
    const seen: string[][] = []
    await setup(150, seen)
    await writeFile(join(dir, 'cases', 'b.json'), '1')
    await writeFile(join(dir, 'cases', '.b.json.1234.tmp'), 'x')
    await writeFile(join(dir, 'cases', 'a.json'), '22')
    const end = Date.now() + 3000
    while (seen.length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20))
    await new Promise((r) => setTimeout(r, 300))
    expect(seen).toEqual([['cases/a.json', 'cases/b.json']])
  })

  it('finds changes and removals by rescanning, for file systems where watching misses them', async () => {
    const seen: string[][] = []
    const w = await setup(60_000, seen) // a debounce so long that only the rescan can report
    await writeFile(join(dir, 'cases', 'a.json'), 'changed size')
    await rm(join(dir, 'cases', 'a.json'))
    await writeFile(join(dir, 'cases', 'c.json'), '1')
    await mkdir(join(dir, 'missing'))
    await writeFile(join(dir, 'missing', 'd.json'), '1')
    await w.rescanNow()
    expect(seen).toEqual([['cases/a.json', 'cases/c.json', 'missing/d.json']])
  })
})
