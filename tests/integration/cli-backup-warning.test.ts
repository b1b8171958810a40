// The command line opens the same services, so it also runs the daily backup in the background.
// If that fails, the user hears it on stderr after the command, whose own result is unchanged.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cli } from './helpers/cli'
import { folderWithBackupsAsFile } from './helpers/backups-as-file'

let dir: string
let data: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-cli-backup-'))
  data = join(dir, 'data')
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const WARNING = /^warning: today's automatic backup failed: .*backups.*ENOTDIR.*$/m

describe('cli: a daily backup that could not be made', () => {
  it('is one warning line on stderr; the command still succeeds and prints its output', async () => {
    await folderWithBackupsAsFile(data)
    const r = await cli(['patients', 'list', '--json', '--data-dir', data])
    expect(r.code).toBe(0)
    expect((JSON.parse(r.stdout) as Array<{ name: string }>).map((p) => p.name)).toEqual(['Ana Ruiz'])
    expect(r.stderr).toMatch(WARNING)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('says nothing once a backup succeeds again', async () => {
    await folderWithBackupsAsFile(data)
    await rm(join(data, 'backups'))
    const r = await cli(['patients', 'list', '--data-dir', data])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
  })
})
