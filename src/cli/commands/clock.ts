// `clock`: computes one case's clock from a scenario file (or every file in a folder) with the same
// core function the app uses. A public interface: other tools and our acceptance suites drive it,
// so its input and output formats are stable (README "The clock command").
import { readdir, readFile, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { ClockResult, ProfileDefinition } from '#core/clocks'
import { formatDate } from '#core/clocks/dates'
import { findingLabel, stepLabel } from '#core/labels'
import { ClockInputError } from '#core/clocks/errors'
import { parseClockInput } from '#core/clocks/parse'
import { isBuiltInProfileId } from '#core/rules'
import { withChannels } from '../channels'
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliContext, type CommandGroup } from '../io'

export type ClockCommandDeps = {
  /** The user's saved rule profiles (the app's store); consulted only for a profile id that is not built in. */
  loadSavedProfiles: (ctx: CliContext) => Promise<ProfileDefinition[]>
}

const HELP = `Usage: access-advocate clock --input FILE|DIR|- [--json]

Computes the clock of one case as of a given day: due dates, status, findings, the OCR complaint
window, the next escalation step, and the explanation that leads to each date.

Options:
  --input FILE   a scenario file (JSON)
  --input DIR    every *.json file in the folder, in file-name order
  --input -      read one scenario from standard input
  --json         print JSON: one object for a file; one line {"file": name, ...result} per file for a folder
  --help         this text

Input (JSON; unknown fields are an error; dates are YYYY-MM-DD):
  { "kind": "access" | "amendment" | "accounting",                      (default "access")
    "profile": "hipaa" | "hipaa-proposed-2021" | "california" | "texas-ehr" | "texas-physician"
               | "washington" | <saved profile id>
               | { "id", "days", "dayKind": "calendar" | "business", "holidays": [dates],
                   "extensionDays", "rollForward"? },                     (default "hipaa")
    "received": date, "asOf": date,
    "requestType": "self" | "third-party-directive" | "authorization",  (default "self")
    "events": [ { "type", "date", ... } ],                               (default [])
    "reminders": [ { "date", "note"? } ],                                 (default [])
    "description": "free text" }                                          (optional, ignored)
  Event types: extension-notice {reason?, newDate?} (HIPAA's); state-delay-notice {reason?, newDate?}
    (a state's own, e.g. Washington's; moves only the state's date); delivered {complete, format?};
    denied {basis?, reviewable?, reviewRights?, complaintContact?, statementOfDisagreement?};
    fee-quoted {amount, method?, perPage?, includesSearchRetrieval?, electronicCopyOfElectronicRecords?, inAdvance?};
    requested-format {format}; barrier {kind: in-person | mail-only | portal-only};
    follow-up, privacy-officer-escalation, notice-of-intent, ocr-complaint, information-blocking-report;
    note {text?}; withdrawn.

Output (--json): { due, originalDue, status, daysLate, daysRemaining, findings: [{code, message, date, citation}],
  complaintWindowCloses, nextStep: {step, due, letter} | null, controllingRule, explanation: [..],
  complaintWindowWarning, profileVersion, warnings, escalation, reminders }

Invalid input prints one line on stderr naming the field and the problem, nothing on stdout, exit 2.

Examples:
  npm run --silent cli -- clock --input case.json --json
  echo '{"received":"2026-01-05","asOf":"2026-02-10"}' | npm run --silent cli -- clock --input -
  npm run --silent cli -- clock --input tests/fixtures/clock/inputs --json
`

type Evaluation = { ok: true; result: ClockResult } | { ok: false; message: string }

function renderText(r: ClockResult): string {
  const out: string[] = []
  const row = (label: string, value: string): void => void out.push(`${label.padEnd(19)}${value}`)
  row('Due:', `${formatDate(r.due)} (${r.due})${r.due !== r.originalDue ? `, originally ${formatDate(r.originalDue)}` : ''}`)
  const days =
    r.daysLate !== null ? `, ${r.daysLate} day(s) late` : r.daysRemaining !== null ? `, ${r.daysRemaining} day(s) remaining` : ''
  row('Status:', `${r.status}${days}`)
  row('Controlling rule:', r.controllingRule)
  row('Profile:', r.profileVersion)
  row('Complaint window:', r.complaintWindowCloses ? `last day to file with OCR ${formatDate(r.complaintWindowCloses)}` : 'not open')
  if (r.complaintWindowWarning) row('', r.complaintWindowWarning)
  row('Next step:', r.nextStep ? `${stepLabel(r.nextStep.step)} (${r.nextStep.step}), due ${formatDate(r.nextStep.due)}, letter template ${r.nextStep.letter}` : 'none')
  out.push(r.findings.length ? 'Findings:' : 'Findings:          none')
  for (const f of r.findings) out.push(`  - ${findingLabel(f.code)} [${f.code}] (${formatDate(f.date)}; ${f.citation}): ${f.message}`)
  for (const w of r.warnings) out.push(`Warning: ${w}`)
  for (const m of r.reminders) out.push(`Reminder ${formatDate(m.date)}${m.note ? `: ${m.note}` : ''}`)
  out.push('Explanation:')
  r.explanation.forEach((line, i) => out.push(`  ${i + 1}. ${line}`))
  return out.join('\n') + '\n'
}

