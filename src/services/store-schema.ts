// How the domain is laid out in the store: one file per case (with a summary kept in the local
// index), patients and organizations in shards, settings in one small file.
import { CaseSchema, OrganizationSchema, PatientSchema, SettingsSchema, type Settings } from '../core/schemas'
import { summarizeCase } from '../core/cases/summary'
import { CASE_SUMMARY_VERSION, CaseSummarySchema } from '../core/cases/summary-schema'
import type { Store, StoreSchema } from '../store/types'
import { ChangeSetsSchema, type ChangeSets } from './bulk/change-set'

const settingsDefaults: Settings = { savedProfiles: [], letterTemplates: [] }
const changeSetDefaults: ChangeSets = { sets: [] }

export const storeSchema = {
  records: {
    cases: {
      name: 'cases',
      schema: CaseSchema,
      layout: { kind: 'file-per-record' },
      version: 1,
      migrations: [],
      summarize: summarizeCase,
      summary: { version: CASE_SUMMARY_VERSION, schema: CaseSummarySchema }
    }
  },
  sharded: {
    patients: { name: 'patients', schema: PatientSchema, layout: { kind: 'sharded', shards: 16 }, version: 1, migrations: [] },
    organizations: { name: 'organizations', schema: OrganizationSchema, layout: { kind: 'sharded', shards: 32 }, version: 1, migrations: [] }
  },
  singletons: {
    settings: { name: 'settings', schema: SettingsSchema, defaults: settingsDefaults, version: 1, migrations: [] },
    /** The last changes that can be undone (bulk actions, a trashed case, a removed reminder). */
    changeSets: { name: 'change-sets', schema: ChangeSetsSchema, defaults: changeSetDefaults, version: 1, migrations: [] }
  }
} as const satisfies StoreSchema

export type AppStore = Store<typeof storeSchema>
