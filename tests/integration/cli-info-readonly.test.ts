// `info` only reads: it answers while another process holds the folder, takes no lock, creates
// nothing and writes nothing, and it never waits for (or starts) the daily backup.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openServices } from '../../src/services/app-services'
import { cli } from './helpers/cli'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-info-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Every file and folder under root with its size and modification time. */
async function tree(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const entry of await readdir(root, { recursive: true })) {
    const s = await stat(join(root, entry))
    out[relative(root, join(root, entry))] = `${s.size} ${s.mtimeMs}`
  }
  return out
}

describe('info', () => {
  it('answers while the app has the folder open, and changes nothing in it', async () => {
    const data = join(dir, 'data')
    const app = await openServices({ dataDir: data, appVersion: '0.1.0', holder: 'Access Advocate app', passphrase: 'correct horse', dailyBackup: false })
    try {
      // Let the app finish what it writes after opening (its case index, debounced).
      let before = await tree(data)
      for (let i = 0; i < 50; i++) {
        await new Promise((r) => setTimeout(r, 200))
        const now = await tree(data)
        if (JSON.stringify(now) === JSON.stringify(before) && i > 2) break
        before = now
      }
      const r = await cli(['info', '--data-dir', data, '--json'])
      expect(r.stderr).toBe('')
      expect(r.code).toBe(0)
      expect(JSON.parse(r.stdout)).toMatchObject({ dataDir: data, name: 'Access Advocate', version: expect.any(String) })
      expect(await tree(data)).toEqual(before)
    } finally {
      await app.close()
    }
  })

  it('does not create a folder that does not exist yet', async () => {
    const data = join(dir, 'not-yet')
    const r = await cli(['info', '--data-dir', data])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Data folder: .*not-yet/)
    await expect(stat(data)).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
