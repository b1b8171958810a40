// The command line: a second front door to the same services the app uses. This file only
// routes: global options, help, and turning failures into one readable line and an exit code.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { type ErrorCode, isAppError } from '#shared/errors'
import { EXIT_FAILURE, EXIT_USAGE, UsageError, type CliIO, type CommandGroup } from './io'
import { safeForTerminal } from './terminal'

/**
 * Every command, by name and summary; its module (options, help, the channels it calls) loads only
 * when it runs, so `info` and `--help` do not pay for parsing and building every schema.
 */
export type CommandEntry = { name: string; summary: string; load: () => Promise<CommandGroup> }

export const COMMANDS: ReadonlyArray<CommandEntry> = [
  { name: 'info', summary: 'Show the version, the data folder and the rules version', load: async () => (await import('./commands/info')).infoCommand },
  { name: 'patients', summary: 'Add, list and show patients', load: async () => (await import('./commands/patients')).patientsCommand },
  { name: 'orgs', summary: 'Add, list, show and merge records holders (organizations)', load: async () => (await import('./commands/orgs')).orgsCommand },
  { name: 'cases', summary: 'Add, list and show cases; log events; trash and restore', load: async () => (await import('./commands/cases')).casesCommand },
  { name: 'attachments', summary: 'Attach a file to a case (copied into the data folder)', load: async () => (await import('./commands/attachments')).attachmentsCommand },
  { name: 'backup', summary: 'Back up now, list backups, preview or restore one', load: async () => (await import('./commands/backup')).backupCommand },
  { name: 'demo', summary: 'Write a realistic sample caseload into an empty data folder', load: async () => (await import('./commands/demo')).demoCommand },
  { name: 'profiles', summary: 'List rule profiles; save or remove your own', load: async () => (await import('./commands/profiles')).profilesCommand },
  { name: 'letters', summary: 'Letter templates; render one letter or one per case in bulk', load: async () => (await import('./commands/letters')).lettersCommand },
  { name: 'clock', summary: 'Compute a case clock (due dates, findings, next step) from a scenario file', load: async () => (await import('./commands/clock')).clockCommand },
  { name: 'call', summary: 'Call any channel of the contract with JSON input (for scripts)', load: async () => (await import('./commands/call')).callCommand },
  { name: 'report', summary: 'Compliance report (DOCX, CSV or PDF) over a period', load: async () => (await import('./commands/report')).reportCommand },
  { name: 'export', summary: 'Export everything as one zip, or a list as CSV', load: async () => (await import('./commands/export')).exportCommand },
  { name: 'import', summary: 'Import a full export zip, a CSV, or e-mail messages', load: async () => (await import('./commands/import')).importCommand },
  { name: 'calendar', summary: 'Write every deadline and reminder as an .ics calendar', load: async () => (await import('./commands/calendar')).calendarCommand },
  { name: 'bundle', summary: 'Make the complaint evidence bundle (zip) for a case', load: async () => (await import('./commands/bundle')).bundleCommand },
  { name: 'bulk', summary: 'The same change on many cases (assign, tag, priority, an event, letters, trash), and undo', load: async () => (await import('./commands/bulk')).bulkCommand },
  { name: 'today', summary: 'What needs doing today and this week, with counts by status and by who a case waits on', load: async () => (await import('./commands/today')).todayCommand }
]

/** Every command's module, loaded (for tests and tools that walk them all). */
export const loadCommands = async (): Promise<CommandGroup[]> => Promise.all(COMMANDS.map((c) => c.load()))

const USAGE = `Usage: npm run --silent cli -- <command> [options] [--data-dir DIR] [--json]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(12)} ${c.summary}`).join('\n')}

