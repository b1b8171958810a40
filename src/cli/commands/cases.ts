// `cases`: an adapter over the cases.* channels (and cases.deepSearch for --deep).
import { setFieldName } from '../set-field'
import { parseArgs } from 'node:util'
import { CASE_LIST_STATUSES } from '#shared/channels/cases'
import { MAX_QUERY_WINDOW } from '#shared/channels/case-query'
import type { ChannelInput } from '#shared/contract'

type CaseListStatus = (typeof CASE_LIST_STATUSES)[number]
import { CASE_EVENT_TYPES, REFERENCE_KINDS } from '#core/schemas'
import { WAITING_ON } from '#core/escalation'
import { UsageError, type CliContext, type CommandGroup } from '../io'
import { given, printJson, printTable, readJsonInput, requirePositional } from '../output'
import { withChannels, type Invoke } from '../channels'

const HELP = `Usage: access-advocate cases <add|list|show|event|trash|restore> [options] [--data-dir DIR] [--json]

  cases add --patient ID --org ID [--org ID …] [--kind KIND] [--format TEXT] [--profile P] [--state ST]
            [--ref KIND:VALUE …] [--tag T …] [--priority low|normal|high|urgent] [--input FILE|-]
            several --org make a batch: one case per organization
  cases list [--status S[,S…]] [--min-days-late N] [--query TEXT [--deep]] [--as-of YYYY-MM-DD] [--waiting-on me|holder|agency[,…]] [--trash]
            --deep also searches the full text of every event (reads every case file; shows progress)
            status: ${CASE_LIST_STATUSES.join(', ')}
  cases show ID [--as-of YYYY-MM-DD]       the case with its clock, findings and explanation
  cases event ID --type TYPE --date YYYY-MM-DD [--summary TEXT] [--channel C] [--direction D]
            [--set FIELD=VALUE …] [--input FILE|-]
            TYPE: ${CASE_EVENT_TYPES.join(', ')}
            --set takes a type's own fields, e.g. --set amount=25 --set perPage=true --set format=PDF
  cases trash ID                            move to the trash (restorable for 30 days)
  cases restore ID

  Reference kinds: ${REFERENCE_KINDS.join(', ')}`

const options = {
  patient: { type: 'string' },
  org: { type: 'string', multiple: true },
  kind: { type: 'string' },
  format: { type: 'string' },
  profile: { type: 'string' },
  state: { type: 'string' },
  ref: { type: 'string', multiple: true },
  tag: { type: 'string', multiple: true },
  priority: { type: 'string' },
  status: { type: 'string' },
  'min-days-late': { type: 'string' },
  query: { type: 'string' },
  'as-of': { type: 'string' },
  'waiting-on': { type: 'string' },
  trash: { type: 'boolean' },
  deep: { type: 'boolean' },
  type: { type: 'string' },
  date: { type: 'string' },
  summary: { type: 'string' },
  channel: { type: 'string' },
  direction: { type: 'string' },
  set: { type: 'string', multiple: true },
  input: { type: 'string' }
} as const

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values']

function parseRefs(refs: ReadonlyArray<string> | undefined) {
  return (refs ?? []).map((r) => {
    const at = r.indexOf(':')
    if (at < 1) throw new UsageError(`--ref ${r}: write it KIND:VALUE, e.g. holder-request-id:R-1234`)
    return { kind: r.slice(0, at), value: r.slice(at + 1) }
  })
}

/** `--set key=value`: numbers and true/false become JSON values, anything else stays text. */
function parseSets(sets: ReadonlyArray<string> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const s of sets ?? []) {
    const at = s.indexOf('=')
    if (at < 1) throw new UsageError(`--set ${s}: write it FIELD=VALUE`)
    const key = setFieldName(s, s.slice(0, at))
    const raw = s.slice(at + 1)
    out[key] = raw === 'true' ? true : raw === 'false' ? false : raw !== '' && /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw
  }
  return out
}