export function makeClockCommand(deps: ClockCommandDeps): CommandGroup {
  return {
    name: 'clock',
    help: HELP,
    // The clock itself is the pure core function (no data folder needed); a scenario naming one of
    // the user's saved profiles reads them through settings.get.
    channels: ['settings.get'],
    async run(args, ctx) {
      const { io } = ctx
      const fail = (message: string, code = EXIT_USAGE): number => {
        io.stderr(`error: ${message}\n`)
        return code
      }
      let values: { input?: string | undefined; json?: boolean | undefined; help?: boolean | undefined }
      try {
        values = parseArgs({
          args,
          options: { input: { type: 'string', short: 'i' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
          allowPositionals: false,
          strict: true
        }).values
      } catch (e) {
        return fail(`${e instanceof Error ? e.message : String(e)} (see clock --help)`)
      }
      if (values.help) {
        io.stdout(HELP)
        return EXIT_OK
      }
      const json = values.json === true || ctx.json
      const input = values.input
      if (input === undefined || input === '') return fail('clock needs --input FILE, --input DIR or --input - (see clock --help)')

      let saved: ProfileDefinition[] | null = null
      const evaluate = async (text: string): Promise<Evaluation> => {
        let raw: unknown
        try {
          raw = JSON.parse(text)
        } catch (e) {
          return { ok: false, message: `(input): malformed JSON: ${e instanceof Error ? e.message : String(e)}` }
        }
        const parsed = parseClockInput(raw)
        if (!parsed.ok) return parsed
        const profile = parsed.value.profile
        // Load saved profiles only when a scenario names one: the store may be slow or absent.
        if (typeof profile === 'string' && !isBuiltInProfileId(profile)) saved ??= await deps.loadSavedProfiles(ctx)
        try {
          // Loaded on first use: the engine brings the holiday calendars, which no other command needs
          // at start-up (the bundled command line starts faster without them).
          const { computeClock } = await import('#core/clocks/compute')
          return { ok: true, result: computeClock(parsed.value, { savedProfiles: saved ?? [] }) }
        } catch (e) {
          if (e instanceof ClockInputError) return { ok: false, message: e.message }
          throw e
        }
      }

      try {
        if (input === '-') return emitOne(await evaluate(await io.readStdin()))
        const path = resolve(io.cwd, input)
        let isDir: boolean
        try {
          isDir = (await stat(path)).isDirectory()
        } catch {
          return fail(`--input: cannot read "${input}": no such file or folder`)
        }
        if (!isDir) return emitOne(await evaluate(await readFile(path, 'utf8')))
        const names = (await readdir(path, { withFileTypes: true }))
          .filter((d) => d.isFile() && d.name.endsWith('.json'))
          .map((d) => d.name)
          .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        if (names.length === 0) return fail(`--input: the folder "${input}" holds no .json files`)
        let code = EXIT_OK
        for (const name of names) {
          const ev = await evaluate(await readFile(join(path, name), 'utf8'))
          if (!ev.ok) {
            code = EXIT_USAGE
            io.stderr(`error: ${name}: ${ev.message}\n`)
            if (json) io.stdout(JSON.stringify({ file: name, error: ev.message }) + '\n')
          } else if (json) io.stdout(JSON.stringify({ file: name, ...ev.result }) + '\n')
          else io.stdout(`== ${name} ==\n${renderText(ev.result)}\n`)
        }
        return code
      } catch (e) {
        return fail(`unexpected failure: ${e instanceof Error ? e.message : String(e)}`, EXIT_FAILURE)
      }

      function emitOne(ev: Evaluation): number {
        if (!ev.ok) return fail(ev.message)
        io.stdout(json ? JSON.stringify(ev.result) + '\n' : renderText(ev.result))
        return EXIT_OK
      }
    }
  }
}

/** Saved profiles come from the data folder, opened only when a scenario names one. */
export const clockCommand: CommandGroup = makeClockCommand({
  loadSavedProfiles: (ctx) => withChannels(ctx, async (invoke) => [...(await invoke('settings.get', {})).savedProfiles])
})
