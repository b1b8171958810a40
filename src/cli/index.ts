// The command line: a second front door to the same services the app uses. This file only
// routes: global options, help, and turning failures into one readable line and an exit code.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { type ErrorCode, isAppError } from '#shared/errors'
import { EXIT_FAILURE, EXIT_USAGE, UsageError, type CliIO, type CommandGroup } from './io'
import { infoCommand } from './commands/info'
import { clockCommand } from './commands/clock'
import { patientsCommand } from './commands/patients'
import { orgsCommand } from './commands/orgs'
import { casesCommand } from './commands/cases'
import { attachmentsCommand } from './commands/attachments'
import { backupCommand } from './commands/backup'
import { demoCommand } from './commands/demo'
import { profilesCommand } from './commands/profiles'
import { lettersCommand } from './commands/letters'
import { reportCommand } from './commands/report'
import { callCommand } from './commands/call'
import { exportCommand } from './commands/export'
import { importCommand } from './commands/import'
import { calendarCommand } from './commands/calendar'
import { bundleCommand } from './commands/bundle'
import { bulkCommand } from './commands/bulk'
import { todayCommand } from './commands/today'
import { safeForTerminal } from './terminal'

export const COMMANDS: ReadonlyArray<CommandGroup> = [
  infoCommand,
  patientsCommand,
  orgsCommand,
  casesCommand,
  attachmentsCommand,
  backupCommand,
  demoCommand,
  profilesCommand,
  lettersCommand,
  clockCommand,
  callCommand,
  reportCommand,
  exportCommand,
  importCommand,
  calendarCommand,
  bundleCommand,
  bulkCommand,
  todayCommand
]

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
    const command = COMMANDS.find((c) => c.name === name)
    if (!command) throw new UsageError(`unknown command "${name}". Run with --help to list the commands.`)
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