Global options:
  --data-dir DIR  data folder to use (default: ACCESS_ADVOCATE_DATA_DIR, else the app's own folder)
  --passphrase-file FILE
                  unlock an encrypted data folder (or create one, on an empty folder) with the
                  passphrase in FILE; ACCESS_ADVOCATE_PASSPHRASE works too
  --json          machine-readable output
  --help, -h      help for the command

Exit codes: 0 success, 2 bad input or a refused request (a duplicate, something in use, too
large, a wrong passphrase), 1 any other failure. Files the command found damaged or missing, and
what was done about each, are printed on stderr (one JSON line each with --json).
`

type Globals = { dataDir: string | undefined; passphraseFile: string | undefined; json: boolean; help: boolean; rest: string[] }

function extractGlobals(argv: ReadonlyArray<string>, io: CliIO): Globals {
  const rest: string[] = []
  let dataDir: string | undefined = io.env['ACCESS_ADVOCATE_DATA_DIR'] || undefined
  let passphraseFile: string | undefined
  let json = false
  let help = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--json') json = true
    else if (arg === '--help' || arg === '-h') help = true
    else if (arg === '--data-dir' || arg.startsWith('--data-dir=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i]
      if (!value || value.startsWith('--')) throw new UsageError('--data-dir needs a folder, e.g. --data-dir ./my-data')
      dataDir = resolve(io.cwd, value)
    } else if (arg === '--passphrase-file' || arg.startsWith('--passphrase-file=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i]
      if (!value || value.startsWith('--')) throw new UsageError('--passphrase-file needs a file holding the passphrase')
      passphraseFile = resolve(io.cwd, value)
    } else rest.push(arg)
  }
  return { dataDir, passphraseFile, json, help, rest }
}

/** What every command prints goes through here: control characters in data never reach the terminal raw. */
function terminalSafe(io: CliIO, json: boolean): CliIO {
  return {
    ...io,
    stdout: (text) => io.stdout(safeForTerminal(text, json ? 'json' : 'text')),
    stderr: (text) => io.stderr(safeForTerminal(text, 'progress'))
  }
}

export async function runCli(argv: ReadonlyArray<string>, rawIo: CliIO): Promise<number> {
  let io = terminalSafe(rawIo, argv.includes('--json'))
  try {
    const globals = extractGlobals(argv, io)
    io = terminalSafe(rawIo, globals.json)
    const [name, ...args] = globals.rest
    if (!name) {
      io[globals.help ? 'stdout' : 'stderr'](USAGE)
      return globals.help ? 0 : EXIT_USAGE
    }
    const entry = COMMANDS.find((c) => c.name === name)
    if (!entry) throw new UsageError(`unknown command "${name}". Run with --help to list the commands.`)
    const command = await entry.load()
    if (globals.help) {
      io.stdout(command.help.endsWith('\n') ? command.help : `${command.help}\n`)
      return 0
    }
    return await command.run(args, { io, dataDir: globals.dataDir, json: globals.json, passphrase: await readPassphrase(globals.passphraseFile, io) })
  } catch (error) {
    return reportFailure(error, io)
  }
}

async function readPassphrase(file: string | undefined, io: CliIO): Promise<string | undefined> {
  if (!file) return io.env['ACCESS_ADVOCATE_PASSPHRASE'] || undefined
  try {
    return (await readFile(file, 'utf8')).replace(/\r?\n$/, '')
  } catch (error) {
    throw new UsageError(`--passphrase-file ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
}

/**
 * Refusals of what was asked, as given (exit 2): invalid or unknown input, a duplicate or a
 * conflict with what is stored, something still in use, too large, a wrong passphrase. Everything
 * else (a full or unwritable disk, damaged data, a held lock, a bug) exits 1.
 */
const REFUSED_INPUT: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['INVALID_INPUT', 'NOT_FOUND', 'CONFLICT', 'IN_USE', 'PAYLOAD_TOO_LARGE', 'WRONG_PASSPHRASE'])

function reportFailure(error: unknown, io: CliIO): number {
  if (error instanceof UsageError) {
    io.stderr(`error: ${error.message}\n`)
    return EXIT_USAGE
  }
  // node:util parseArgs throws TypeErrors with these codes for unknown or malformed options.
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    io.stderr(`error: ${(error as Error).message}\n`)
    return EXIT_USAGE
  }
  if (isAppError(error)) {
    io.stderr(`error: ${error.message}\n`)
    return REFUSED_INPUT.has(error.code) ? EXIT_USAGE : EXIT_FAILURE
  }
  io.stderr(`error: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`)
  return EXIT_FAILURE
}
