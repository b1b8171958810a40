// Every data file is an envelope around its payload:
//   { "schemaVersion": 3, "rev": 17, "deviceId": "…", "updatedAt": "2026-11-25T10:00:00.000Z", "data": … }
// schemaVersion says which migrations the payload needs; rev counts the file's writes and deviceId
// names the writer, which a sync tool's conflict copies will need. Reading a file turns every way
// it can be wrong into a FileProblem whose message says exactly what, for the Recovery report.
import { isUtf8 } from 'node:buffer'
import { z } from 'zod'
import { AppError } from '#shared/errors'
import type { Migration } from './types'

/** The content of a file is damaged or invalid; `message` says how, for a person. */
export class FileProblem extends Error {}

export type Envelope = {
  schemaVersion: number
  rev: number
  deviceId: string
  updatedAt: string
  data: unknown
}

const EnvelopeSchema = z.object({
  schemaVersion: z.number().int().nonnegative(),
  rev: z.number().int().nonnegative(),
  deviceId: z.string().min(1),
  updatedAt: z.string().min(1),
  data: z.unknown()
})

const byteLength = (s: string): number => Buffer.byteLength(s, 'utf8')

/** "empty file", "truncated JSON at byte N", or "not JSON at byte N: …". */
export function describeJsonError(text: string, e: unknown): string {
  if (text.trim().length === 0) return `empty file (${byteLength(text)} bytes)`
  const message = e instanceof Error ? e.message : String(e)
  const position = /at position (\d+)/.exec(message)?.[1]
  const at = position === undefined ? undefined : Number(position)
  if (/end of JSON input/.test(message) || (at !== undefined && at >= text.trimEnd().length)) {
    return `truncated JSON: the file ends at byte ${byteLength(text)} in the middle of a value`
  }
  if (at !== undefined) return `not valid JSON at byte ${byteLength(text.slice(0, at))}: ${message}`
  return `not JSON: ${message}`
}

/** `records[3].name: Too small: expected string to have >=1 characters; …` (at most 5 issues). */
export function describeIssues(error: z.ZodError, prefix: ReadonlyArray<PropertyKey> = []): string {
  const parts = error.issues.slice(0, 5).map((issue) => {
    const path = formatPath([...prefix, ...issue.path])
    return `${path === '' ? '(the whole value)' : path}: ${issue.message}`
  })
  const more = error.issues.length > 5 ? ` (and ${error.issues.length - 5} more problems)` : ''
  return parts.join('; ') + more
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('')
}

export function parseJson(bytes: Uint8Array): unknown {
  if (bytes.byteLength === 0) throw new FileProblem('empty file (0 bytes)')
  // isUtf8 + toString is native and avoids TextDecoder's extra copy (open parses ~50 files).
  if (!isUtf8(bytes)) throw new FileProblem('not a text file (invalid UTF-8)')
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
  try {
    return JSON.parse(text)
  } catch (e) {
    throw new FileProblem(describeJsonError(text, e))
  }
}

export function parseEnvelope(bytes: Uint8Array): Envelope {
  const value = parseJson(bytes)
  const result = EnvelopeSchema.safeParse(value)
  if (!result.success) {
    throw new FileProblem(`not a store file (bad envelope): ${describeIssues(result.error)}`)
  }
  return result.data
}

export function encodeEnvelope(envelope: Envelope): Uint8Array {
  // Compact JSON: a 10,000-case folder is read at index rebuild; indentation would add ~25%.
  return Buffer.from(JSON.stringify(envelope), 'utf8')
}

/** Refuses files written by a newer app: never downgrade or overwrite them. */
export function newerVersionError(rel: string, found: number, known: number, dataDir: string): AppError {
  return new AppError(
    'CONFLICT',
    `${rel} in ${dataDir} was written by a newer version of Access Advocate (format ${found}; this version ` +
      `knows up to ${known}). Nothing was changed. Update Access Advocate to open this data folder.`,
    { file: rel, found, known, reason: 'newer-version' }
  )
}

/** Applies `migrations` to one stored value, from `from` up to `to`. */
export function migrateValue(value: unknown, from: number, to: number, migrations: readonly Migration[]): unknown {
  let current = value
  for (let v = from; v < to; v++) {
    const step = migrations.find((m) => m.from === v)
    if (step === undefined) throw new FileProblem(`no migration from version ${v} to ${v + 1}`)
    try {
      current = step.migrate(current)
    } catch (e) {
      throw new FileProblem(`migration from version ${v} failed: ${e instanceof Error ? e.message : String(e)}`)
    }
  }
  return current
}
