// Printing for the command line: JSON for scripts, aligned columns for people.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { UsageError, type CliContext } from './io'

export function printJson(ctx: CliContext, value: unknown): void {
  ctx.io.stdout(`${JSON.stringify(value, null, 2)}\n`)
}

/** Prints rows as aligned columns; an empty list says so instead of printing nothing. */
export function printTable(ctx: CliContext, rows: ReadonlyArray<Record<string, string | number | null | undefined>>, empty: string): void {
  if (rows.length === 0) {
    ctx.io.stdout(`${empty}\n`)
    return
  }
  const columns = Object.keys(rows[0]!)
  const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v))
  const widths = columns.map((c) => Math.min(48, Math.max(c.length, ...rows.map((r) => cell(r[c]).length))))
  const line = (values: string[]) => values.map((v, i) => (v.length > widths[i]! ? `${v.slice(0, widths[i]! - 1)}…` : v.padEnd(widths[i]!))).join('  ').trimEnd()
  ctx.io.stdout(`${line(columns.map((c) => c.toUpperCase()))}\n`)
  for (const r of rows) ctx.io.stdout(`${line(columns.map((c) => cell(r[c])))}\n`)
}

/** Reads a JSON object from `--input FILE` or `--input -` (stdin), with a message naming what was wrong. */
export async function readJsonInput(ctx: CliContext, input: string | undefined): Promise<Record<string, unknown>> {
  if (input === undefined) return {}
  let text: string
  try {
    text = input === '-' ? await ctx.io.readStdin() : await readFile(resolve(ctx.io.cwd, input), 'utf8')
  } catch (error) {
    throw new UsageError(`--input ${input}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new UsageError(`--input ${input}: not valid JSON (${(error as Error).message})`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`--input ${input}: expected a JSON object`)
  return value as Record<string, unknown>
}

/** Drops flags that were not given, so they do not overwrite values from --input. */
export function given<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as Partial<T>
}

export function requirePositional(positionals: ReadonlyArray<string>, what: string, usage: string): string {
  const value = positionals[0]
  if (!value) throw new UsageError(`${what} is missing. ${usage}`)
  return value
}
