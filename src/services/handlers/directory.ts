import { openCaseForHolder } from '../holders'
import { directoryCounts, NO_CASES } from '../directory-counts'
import type { Handlers } from '../router'
import type { ServicesRef } from './index'

type DirectoryChannels = 'patients.list' | 'patients.get' | 'patients.add' | 'patients.update' | 'patients.remove' | 'patients.addHolder' | 'patients.holderToCase' | 'orgs.list' | 'orgs.get' | 'orgs.add' | 'orgs.update' | 'orgs.remove'

export function directoryHandlers(s: ServicesRef): Pick<Handlers, DirectoryChannels> {
  return {
    'patients.list': ({ text }) => {
      const counts = directoryCounts(s().queries.list({})).patients
      return s()
        .patients.list(text === undefined ? {} : { text })
        .map((p) => ({
          id: p.id,
          name: p.name,
          dateOfBirth: p.dateOfBirth ?? null,
          representatives: p.representatives.length,
          holdersPending: p.holdersToRequest.filter((h) => !h.caseId).length,
          ...(counts.get(p.id) ?? NO_CASES)
        }))
    },
    'patients.get': ({ id }) => s().patients.get(id),
    'patients.add': ({ patient }) => s().patients.add(patient),
    'patients.update': ({ id, patch }) => s().patients.update(id, patch),
    'patients.remove': async ({ id }) => {
      await s().patients.remove(id)
      return { ok: true as const }
    },
    'patients.addHolder': ({ patientId, holder }) => s().patients.addHolder(patientId, holder),
    'patients.holderToCase': ({ patientId, holderId, case: fields, sent }) => openCaseForHolder(s().patients, s().cases, patientId, holderId, fields, sent),
    'orgs.list': (query) => {
      const counts = directoryCounts(s().queries.list({})).organizations
      return s()
        .organizations.list(query)
        .map((o) => ({ id: o.id, name: o.name, kind: o.kind, state: o.state ?? null, city: o.address.city ?? null, ...(counts.get(o.id) ?? NO_CASES) }))
    },
    'orgs.get': ({ id }) => s().organizations.get(id),
    'orgs.add': ({ organization }) => s().organizations.add(organization),
    'orgs.update': ({ id, patch }) => s().organizations.update(id, patch),
    'orgs.remove': async ({ id }) => {
      await s().organizations.remove(id)
      return { ok: true as const }
    }
  }
}
