// Keys for the caches in .local/ (the case index, the validated-content cache). A key names what
// shapes the cached data: a format version the code declares, and a hash of the JSON Schema of
// every zod schema involved. Never the text of compiled code: tsx, the esbuild bundle and the
// app's Vite build compile the same function to different text, and a key built from it made
// every switch between the app and the command line rebuild the index and re-validate everything.
import { createHash } from 'node:crypto'
import { z } from 'zod'

export type CacheKeyParts = {
  /** The cache file's own layout. */
  format: number
  /** Declared versions the cached values depend on, e.g. a collection's version, a summary's version. */
  versions: ReadonlyArray<string | number>
  /** The schemas whose shape the cached values follow. */
  schemas: ReadonlyArray<z.ZodType>
}

const shapes = new WeakMap<z.ZodType, string>()

/** The JSON Schema of a zod schema: the same for the same shape, in every build of the code. */
export function schemaShape(schema: z.ZodType): string {
  let shape = shapes.get(schema)
  if (shape === undefined) {
    shape = JSON.stringify(z.toJSONSchema(schema, { unrepresentable: 'any', io: 'output' }))
    shapes.set(schema, shape)
  }
  return shape
}

export function cacheKey(parts: CacheKeyParts): string {
  const hash = createHash('sha256').update(`format ${parts.format}\nversions ${parts.versions.join(' ')}\n`)
  for (const schema of parts.schemas) hash.update(schemaShape(schema)).update('\n')
  return hash.digest('hex').slice(0, 32)
}
