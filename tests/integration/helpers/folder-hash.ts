import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'

/** One hash of every file's path and bytes under `dir` (except the computer-local `.local/`, and any folder named in `skip`). */
export async function hashFolder(dir: string, skip: ReadonlyArray<string> = []): Promise<string> {
  const h = createHash('sha256')
  const walk = async (d: string): Promise<void> => {
    const entries = (await readdir(d, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))
    for (const e of entries) {
      const p = join(d, e.name)
      if (relative(dir, p) === '.local' || skip.includes(relative(dir, p))) continue
      if (e.isDirectory()) await walk(p)
      else h.update(relative(dir, p)).update('\0').update(await readFile(p)).update('\0')
    }
  }
  await walk(dir)
  return h.digest('hex')
}
