// Where the user is, as a small value kept in the URL's hash: no router library, and the
// Back/Forward keys of the window still work.
export type Route =
  | { page: 'caseload' }
  | { page: 'case'; id: string }
  | { page: 'patients'; adding?: boolean }
  | { page: 'patient'; id: string }
  | { page: 'organizations' }
  | { page: 'organization'; id: string }
  | { page: 'backups' }
  | { page: 'settings' }
  | { page: 'sync' }
  | { page: 'reports'; organizationId?: string }
  | { page: 'import' }
  | { page: 'recovery' }

export function routeToHash(r: Route): string {
  switch (r.page) {
    case 'caseload':
      return '#/caseload'
    case 'case':
      return `#/case/${encodeURIComponent(r.id)}`
    case 'patients':
      return r.adding ? '#/patients/new' : '#/patients'
    case 'patient':
      return `#/patient/${encodeURIComponent(r.id)}`
    case 'organizations':
      return '#/organizations'
    case 'organization':
      return `#/organization/${encodeURIComponent(r.id)}`
    case 'backups':
      return '#/backups'
    case 'settings':
      return '#/settings'
    case 'sync':
      return '#/sync'
    case 'reports':
      return r.organizationId ? `#/reports/${encodeURIComponent(r.organizationId)}` : '#/reports'
    case 'import':
      return '#/import'
    case 'recovery':
      return '#/recovery'
  }
}

export function hashToRoute(hash: string): Route {
  const [, page = '', arg] = hash.replace(/^#/, '').split('/')
  const id = arg ? decodeURIComponent(arg) : ''
  switch (page) {
    case 'case':
      return id ? { page: 'case', id } : { page: 'caseload' }
    case 'patients':
      return { page: 'patients', adding: id === 'new' }
    case 'patient':
      return id ? { page: 'patient', id } : { page: 'patients' }
    case 'organizations':
      return { page: 'organizations' }
    case 'organization':
      return id ? { page: 'organization', id } : { page: 'organizations' }
    case 'backups':
      return { page: 'backups' }
    case 'settings':
      return { page: 'settings' }
    case 'sync':
      return { page: 'sync' }
    case 'reports':
      return id ? { page: 'reports', organizationId: id } : { page: 'reports' }
    case 'import':
      return { page: 'import' }
    case 'recovery':
      return { page: 'recovery' }
    default:
      return { page: 'caseload' }
  }
}

/** The top-level section a route belongs to, for the navigation bar. */
export function sectionOf(r: Route): 'caseload' | 'patients' | 'organizations' | 'backups' | 'settings' | 'reports' | 'import' | 'sync' {
  if (r.page === 'case') return 'caseload'
  if (r.page === 'patient') return 'patients'
  if (r.page === 'organization') return 'organizations'
  if (r.page === 'recovery') return 'backups'
  return r.page
}
