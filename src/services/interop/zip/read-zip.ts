// Reads a zip someone handed us, refusing what could hurt: paths that climb out of the folder or
// start at a root, links, entries or totals that unpack past a bound (zip bombs), and duplicates.
// yauzl checks each entry's real size against its declared one while inflating.
import yauzl from 'yauzl'
import { AppError } from '#shared/errors'
import { MAX_ZIP_BYTES, MAX_ZIP_ENTRIES, MAX_ZIP_ENTRY_BYTES, MAX_ZIP_RATIO, MAX_ZIP_TOTAL_BYTES } from '../limits'

export type ZipLimits = { maxBytes: number; maxEntries: number; maxEntryBytes: number; maxTotalBytes: number; maxRatio: number }
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxBytes: MAX_ZIP_BYTES,
  maxEntries: MAX_ZIP_ENTRIES,
  maxEntryBytes: MAX_ZIP_ENTRY_BYTES,
  maxTotalBytes: MAX_ZIP_TOTAL_BYTES,
  maxRatio: MAX_ZIP_RATIO
}

const S_IFMT = 0o170000
const S_IFLNK = 0o120000
/** Below this, a high compression ratio is ordinary (a page of zeros); above it, it is a bomb's sign. */
const RATIO_FLOOR_BYTES = 1024 * 1024

const bad = (name: string, message: string) => new AppError('INVALID_INPUT', `${name}: ${message}; nothing was imported.`)
const mb = (n: number) => (n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.ceil(n / 1024)} KB`)

/** Why an entry's path is unsafe, or null. */
export function unsafePath(path: string): string | null {
  if (path.includes('\\')) return `"${path}" uses backslashes, which a zip path may not`
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return `"${path}" is an absolute path`
  if (path.split('/').some((seg) => seg === '..')) return `"${path}" climbs out of the folder with ../`
  if (path.includes('\0')) return `"${path}" holds a NUL character`
  return null
}

export async function readZip(bytes: Uint8Array, name: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<Map<string, Uint8Array>> {
  if (bytes.byteLength > limits.maxBytes) throw bad(name, `is ${mb(bytes.byteLength)}, more than the ${mb(limits.maxBytes)} an import reads`)
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, decodeStrings: false, validateEntrySizes: true }, (err, z) =>
      err || !z ? reject(bad(name, `is not a readable zip file (${err?.message ?? 'unknown error'})`)) : resolve(z)
    )
  )
  if (zip.entryCount > limits.maxEntries) {
    zip.close()
    throw bad(name, `holds ${zip.entryCount} entries, more than the ${limits.maxEntries} an import reads`)
  }
  const out = new Map<string, Uint8Array>()
  let total = 0
  return new Promise((resolve, reject) => {
    const fail = (e: unknown) => {
      zip.close()
      reject(e instanceof AppError ? e : bad(name, `could not be read (${e instanceof Error ? e.message : String(e)})`))
    }
    zip.on('error', fail)
    zip.on('end', () => resolve(out))
    zip.on('entry', (entry: yauzl.Entry) => {
      const path = (entry.fileName as unknown as Buffer).toString('utf8')
      const unsafe = unsafePath(path)
      if (unsafe) return fail(bad(name, `entry ${unsafe}`))
      if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) return fail(bad(name, `entry "${path}" is a symbolic link`))
      if (path.endsWith('/')) return zip.readEntry()
      if (out.has(path)) return fail(bad(name, `entry "${path}" appears twice`))
      if (entry.uncompressedSize > limits.maxEntryBytes) return fail(bad(name, `entry "${path}" unpacks to ${mb(entry.uncompressedSize)}, more than the ${mb(limits.maxEntryBytes)} allowed for one file (a zip bomb?)`))
      total += entry.uncompressedSize
      if (total > limits.maxTotalBytes) return fail(bad(name, `unpacks to more than ${mb(limits.maxTotalBytes)} in all (a zip bomb?)`))
      if (entry.uncompressedSize > RATIO_FLOOR_BYTES && entry.uncompressedSize > entry.compressedSize * limits.maxRatio) {
        return fail(bad(name, `entry "${path}" unpacks to ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))} times its packed size (a zip bomb?)`))
      }
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return fail(err)
        const chunks: Buffer[] = []
        stream.on('data', (c: Buffer) => chunks.push(c))
        stream.on('error', fail)
        stream.on('end', () => {
          out.set(path, new Uint8Array(Buffer.concat(chunks)))
          zip.readEntry()
        })
      })
    })
    zip.readEntry()
  })
}
