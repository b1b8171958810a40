// The adapter's write path: durable (fsync of file and folder before the promise resolves),
// serialized per file, and coalesced under bursts without losing anyone's change.
import * as realFs from 'node:fs/promises'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { singletonCodec } from './codec'
import { DurableAdapter } from './durable-adapter'
import { plainCipher } from './encryption'
import { FileProblem } from './envelope'
import { FileIo } from './file-io'
import type { StoreFs } from './types'

type Op = { op: string; path: string }

/** A real file system that logs the calls the durable write makes, in order. */
function recordingFs(log: Op[]): StoreFs {
  return {
    ...realFs,
    open: (async (path: string, flags?: string) => {
      const handle = await realFs.open(path, flags)
      log.push({ op: `open:${flags ?? 'r'}`, path })
      return new Proxy(handle, {
        get(target, prop, receiver) {
          if (prop === 'sync') {
            return async () => {
              log.push({ op: 'fsync', path })
              return target.sync()
            }
          }
          const v: unknown = Reflect.get(target, prop, receiver)
          return typeof v === 'function' ? v.bind(target) : v
        }
      })
    }) as StoreFs['open'],
    rename: async (from, to) => {
      log.push({ op: 'rename', path: String(to) })
      return realFs.rename(from, to)
    }
  }
}

const Doc = z.object({ items: z.array(z.number()) })
type Doc = z.infer<typeof Doc>

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-adapter-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const spec = { name: 'doc', schema: Doc, defaults: { items: [] }, version: 1, migrations: [] }

describe('DurableAdapter', () => {
  it('writes temp file, fsyncs it, renames over the target, fsyncs the folder — in that order', async () => {
    const log: Op[] = []
    const io = new FileIo(recordingFs(log), dir, plainCipher, () => new Date('2026-11-25T10:00:00Z'))
    const db = new Low<Doc>(new DurableAdapter<Doc>(io, 'doc.json', singletonCodec<Doc>(spec), 'dev-1'), { items: [] })
    db.data.items.push(1)
    await db.write()
    const target = join(dir, 'doc.json')
    const ops = log.map((l) => `${l.op} ${l.path === target ? 'target' : l.path === dir ? 'dir' : l.path.endsWith('.tmp') ? 'tmp' : l.path}`)
    expect(ops).toEqual(['open:w tmp', 'fsync tmp', 'rename target', 'open:r dir', 'fsync dir'])
    expect(JSON.parse(await readFile(target, 'utf8'))).toEqual({
      schemaVersion: 1,
      rev: 1,
      deviceId: 'dev-1',
      updatedAt: '2026-11-25T10:00:00.000Z',
      data: { items: [1] }
    })
  })

  it('coalesces a burst: 50 writes cost at most 2 physical writes, each caller sees its change on disk', async () => {
    const log: Op[] = []
    const io = new FileIo(recordingFs(log), dir, plainCipher, () => new Date())
    const adapter = new DurableAdapter<Doc>(io, 'doc.json', singletonCodec<Doc>(spec), 'dev-1')
    const db = new Low<Doc>(adapter, { items: [] })
    const seenOnDisk: number[][] = []
    const writes = Array.from({ length: 50 }, (_, i) => {
      db.data = { items: [...db.data.items, i] }
      return db.write().then(async () => {
        const onDisk = JSON.parse(await readFile(join(dir, 'doc.json'), 'utf8')).data.items as number[]
        seenOnDisk.push(onDisk)
        // This caller's change must be in what was written before its promise resolved.
        expect(onDisk).toContain(i)
      })
    })
    await Promise.all(writes)
    const renames = log.filter((l) => l.op === 'rename').length
    expect(renames).toBeLessThanOrEqual(2)
    expect(renames).toBeGreaterThanOrEqual(1)
    expect(seenOnDisk).toHaveLength(50)
    expect(JSON.parse(await readFile(join(dir, 'doc.json'), 'utf8')).data.items).toEqual(Array.from({ length: 50 }, (_, i) => i))
    expect(adapter.rev).toBe(renames)
  })

  it('never runs two writes of one file at once', async () => {
    let inFlight = 0
    let maxInFlight = 0
    const slowFs: StoreFs = {
      ...realFs,
      rename: async (from, to) => {
        inFlight++
        maxInFlight = Math.max(maxInFlight, inFlight)
        await new Promise((r) => setTimeout(r, 5))
        await realFs.rename(from, to)
        inFlight--
      }
    }
    const io = new FileIo(slowFs, dir, plainCipher, () => new Date())
    const db = new Low<Doc>(new DurableAdapter<Doc>(io, 'doc.json', singletonCodec<Doc>(spec), 'dev-1'), { items: [] })
    const all: Promise<void>[] = []
    for (let i = 0; i < 20; i++) {
      db.data = { items: [i] }
      all.push(db.write())
      await new Promise((r) => setTimeout(r, 1))
    }
    await Promise.all(all)
    expect(maxInFlight).toBe(1)
    expect(JSON.parse(await readFile(join(dir, 'doc.json'), 'utf8')).data.items).toEqual([19])
  })

  it('reads back what it wrote, and reports damage as a FileProblem instead of fixing it', async () => {
    const io = new FileIo(realFs, dir, plainCipher, () => new Date())
    const adapter = new DurableAdapter<Doc>(io, 'doc.json', singletonCodec<Doc>(spec), 'dev-1')
    const db = new Low<Doc>(adapter, { items: [] })
    db.data = { items: [7] }
    await db.write()
    const again = new Low<Doc>(new DurableAdapter<Doc>(io, 'doc.json', singletonCodec<Doc>(spec), 'dev-1'), { items: [] })
    await again.read()
    expect(again.data).toEqual({ items: [7] })
    await realFs.writeFile(join(dir, 'doc.json'), '{"schemaVersion":1,"rev":1,"deviceId":"d","updatedAt":"x","data":{"items":["a"]}}')
    const err = await again.read().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(FileProblem)
    expect((err as Error).message).toBe('wrong schema: items[0]: Invalid input: expected number, received string')
  })
})
