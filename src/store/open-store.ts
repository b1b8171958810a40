// openStore: checks the schema, makes the folder, takes the lock, loads and validates everything
// (recovering damaged files, migrating old ones after a backup), and hands back the typed Store.
import * as nodeFs from 'node:fs/promises'
import { resolve } from 'node:path'
import { AppError } from '#shared/errors'
import { FileIo } from './file-io'
import { plainCipher } from './encryption'
import { toAppError } from './fs-errors'
import { LOCAL_DIR, assertValidName } from './layout'
import { type Lock, acquireLock } from './lock'
import { readJournal } from './journal'
import { preflight } from './preflight'
import { Session } from './session'
import { SyncEngine } from './sync/engine'
import { ensureStignore } from './sync/stignore'
import type {
  OpenStoreOptions,
  RecordCollection,
  ShardedCollection,
  Singleton,
  Store,
  StoreSchema,
  StoredRecord
} from './types'

/** Types a schema without widening it, e.g. `const schema = defineSchema({ records: { cases: … }, … })`. */
export const defineSchema = <S extends StoreSchema>(schema: S): S => schema

function checkSchema(schema: StoreSchema): void {
  const names = new Set<string>()
  const claim = (kind: string, name: string): void => {
    assertValidName(kind, name)
    if (names.has(name)) throw new AppError('INVALID_INPUT', `Two collections or singletons are named "${name}".`)
    names.add(name)
  }
  for (const spec of Object.values(schema.records)) {
    claim('collection', spec.name)
    if (spec.layout.kind !== 'file-per-record') throw new AppError('INVALID_INPUT', `${spec.name} must be file-per-record.`)
  }
  for (const spec of Object.values(schema.sharded)) {
    claim('collection', spec.name)
    if (spec.layout.kind !== 'sharded' || !Number.isInteger(spec.layout.shards) || spec.layout.shards < 1 || spec.layout.shards > 1000) {
      throw new AppError('INVALID_INPUT', `${spec.name} must be sharded over 1 to 1000 files.`)
    }
  }
  for (const spec of Object.values(schema.singletons)) {
    claim('singleton', spec.name)
    // lowdb treats a falsy document as "nothing to write": singletons are objects.
    if (typeof spec.defaults !== 'object' || spec.defaults === null) {
      throw new AppError('INVALID_INPUT', `The singleton ${spec.name} must hold an object.`)
    }
  }
}

async function prepareFolder(io: FileIo): Promise<void> {
  for (const dir of [io.dataDir, io.abs(LOCAL_DIR)]) {
    try {
      await io.fs.mkdir(dir, { recursive: true })
    } catch (e) {
      throw toAppError(e, 'create the folder', dir, io.dataDir)
    }
  }
}

export async function openStore<S extends StoreSchema>(schema: S, options: OpenStoreOptions): Promise<Store<S>> {
  checkSchema(schema)
  const io = new FileIo(options.fs ?? nodeFs, resolve(options.dataDir), plainCipher, options.now ?? (() => new Date()))
  // Before the lock and before any write: a wrong passphrase or an edited meta.json changes nothing.
  const unlocked = await preflight(io, schema, options.passphrase)
  let lock: Lock
  if (options.readOnly !== undefined) {
    io.readOnly = options.readOnly
    lock = { info: { holder: options.holder, pid: process.pid, hostname: '', since: '', session: 'read-only' }, tookOver: null, release: async () => undefined }
  } else {
    // First, so a sync tool never sees .local/ before it is told to leave it alone.
    await ensureStignore(io).catch(() => undefined)
    await prepareFolder(io)
    lock = await acquireLock(io, options.holder)
  }
  const session = new Session(schema, io, lock, options)
  session.unlocked = unlocked
  const sync = new SyncEngine(session, options.sync ?? {})
  session.beforeReady = () => sync.start()
  try {
    await session.open()
  } catch (e) {
    await sync.stop().catch(() => undefined)
    await session.flush().catch(() => undefined)
    await lock.release().catch(() => undefined)
    throw toAppError(e, 'open', io.dataDir, io.dataDir)
  }
  return facade<S>(schema, session, sync)
}

