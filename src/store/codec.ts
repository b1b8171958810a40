// What the payload of each kind of file looks like and how it is validated: one record (file-per-
// record), a shard of records, or a singleton value. Decoding migrates old payloads and validates
// with the collection's zod schema, reporting the exact field path that is wrong.
import type { z } from 'zod'
import { AppError } from '#shared/errors'
import { FileProblem, describeIssues, migrateValue } from './envelope'
import type { AnyCollectionSpec, AnySingletonSpec, Migration, StoredRecord } from './types'

export type Codec<T> = {
  version: number
  /** Migrates (from `fromVersion`) and validates a payload read from disk; throws FileProblem. */
  /**
   * `trusted`: the bytes were validated before by this code (see validated-cache.ts), so only the
   * shape needed to use them is checked. Never set for a file that needs migrating.
   */
  decode: (payload: unknown, fromVersion: number, trusted?: boolean) => T
  /** The payload to write. */
  encode: (value: T) => unknown
}

function parseOrProblem<T>(schema: z.ZodType<T>, value: unknown, prefix: ReadonlyArray<PropertyKey>): T {
  const result = schema.safeParse(value)
  if (!result.success) throw new FileProblem(`wrong schema: ${describeIssues(result.error, prefix)}`)
  return result.data
}

const migrateOne = (value: unknown, from: number, version: number, migrations: readonly Migration[]): unknown =>
  from === version ? value : migrateValue(value, from, version, migrations)

export const recordCodec = <T extends StoredRecord>(spec: AnyCollectionSpec, expectedId?: string): Codec<T> => ({
  version: spec.version,
  decode(payload, from) {
    const record = parseOrProblem(spec.schema, migrateOne(payload, from, spec.version, spec.migrations), []) as T
    if (expectedId !== undefined && record.id !== expectedId) {
      throw new FileProblem(`wrong schema: id: "${record.id}" does not match the file name (${expectedId}.json)`)
    }
    return record
  },
  encode: (record) => record
})

const isRecordShaped = (v: unknown): v is StoredRecord =>
  typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string'

/** In memory a shard is a map by id; on disk an array sorted by id, so diffs stay small. */
export type ShardData<T> = Map<string, T>

export const shardCodec = <T extends StoredRecord>(spec: AnyCollectionSpec): Codec<ShardData<T>> => ({
  version: spec.version,
  decode(payload, from, trusted) {
    if (typeof payload !== 'object' || payload === null || !('records' in payload) || !Array.isArray(payload.records)) {
      throw new FileProblem('wrong schema: data.records: expected an array of records')
    }
    const out: ShardData<T> = new Map()
    payload.records.forEach((raw: unknown, i: number) => {
      const record = (
        trusted && isRecordShaped(raw)
          ? raw
          : parseOrProblem(spec.schema, migrateOne(raw, from, spec.version, spec.migrations), ['records', i])
      ) as T
      out.set(record.id, record)
    })
    return out
  },
  encode: (records) => ({ records: [...records.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) })
})

export const singletonCodec = <T>(spec: AnySingletonSpec): Codec<T> => ({
  version: spec.version,
  decode: (payload, from, trusted) =>
    (trusted && typeof payload === 'object' && payload !== null ? payload : parseOrProblem(spec.schema, migrateOne(payload, from, spec.version, spec.migrations), [])) as T,
  encode: (value) => value
})

/** Validation on the way in: INVALID_INPUT naming the field path; nothing is changed. */
export function validateInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value)
  if (!result.success) {
    throw new AppError('INVALID_INPUT', `Invalid ${what}: ${describeIssues(result.error)}`, {
      issues: result.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }))
    })
  }
  return result.data
}
