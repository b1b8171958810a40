// The files that make up a folder's data: everything except .local/, backups/, quarantine/ and
// temp files. What a backup holds and what a restore replaces.
import type { Dirent } from 'node:fs'
import { isTempName } from './durable-write'
import { errnoOf } from './fs-errors'
import type { FileIo } from './file-io'
import { NOT_BACKED_UP } from './layout'

export async function listDataFiles(io: FileIo, relDir = ''): Promise<string[]> {
  let entries: Dirent[]
  try {
    entries = await io.fs.readdir(relDir === '' ? io.dataDir : io.abs(relDir), { withFileTypes: true })
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return []
    throw io.error(e, 'list', relDir === '' ? io.dataDir : relDir)
  }
  const out: string[] = []
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (relDir === '' && NOT_BACKED_UP.has(entry.name)) continue
    if (isTempName(entry.name)) continue
    const rel = relDir === '' ? entry.name : `${relDir}/${entry.name}`
    if (entry.isDirectory()) out.push(...(await listDataFiles(io, rel)))
    else if (entry.isFile()) out.push(rel)
  }
  return out
}
