import { mkdtemp, rm, writeFile, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cli } from './helpers/cli'

let dir: string
let d: string[]
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-cli-prof-'))
  d = ['--data-dir', join(dir, 'data')]
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const ok = async (args: string[], stdin?: string) => {
  const r = await cli([...args, ...d, '--json'], stdin === undefined ? {} : { stdin })
  if (r.code !== 0) throw new Error(`${args.join(' ')} → exit ${r.code}: ${r.stderr}`)
  return JSON.parse(r.stdout) as Record<string, unknown>
}

const policy = (version: string, days: number, from: string | null) =>
  JSON.stringify({ id: 'org-policy', label: 'Our own policy', version, days, dayKind: 'calendar', extensionDays: 0, inForce: { from, to: null } })

describe('saved rule profiles', () => {
  it('judges each case by the version in force on its receipt date, and the clock command finds them too', async () => {
    await ok(['profiles', 'add', '--input', '-'], policy('1', 20, '2020-01-01'))
    await ok(['profiles', 'add', '--input', '-'], policy('2', 10, '2026-06-01'))
    const dup = await cli(['profiles', 'add', '--input', '-', ...d], { stdin: policy('2', 12, null) })
    expect(dup.code).toBe(2) // a refused request is bad input (issue 10)
    expect(dup.stderr).toMatch(/already has a version "2"/)
    const builtIn = await cli(['profiles', 'add', '--input', '-', ...d], { stdin: JSON.stringify({ id: 'hipaa', label: 'x', version: '1', days: 1, dayKind: 'calendar', extensionDays: 0 }) })
    expect(builtIn.code).toBe(2)
    expect(builtIn.stderr).toMatch(/built-in profile id/)

    const p = await ok(['patients', 'add', '--name', 'Ana Ruiz'])
    const o = await ok(['orgs', 'add', '--name', 'Clinic', '--kind', 'provider'])
    const old = await ok(['cases', 'add', '--patient', String(p['id']), '--org', String(o['id']), '--profile', 'org-policy'])
    const recent = await ok(['cases', 'add', '--patient', String(p['id']), '--org', String(o['id']), '--profile', 'org-policy'])
    await ok(['cases', 'event', String(old['id']), '--type', 'request-received', '--date', '2026-03-02'])
    await ok(['cases', 'event', String(recent['id']), '--type', 'request-received', '--date', '2026-07-01'])
    expect(await ok(['cases', 'show', String(old['id'])])).toMatchObject({ clock: { result: { due: '2026-03-22', profileVersion: 'saved:org-policy@1' } } })
    expect(await ok(['cases', 'show', String(recent['id'])])).toMatchObject({ clock: { result: { due: '2026-07-11', profileVersion: 'saved:org-policy@2' } } })

    const scenario = JSON.stringify({ profile: 'org-policy', received: '2026-07-01', asOf: '2026-07-05' })
    expect(await ok(['clock', '--input', '-'], scenario)).toMatchObject({ due: '2026-07-11', status: 'awaiting' })

    const inUse = await cli(['profiles', 'remove', 'org-policy', ...d])
    expect(inUse.code).toBe(2) // a refused request is bad input (issue 10)
    expect(inUse.stderr).toMatch(/cannot be removed: 2 cases \(.*Ana Ruiz → Clinic.*\) refer to it/)
  })

  it('tells the user, on stderr, about a damaged file it set aside at open', async () => {
    await ok(['patients', 'add', '--name', 'Ana Ruiz'])
    const shard = (await readdir(join(dir, 'data', 'patients')))[0]!
    await writeFile(join(dir, 'data', 'patients', shard), '{"truncated": ')
    const r = await cli(['patients', 'list', ...d])
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(new RegExp(`warning: patients/${shard}: .*`))
    expect(await readdir(join(dir, 'data', 'quarantine'))).toHaveLength(1)
  })
})