async function add(ctx: CliContext, invoke: Invoke, v: Values, base: Record<string, unknown>): Promise<number> {
  const fields = {
    ...base,
    ...given({
      patientId: v.patient,
      requestKind: v.kind,
      requestedFormat: v.format,
      profile: v.profile,
      state: v.state,
      priority: v.priority,
      tags: v.tag
    }),
    ...(v.ref ? { references: parseRefs(v.ref) } : {})
  }
  const orgs = v.org ?? (typeof base['organizationId'] === 'string' ? [base['organizationId']] : [])
  if (orgs.length === 0) throw new UsageError('cases add: --org ID is missing')
  const created =
    orgs.length === 1
      ? [await invoke('cases.add', { case: { ...fields, organizationId: orgs[0] } })]
      : await invoke('cases.addBatch', { batch: { ...withoutKeys(fields, 'organizationId', 'batchId'), organizationIds: orgs } })
  if (ctx.json) printJson(ctx, created.length === 1 ? created[0] : created)
  else for (const c of created) ctx.io.stdout(`Added case ${c.id}${c.batchId ? ` (batch ${c.batchId})` : ''}\n`)
  return 0
}

function withoutKeys(o: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)))
}

async function list(ctx: CliContext, invoke: Invoke, v: Values): Promise<number> {
  const status = v.status ? v.status.split(',').map((x) => x.trim()) : undefined
  const bad = status?.find((x) => !(CASE_LIST_STATUSES as readonly string[]).includes(x))
  if (bad) throw new UsageError(`--status ${bad}: must be one of ${CASE_LIST_STATUSES.join(', ')}`)
  const minDaysLate = v['min-days-late'] === undefined ? undefined : Number(v['min-days-late'])
  if (minDaysLate !== undefined && (!Number.isInteger(minDaysLate) || minDaysLate < 0)) throw new UsageError('--min-days-late takes a whole number of days, 0 or more')
  if (v.deep && !v.query) throw new UsageError('--deep needs --query TEXT')
  const waitingOn = v['waiting-on'] ? v['waiting-on'].split(',').map((x) => x.trim()) : undefined
  const badWaiting = waitingOn?.find((x) => !(WAITING_ON as readonly string[]).includes(x))
  if (badWaiting) throw new UsageError(`--waiting-on ${badWaiting}: must be one of ${WAITING_ON.join(', ')} (me: needs my action)`)
  const filter = {
    ...given({ minDaysLate, asOf: v['as-of'] }),
    ...(waitingOn ? { waitingOn: waitingOn as Array<(typeof WAITING_ON)[number]> } : {}),
    ...(v.trash ? { trash: 'only' as const } : {})
  }
  let query: ChannelInput<'cases.query'>['filter'] = { ...filter, ...(status && { status: status as CaseListStatus[] }), ...given({ text: v.query }) }
  if (v.deep && v.query) {
    const ids = await invoke('cases.deepSearch', { text: v.query })
    ctx.io.stderr('\n')
    query = { ...filter, ...(status && { status: status as CaseListStatus[] }), ids }
  }
  // The window's query, page by page, every clock computed: the command line prints every case.
  const items = []
  for (let offset = 0; ; offset += MAX_QUERY_WINDOW) {
    const page = await invoke('cases.query', { filter: query, window: { offset, limit: MAX_QUERY_WINDOW }, clocks: 'complete' })
    items.push(...page.rows)
    if (page.offset + page.rows.length >= page.total || page.rows.length === 0) break
  }
  if (ctx.json) printJson(ctx, items)
  else
    printTable(
      ctx,
      items.map((c) => ({
        id: c.id,
        patient: c.patientName,
        holder: c.organizationName,
        status: c.status,
        due: c.due,
        late: c.daysLate,
        next: c.nextStep ? `${c.nextStep.step} by ${c.nextStep.due}` : ''
      })),
      'No cases match.'
    )
  return 0
}

