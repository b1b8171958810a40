// The whole data folder as one zip: every record as JSON, every attachment a record names under its
// hash, and a manifest with the SHA-256 of each. Cases in the trash are included: it is lossless.
import type { Case } from '../../../core/schemas'
import type { AppServices } from '../../app-services'
import { nowIso } from '../../context'
import { pool, type Progress } from '../progress'
import { sha256Hex, writeZip, type ZipEntry } from '../zip/write-zip'
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, jsonBytes, MANIFEST_PATH, PATHS, type Manifest } from './format'

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** Every attachment hash a record names. */
export function attachmentHashes(cases: ReadonlyArray<Case>, patients: AppServices['store']['sharded']['patients']): string[] {
  const hashes = new Set<string>()
  for (const c of cases) {
    for (const e of c.events) for (const a of e.attachments) hashes.add(a.sha256)
    for (const l of c.letters) hashes.add(l.file.sha256)
  }
  for (const p of patients.all()) for (const r of p.representatives) if (r.authorityDocument) hashes.add(r.authorityDocument.sha256)
  return [...hashes].sort()
}

export async function exportAll(s: AppServices, progress: Progress = {}): Promise<{ bytes: Uint8Array; manifest: Manifest }> {
  const ids = s.store.records.cases.summaries().map((x) => x.id)
  const cases: Case[] = []
  await pool(ids, 16, progress, 'The export', async (id) => {
    const c = await s.store.records.cases.get(id)
    if (c) cases.push(c)
  })
  cases.sort(byId)
  const patients = [...s.store.sharded.patients.all()].sort(byId)
  const organizations = [...s.store.sharded.organizations.all()].sort(byId)
  const entries: ZipEntry[] = [
    { path: PATHS.settings, bytes: jsonBytes(s.store.singletons.settings.get()) },
    { path: PATHS.patients, bytes: jsonBytes(patients) },
    { path: PATHS.organizations, bytes: jsonBytes(organizations) },
    ...cases.map((c) => ({ path: `${PATHS.casePrefix}${c.id}.json`, bytes: jsonBytes(c) }))
  ]
  const hashes = attachmentHashes(cases, s.store.sharded.patients)
  for (const [i, h] of hashes.entries()) {
    if (await s.store.attachments.has(h)) entries.push({ path: `${PATHS.attachmentPrefix}${h}`, bytes: await s.store.attachments.read(h) })
    progress.onProgress?.(i + 1, hashes.length)
  }
  const manifest: Manifest = {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: nowIso(s.context),
    appVersion: s.appVersion,
    rulesVersion: s.rulesVersion,
    counts: { cases: cases.length, patients: patients.length, organizations: organizations.length, attachments: entries.length - 3 - cases.length },
    files: entries.map((e) => ({ path: e.path, sha256: sha256Hex(e.bytes), bytes: e.bytes.byteLength }))
  }
  return { bytes: writeZip([{ path: MANIFEST_PATH, bytes: jsonBytes(manifest) }, ...entries]), manifest }
}
