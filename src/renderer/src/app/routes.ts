// Where the user is, as a small value kept in the URL's hash: no router library, and the
// Back/Forward keys of the window still work.
/** What to open on a case page at once, so Today's actions are one click: a letter, an event, "Mark sent". */
export type CaseIntent =
  | { kind: 'prepare'; template: string }
  | { kind: 'log'; eventType: string; /** The event's one choice: the agency (venue) or the ladder step. */ option?: string }
  | { kind: 'mark-sent'; letterId: string }

export type Route =
  | { page: 'today' }
  | { page: 'caseload' }
  | { page: 'case'; id: string; intent?: CaseIntent }
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
    case 'today':
      return '#/today'
    case 'caseload':
      return '#/caseload'
    case 'case':
      return `#/case/${encodeURIComponent(r.id)}${r.intent ? intentToHash(r.intent) : ''}`
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
  const [, page = '', arg, ...rest] = hash.replace(/^#/, '').split('/')
  const id = arg ? decodeURIComponent(arg) : ''
  switch (page) {
    case 'today':
      return { page: 'today' }
    case 'case': {
      if (!id) return { page: 'caseload' }
      const intent = hashToIntent(rest.map((x) => decodeURIComponent(x)))
      return intent ? { page: 'case', id, intent } : { page: 'case', id }
    }
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
    case 'caseload':
      return { page: 'caseload' }
    default:
      // The home screen is the day's worklist; the caseload is one click beside it.
      return { page: 'today' }
  }
}

function intentToHash(i: CaseIntent): string {
  const e = encodeURIComponent
  if (i.kind === 'prepare') return `/prepare/${e(i.template)}`
  if (i.kind === 'mark-sent') return `/mark-sent/${e(i.letterId)}`
  return `/log/${e(i.eventType)}${i.option ? `/${e(i.option)}` : ''}`
}

function hashToIntent([kind, a, b]: string[]): CaseIntent | undefined {
  if (!a) return undefined
  if (kind === 'prepare') return { kind: 'prepare', template: a }
  if (kind === 'mark-sent') return { kind: 'mark-sent', letterId: a }
  if (kind === 'log') return b ? { kind: 'log', eventType: a, option: b } : { kind: 'log', eventType: a }
  return undefined
}

/** The top-level section a route belongs to, for the navigation bar. */
export function sectionOf(r: Route): 'today' | 'caseload' | 'patients' | 'organizations' | 'backups' | 'settings' | 'reports' | 'import' | 'sync' {
  if (r.page === 'case') return 'caseload'
  if (r.page === 'patient') return 'patients'
  if (r.page === 'organization') return 'organizations'
  if (r.page === 'recovery') return 'backups'
  return r.page
}