async function show(ctx: CliContext, invoke: Invoke, id: string, asOf: string | undefined): Promise<number> {
  const view = await invoke('cases.get', { id, ...given({ asOf }) })
  if (ctx.json) {
    printJson(ctx, view)
    return 0
  }
  const c = view.case
  ctx.io.stdout(`Case ${c.id}: ${view.patientName} → ${view.organizationName} (${c.requestKind}, profile ${c.profile})\n`)
  if (view.clock.state === 'not-sent') ctx.io.stdout('No request sent or received yet: no clock.\n')
  else if (view.clock.state === 'error') ctx.io.stdout(`The clock cannot be computed: ${view.clock.message}\n`)
  else {
    const r = view.clock.result
    ctx.io.stdout(`Status ${r.status}; due ${r.due}${r.daysLate !== null ? `; ${r.daysLate} days late` : ''}${r.daysRemaining !== null ? `; ${r.daysRemaining} days left` : ''}\n`)
    for (const f of r.findings) ctx.io.stdout(`  finding ${f.code} (${f.date}): ${f.message} [${f.citation}]\n`)
    for (const line of r.explanation) ctx.io.stdout(`  · ${line}\n`)
  }
  if (view.completeness.missing.length) ctx.io.stdout(`Still missing: ${view.completeness.missing.join(', ')}\n`)
  for (const e of c.events) ctx.io.stdout(`  ${e.date}  ${e.type.padEnd(26)} ${e.summary}\n`)
  return 0
}

export const casesCommand: CommandGroup = {
  name: 'cases',
  help: HELP,
  channels: ['cases.add', 'cases.addBatch', 'cases.query', 'cases.deepSearch', 'cases.get', 'cases.addEvent', 'cases.trash', 'cases.restore'],
  async run(args, ctx) {
    const [action, ...rest] = args
    const { values: v, positionals } = parseArgs({ args: rest, allowPositionals: true, options })
    const id = () => requirePositional(positionals, 'A case id', `Usage: cases ${action} ID`)
    if (!['add', 'list', 'show', 'event', 'trash', 'restore'].includes(action ?? '')) {
      throw new UsageError(`cases: unknown action "${action ?? ''}". Use add, list, show, event, trash or restore.`)
    }
    // Everything that can be checked without the data folder is, before it is opened.
    const base = action === 'add' || action === 'event' ? await readJsonInput(ctx, v.input) : {}
    const event = action === 'event' ? { ...base, ...given({ type: v.type, date: v.date, summary: v.summary, channel: v.channel, direction: v.direction }), ...parseSets(v.set) } : {}
    if (action === 'event' && !event['type']) throw new UsageError(`cases event: --type is missing (one of ${CASE_EVENT_TYPES.join(', ')})`)
    const progress = (done: number, total: number) => ctx.io.stderr(`\rsearching ${done}/${total} cases`)
    return withChannels(ctx, async (invoke) => {
      switch (action) {
        case 'add':
          return add(ctx, invoke, v, base)
        case 'list':
          return await list(ctx, invoke, v)
        case 'show':
          return show(ctx, invoke, id(), v['as-of'])
        case 'event': {
          const caseId = id()
          const logged = await invoke('cases.addEvent', { caseId, event })
          if (ctx.json) printJson(ctx, logged)
          else ctx.io.stdout(`Logged ${logged.type} on ${logged.date} (${logged.id}) for case ${caseId}\n`)
          return 0
        }
        case 'trash': {
          const c = await invoke('cases.trash', { id: id() })
          ctx.io.stdout(ctx.json ? `${JSON.stringify({ id: c.id, deletedAt: c.deletedAt })}\n` : `Case ${c.id} moved to the trash; restore it within 30 days with: cases restore ${c.id}\n`)
          return 0
        }
        case 'restore': {
          const c = await invoke('cases.restore', { id: id() })
          ctx.io.stdout(ctx.json ? `${JSON.stringify({ id: c.id })}\n` : `Case ${c.id} restored.\n`)
          return 0
        }
        default:
          return 2
      }
    }, { onProgress: progress })
  }
}