/** Looks a loaded collection up on every call: a restore reloads them, and a closed store must refuse. */
function current<T>(session: Session, map: () => ReadonlyMap<string, T>, key: string): () => T {
  return () => {
    session.assertOpen()
    const found = map().get(key)
    if (found === undefined) throw new AppError('INTERNAL', `No collection ${key}.`)
    return found
  }
}

function facade<S extends StoreSchema>(schema: S, session: Session, sync: SyncEngine): Store<S> {
  const writable =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      session.assertWritable()
      session.io.assertWritable('the change')
      return fn(...args)
    }
  const records = Object.fromEntries(
    Object.keys(schema.records).map((key): [string, RecordCollection<StoredRecord, unknown>] => {
      const impl = current(session, () => session.loaded.records, key)
      return [
        key,
        {
          summaries: () => impl().summaries(),
          entry: (id) => impl().entry(id),
          // A restore loads new collections: their epoch differs, so a reader rebuilds (change-log.ts).
          changesSince: (cursor) => impl().changesSince(cursor),
          get: (id) => impl().get(id),
          has: (id) => impl().has(id),
          put: writable((record) => impl().put(record)),
          putMany: writable((list) => impl().putMany(list)),
          remove: writable((id) => impl().remove(id))
        }
      ]
    })
  )
  const sharded = Object.fromEntries(
    Object.keys(schema.sharded).map((key): [string, ShardedCollection<StoredRecord>] => {
      const impl = current(session, () => session.loaded.sharded, key)
      return [
        key,
        {
          all: () => impl().all(),
          get: (id) => impl().get(id),
          put: writable((record) => impl().put(record)),
          putMany: writable((list) => impl().putMany(list)),
          remove: writable((id) => impl().remove(id))
        }
      ]
    })
  )
  const singletons = Object.fromEntries(
    Object.keys(schema.singletons).map((key): [string, Singleton<unknown>] => {
      const impl = current(session, () => session.loaded.singletons, key)
      return [key, { get: () => impl().get(), put: writable((value) => impl().put(value)) }]
    })
  )
  return {
    dataDir: session.io.dataDir,
    deviceId: session.deviceId,
    encrypted: session.io.cipher.encrypted,
    readOnly: session.io.readOnly,
    recoveries: session.recoveries,
    // The maps are built from the schema's own keys; TypeScript cannot follow Object.fromEntries.
    records: records as unknown as Store<S>['records'],
    sharded: sharded as unknown as Store<S>['sharded'],
    singletons: singletons as unknown as Store<S>['singletons'],
    attachments: {
      add: writable((bytes: Uint8Array) => session.attachments.add(bytes)),
      addFile: writable((path: string, options: { maxBytes: number; tooLarge: () => Error }) => session.attachments.addFile(path, options)),
      openStream: async (sha) => {
        session.assertOpen()
        return session.attachments.openStream(sha)
      },
      read: async (sha) => {
        session.assertOpen()
        return session.attachments.read(sha)
      },
      has: async (sha) => {
        session.assertOpen()
        return session.attachments.has(sha)
      },
      prune: writable((inUse: ReadonlySet<string>) => session.attachments.prune(inUse)),
      verify: writable(() => session.attachments.verify())
    },
    backups: {
      create: writable((reason) => session.track(session.backups.create(reason))),
      list: async () => {
        session.assertOpen()
        return session.backups.list()
      },
      preview: async (id) => {
        session.assertOpen()
        return session.backups.preview(id)
      },
      restore: async (id) => {
        session.io.assertWritable('the restore')
        return session.restore(id)
      },
      // No assertOpen: it is memory only, and the CLI reads it after close() waited for the backup.
      status: () => session.backups.status(),
      onStatus: (listener) => session.backups.onStatus(listener)
    },
    onRecovery: (listener) => session.onRecovery(listener),
    sync: sync.handle(),
    journal: () => readJournal(session.io),
    check: async () => {
      session.assertOpen()
      return session.check()
    },
    startBackground: () => session.startBackground(),
    flush: () => session.flush(),
    close: async () => {
      await sync.stop()
      await session.close()
    }
  }
}
