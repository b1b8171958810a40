// Importing a full export. Into an empty folder everything comes in as it was (same ids, history,
// timestamps). Into a folder with data, each record is new, the same, or a conflict; only the new
// records and conflicts the user accepts are written, after a backup, all or none.
import { isDeepStrictEqual } from 'node:util'
import { diffRecords } from '../../../core/audit/diff'
import { SettingsSchema } from '../../../core/schemas/settings'
import { AppError } from '#shared/errors'
import type { AppServices } from '../../app-services'
import { pool, throwIfCancelled, type Progress } from '../progress'
import type { ZipLimits } from '../zip/read-zip'
import { readExport, type ExportContents } from './read-export'

export type RecordKey = string
export type ImportItem = { key: RecordKey; entity: 'case' | 'patient' | 'organization' | 'settings'; id: string; label: string }
export type ImportConflict = ImportItem & { changes: Array<{ path: string; ours: unknown; theirs: unknown }> }

export type FullImportPreview = {
  name: string
  exportedAt: string
  counts: ExportContents['manifest']['counts']
  emptyFolder: boolean
  added: ImportItem[]
  conflicts: ImportConflict[]
  unchanged: number
}

export type FullImportChoice = {
  /** Take every record the folder does not have yet (default true). */
  takeNew?: boolean
  /** Conflicts to take from the export, by key (`case:<id>`…); `all` takes every one. */
  take?: ReadonlyArray<RecordKey> | 'all'
}

export type FullImportResult = { backupId: string | null; written: number; skipped: number; attachments: number }

type Candidate = { item: ImportItem; ours: unknown; theirs: unknown; write: () => Promise<void> }

export function fullImporter(s: AppServices) {
  async function candidates(x: ExportContents): Promise<Candidate[]> {
    const store = s.store
    const out: Candidate[] = []
    for (const o of x.organizations) out.push({ item: { key: `organization:${o.id}`, entity: 'organization', id: o.id, label: o.name }, ours: store.sharded.organizations.get(o.id), theirs: o, write: () => store.sharded.organizations.put(o) })
    for (const p of x.patients) out.push({ item: { key: `patient:${p.id}`, entity: 'patient', id: p.id, label: p.name }, ours: store.sharded.patients.get(p.id), theirs: p, write: () => store.sharded.patients.put(p) })
    for (const c of x.cases) {
      const name = x.patients.find((p) => p.id === c.patientId)?.name ?? store.sharded.patients.get(c.patientId)?.name ?? c.patientId
      out.push({ item: { key: `case:${c.id}`, entity: 'case', id: c.id, label: `${name} (${c.id})` }, ours: store.records.cases.has(c.id) ? await store.records.cases.get(c.id) : undefined, theirs: c, write: () => store.records.cases.put(c) })
    }
    const settings = store.singletons.settings.get()
    // Settings nobody has changed yet (the schema's own defaults) are no conflict: the import takes them.
    const defaults = isDeepStrictEqual(settings, SettingsSchema.parse({}))
    out.push({ item: { key: 'settings', entity: 'settings', id: 'settings', label: 'Settings' }, ours: defaults && !isDeepStrictEqual(settings, x.settings) ? undefined : settings, theirs: x.settings, write: () => store.singletons.settings.put(x.settings) })
    return out
  }

  const isEmpty = () => s.store.records.cases.summaries().length === 0 && s.store.sharded.patients.all().length === 0 && s.store.sharded.organizations.all().length === 0

  function previewOf(name: string, x: ExportContents, cands: Candidate[]): FullImportPreview {
    const added: ImportItem[] = []
    const conflicts: ImportConflict[] = []
    let unchanged = 0
    for (const c of cands) {
      if (c.ours === undefined) added.push(c.item)
      else if (isDeepStrictEqual(c.ours, c.theirs)) unchanged++
      else conflicts.push({ ...c.item, changes: diffRecords(c.ours, c.theirs).map((d) => ({ path: d.path, ours: d.before, theirs: d.after })) })
    }
    return { name, exportedAt: x.manifest.exportedAt, counts: x.manifest.counts, emptyFolder: isEmpty(), added, conflicts, unchanged }
  }

  return {
    async preview(bytes: Uint8Array, name: string, limits?: ZipLimits): Promise<FullImportPreview> {
      const x = await readExport(bytes, name, limits)
      return previewOf(name, x, await candidates(x))
    },

    async commit(bytes: Uint8Array, name: string, choice: FullImportChoice = {}, progress: Progress = {}, limits?: ZipLimits): Promise<FullImportResult> {
      const x = await readExport(bytes, name, limits)
      const cands = await candidates(x)
      const preview = previewOf(name, x, cands)
      const takeNew = choice.takeNew ?? true
      const take = choice.take === 'all' ? new Set(preview.conflicts.map((c) => c.key)) : new Set(choice.take ?? [])
      for (const k of take) {
        if (!preview.conflicts.some((c) => c.key === k)) throw new AppError('INVALID_INPUT', `${name}: "${k}" is not one of the conflicts of this import; nothing was imported.`)
      }
      const conflictKeys = new Set(preview.conflicts.map((c) => c.key))
      const addedKeys = new Set(preview.added.map((c) => c.key))
      const chosen = cands.filter((c) => (takeNew && addedKeys.has(c.item.key)) || (conflictKeys.has(c.item.key) && take.has(c.item.key)))
      // A case taken must find its patient and organization, here or among what comes in with it.
      const has = (entity: 'patient' | 'organization', id: string) =>
        chosen.some((c) => c.item.key === `${entity}:${id}`) || (entity === 'patient' ? s.store.sharded.patients.get(id) : s.store.sharded.organizations.get(id)) !== undefined
      for (const c of chosen) {
        if (c.item.entity !== 'case') continue
        const k = x.cases.find((cc) => cc.id === c.item.id)!
        if (!has('patient', k.patientId)) throw new AppError('INVALID_INPUT', `${name}: case ${k.id} needs patient ${k.patientId}, which is neither here nor taken from the export; nothing was imported.`)
        if (!has('organization', k.organizationId)) throw new AppError('INVALID_INPUT', `${name}: case ${k.id} needs organization ${k.organizationId}, which is neither here nor taken from the export; nothing was imported.`)
      }
      if (chosen.length === 0) return { backupId: null, written: 0, skipped: cands.length, attachments: 0 }
      throwIfCancelled(progress, 'The import')
      const backup = await s.store.backups.create('pre-import')
      try {
        let done = 0
        const total = x.attachments.size + chosen.length
        const tick = () => progress.onProgress?.(++done, total)
        await pool([...x.attachments.values()], 4, progress, 'The import', async (b) => {
          await s.store.attachments.add(b)
          tick()
        })
        const order = ['organization', 'patient', 'case', 'settings'] as const
        for (const entity of order) {
          await pool(chosen.filter((c) => c.item.entity === entity), 16, progress, 'The import', async (c) => {
            await c.write()
            tick()
          })
        }
        for (const c of chosen) if (c.item.entity === 'case') s.clocks.forget(c.item.id)
        return { backupId: backup.id, written: chosen.length, skipped: cands.length - chosen.length, attachments: x.attachments.size }
      } catch (error) {
        await s.store.flush()
        await s.store.backups.restore(backup.id)
        for (const c of chosen) if (c.item.entity === 'case') s.clocks.forget(c.item.id)
        throw error
      }
    }
  }
}
