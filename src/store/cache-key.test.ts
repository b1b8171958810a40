import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { cacheKey } from './cache-key'
import { summarizerId } from './summary-index'

const base = { format: 1, versions: [1, 1], schemas: [z.object({ a: z.string() })] }

describe('cache keys', () => {
  it('are the same for the same shape, whatever object or function text carries it', () => {
    expect(cacheKey(base)).toBe(cacheKey({ format: 1, versions: [1, 1], schemas: [z.object({ a: z.string() })] }))
    // Two summarize functions with different code text but the same declared shape share one key:
    // the key no longer depends on how a bundler compiled the function.
    const spec = (summarize: (r: unknown) => unknown) => ({
      name: 'cases',
      schema: z.object({ id: z.string() }),
      layout: { kind: 'file-per-record' as const },
      version: 1,
      migrations: [],
      summarize,
      summary: { version: 3, schema: z.object({ n: z.number() }) }
    })
    expect(summarizerId(spec((r) => ({ n: String(r).length })))).toBe(summarizerId(spec(function minified(x) { return { n: String(x).length } })))
  })

  it('change with the format, a declared version, or any schema shape', () => {
    const key = cacheKey(base)
    expect(cacheKey({ ...base, format: 2 })).not.toBe(key)
    expect(cacheKey({ ...base, versions: [1, 2] })).not.toBe(key)
    expect(cacheKey({ ...base, schemas: [z.object({ a: z.string(), b: z.number().optional() })] })).not.toBe(key)
    expect(cacheKey({ ...base, schemas: [z.object({ a: z.number() })] })).not.toBe(key)
  })
})
