// The command line's contract with the outside world. Commands never touch process.* directly,
// so tests can run them in-process and capture exactly what a user would see.
import type { Channel } from '#shared/contract'

export type CliIO = {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** Reads all of standard input (for `--input -`). */
  readStdin: () => Promise<string>
  /** Working directory used to resolve relative paths. */
  cwd: string
  env: Readonly<Record<string, string | undefined>>
  /** Tests only: told the name of every channel a command calls. */
  trace?: (channel: string) => void
}

/** Global options every command receives after the router has stripped them from argv. */
export type CliContext = {
  io: CliIO
  /** `--data-dir DIR`, else ACCESS_ADVOCATE_DATA_DIR, else undefined (the command decides its default). */
  dataDir: string | undefined
  json: boolean
  /** Unlocks (or, on an empty folder, creates) an encrypted data folder. */
  passphrase?: string | undefined
}

export type CommandGroup = {
  name: string
  help: string
  /** The contract channels this command calls: a command is an adapter over them, nothing more. */
  channels: ReadonlyArray<Channel>
  /** Returns the process exit code: 0 success, 2 bad input, 1 any other failure. */
  run: (args: string[], ctx: CliContext) => Promise<number>
}

export const EXIT_OK = 0
export const EXIT_FAILURE = 1
export const EXIT_USAGE = 2

/** Bad input from the user: printed as one line on stderr, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}
