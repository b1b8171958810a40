// The command line and the window are two doors to one contract: every channel is reachable from
// the command line (or listed, with its reason, as window-only), and every command is an adapter
// that names the channels it calls and calls no others.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COMMANDS as COMMAND_INDEX, loadCommands, runCli } from '../../src/cli/index'
import { WINDOW_ONLY } from '../../src/cli/commands/call'
import type { CliIO } from '../../src/cli/io'
import { CHANNELS, isChannel } from '../../src/shared/contract'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-cli-contract-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Runs the command line in-process and records every channel it called. */
async function traced(args: string[], stdin = '{}') {
  const calls: string[] = []
  let stdout = ''
  let stderr = ''
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => stdin,
    cwd: dir,
    env: {},
    trace: (c) => void calls.push(c)
  }
  const code = await runCli([...args, '--data-dir', join(dir, 'data')], io)
  return { code, stdout, stderr, calls }
}

const COMMANDS = await loadCommands()
const named = COMMANDS.filter((c) => c.name !== 'call')

describe('the command line covers the contract', () => {
  it('the command index names each module by its own name, so `cli NAME` runs NAME', () => {
    expect(COMMANDS.map((c) => c.name)).toEqual(COMMAND_INDEX.map((c) => c.name))
    expect(new Set(COMMAND_INDEX.map((c) => c.name)).size).toBe(COMMAND_INDEX.length)
  })

  it('lists only real channels as window-only, each with its reason', () => {
    for (const [name, reason] of Object.entries(WINDOW_ONLY)) {
      expect(isChannel(name), `${name} is listed as window-only but is not a channel any more: remove it`).toBe(true)
      expect(reason?.length ?? 0).toBeGreaterThan(20)
    }
  })

  it('every command names its channels, and they are channels of the contract', () => {
    for (const command of COMMANDS) {
      expect(command.channels.length, command.name).toBeGreaterThan(0)
      for (const c of command.channels) expect(isChannel(c), `${command.name} names ${c}`).toBe(true)
    }
  })

  it.each(CHANNELS.filter((c) => WINDOW_ONLY[c] === undefined))('reaches %s through the router', async (channel) => {
    // An empty object, or a small one for the channels whose defaults do real work.
    const input = channel === 'demo.write' ? '{"cases":1}' : '{}'
    const r = await traced(['call', channel, '--input', '-'], input)
    expect(r.calls).toEqual([channel])
    // Reached: it either answered, or its own schema or service refused the input, never "unknown".
    expect(r.stderr).not.toMatch(/no channel named|window only/)
    if (r.code === 0) expect(() => JSON.parse(r.stdout) as unknown).not.toThrow()
  })

  it.each(Object.keys(WINDOW_ONLY))('refuses the window-only %s with its reason and exit 2', async (channel) => {
    const r = await traced(['call', channel])
    expect(r.code).toBe(2)
    expect(r.calls).toEqual([])
    expect(r.stderr).toMatch(/for the window only/)
  })
})

describe('each command calls only the channels it names', () => {
  it('in a day of real work', async () => {
    const seen = new Map<string, Set<string>>()
    const step = async (args: string[], stdin?: string) => {
      const r = await traced([...args, '--json'], stdin)
      if (r.code !== 0) throw new Error(`${args.join(' ')}: exit ${r.code}: ${r.stderr}`)
      const declared = COMMANDS.find((c) => c.name === args[0])!.channels
      for (const c of r.calls) expect(declared, `${args.join(' ')} called ${c}`).toContain(c)
      const set = seen.get(args[0]!) ?? new Set()
      r.calls.forEach((c) => set.add(c))
      seen.set(args[0]!, set)
      return JSON.parse(r.stdout) as Record<string, unknown>
    }
    await step(['info'])
    const p = await step(['patients', 'add', '--name', 'Ana Ruiz'])
    await step(['patients', 'list'])
    await step(['patients', 'show', String(p['id'])])
    const o = await step(['orgs', 'add', '--name', 'Mercy', '--kind', 'hospital'])
    await step(['orgs', 'list'])
    await step(['orgs', 'show', String(o['id'])])
    const c = await step(['cases', 'add', '--patient', String(p['id']), '--org', String(o['id'])])
    await step(['cases', 'event', String(c['id']), '--type', 'request-received', '--date', '2026-09-02'])
    await step(['cases', 'list', '--query', 'ana', '--deep'])
    await step(['cases', 'show', String(c['id'])])
    const file = join(dir, 'receipt.txt')
    await writeFile(file, 'fax receipt')
    await step(['attachments', 'add', file, '--case', String(c['id'])])
    await step(['cases', 'trash', String(c['id'])])
    await step(['cases', 'restore', String(c['id'])])
    const change = await step(['bulk', 'priority', '--case', String(c['id']), '--set', 'high'])
    await step(['bulk', 'last'])
    await step(['bulk', 'undo', String(change['changeSetId'])])
    await step(['profiles', 'list'])
    const b = await step(['backup', 'now'])
    await step(['backup', 'list'])
    await step(['backup', 'preview', String(b['id'])])
    await step(['clock', '--input', '-'], JSON.stringify({ received: '2026-01-05', asOf: '2026-02-10' }))
    await step(['letters', 'templates'])
    await step(['letters', 'render', '--case', String(c['id']), '--template', 'follow-up', '--out', join(dir, 'follow-up.docx')])
    await step(['report', 'compliance', '--from', '2026-01-01', '--to', '2026-12-31'])
    await step(['calendar', '--out', join(dir, 'caseload.ics')])
    await step(['today'])
    await step(['bundle', '--case', String(c['id']), '--out', join(dir, 'bundle.zip')])
    await step(['export', '--out', join(dir, 'all.zip')])
    await step(['import', '--in', join(dir, 'all.zip'), '--dry-run'])
    // Every named command was an adapter over at least one of its channels (the clock on built-in
    // profiles is the pure core function and needs none).
    for (const command of named.filter((n) => !['clock', 'demo'].includes(n.name))) {
      expect(seen.get(command.name)?.size ?? 0, command.name).toBeGreaterThan(0)
    }
  })
})
