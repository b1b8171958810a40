// Reads and checks a full-export zip before anything is written: its shape, the manifest, every
// file's SHA-256, and every record against the schemas the store itself uses.
import { z } from 'zod'
import { CaseSchema, OrganizationSchema, PatientSchema, SettingsSchema, type Case, type Organization, type Patient, type Settings } from '../../../core/schemas'
import { FILE_RECORD_ID } from '../../../store/types'
import { AppError } from '#shared/errors'
import { describeZodError } from '../../zod-message'
import { readZip, type ZipLimits } from '../zip/read-zip'
import { sha256Hex } from '../zip/write-zip'
import { ManifestSchema, MANIFEST_PATH, PATHS, type Manifest } from './format'

export type ExportContents = {
  manifest: Manifest
  settings: Settings
  patients: Patient[]
  organizations: Organization[]
  cases: Case[]
  attachments: Map<string, Uint8Array>
}

const bad = (name: string, message: string) => new AppError('INVALID_INPUT', `${name}: ${message}; nothing was imported.`)

function parseJson<T>(name: string, path: string, bytes: Uint8Array | undefined, schema: z.ZodType<T>): T {
  if (!bytes) throw bad(name, `is not an Access Advocate export: it has no ${path}`)
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    throw bad(name, `${path} is not valid JSON`)
  }
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw bad(name, `${path}: ${describeZodError(parsed.error)}`)
  return parsed.data
}

export async function readExport(bytes: Uint8Array, name: string, limits?: ZipLimits): Promise<ExportContents> {
  const files = await readZip(bytes, name, limits)
  const manifestBytes = files.get(MANIFEST_PATH)
  if (!manifestBytes) throw bad(name, `is not an Access Advocate export (no ${MANIFEST_PATH} at the top of the zip)`)
  const manifest = parseJson(name, MANIFEST_PATH, manifestBytes, ManifestSchema)
  const listed = new Set<string>()
  for (const f of manifest.files) {
    const got = files.get(f.path)
    if (!got) throw bad(name, `the manifest lists ${f.path}, which the zip does not hold`)
    if (sha256Hex(got) !== f.sha256) throw bad(name, `${f.path} does not match its SHA-256 in the manifest (the file was changed or damaged after export)`)
    listed.add(f.path)
  }
  for (const path of files.keys()) {
    if (path !== MANIFEST_PATH && !listed.has(path)) throw bad(name, `${path} is in the zip but not in the manifest`)
  }
  const cases: Case[] = []
  const attachments = new Map<string, Uint8Array>()
  for (const [path, b] of files) {
    if (path.startsWith(PATHS.casePrefix)) {
      const id = path.slice(PATHS.casePrefix.length).replace(/\.json$/, '')
      if (!FILE_RECORD_ID.test(id) || !path.endsWith('.json')) throw bad(name, `${path} is not a case file name`)
      const c = parseJson(name, path, b, CaseSchema)
      if (c.id !== id) throw bad(name, `${path} holds case ${c.id}`)
      cases.push(c)
    } else if (path.startsWith(PATHS.attachmentPrefix)) {
      const hash = path.slice(PATHS.attachmentPrefix.length)
      if (sha256Hex(b) !== hash) throw bad(name, `${path} is not the file its name says (SHA-256 differs)`)
      attachments.set(hash, b)
    } else if (path !== MANIFEST_PATH && path !== PATHS.settings && path !== PATHS.patients && path !== PATHS.organizations) {
      throw bad(name, `${path} is not part of an Access Advocate export`)
    }
  }
  return {
    manifest,
    settings: parseJson(name, PATHS.settings, files.get(PATHS.settings), SettingsSchema),
    patients: parseJson(name, PATHS.patients, files.get(PATHS.patients), z.array(PatientSchema)),
    organizations: parseJson(name, PATHS.organizations, files.get(PATHS.organizations), z.array(OrganizationSchema)),
    cases,
    attachments
  }
}
