// Process entry point for `npm run cli`: binds the real stdin/stdout/stderr and exit code, and
// makes sure the data folder's lock is released on every way out: a normal exit, an error, a
// closed pipe (`cli … | head -1`), SIGINT (Ctrl-C) and SIGTERM.
import { runCli } from './index'
import type { CliIO } from './io'
import { closeAllServices } from './open-folders'

let stdoutClosed = false
/** Set by a signal: the exit code wins over the command's own. */
let interrupted: number | null = null

// `cli … | head` closes the pipe early: stop writing, and let the command finish and close the
// folder normally (exiting here would leave the lock behind).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    stdoutClosed = true
  })
}

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143]
] as const) {
  process.on(signal, () => {
    if (interrupted !== null) process.exit(interrupted) // a second Ctrl-C: out now
    interrupted = code
    // New changes are refused from here on; those under way finish, then the lock goes.
    const force = setTimeout(() => process.exit(code), 5000)
    force.unref()
    void closeAllServices().finally(() => process.exit(code))
  })
}

const write = (stream: NodeJS.WriteStream) => (text: string) => {
  if (!stdoutClosed) stream.write(text)
}

const io: CliIO = {
  stdout: write(process.stdout),
  stderr: write(process.stderr),
  readStdin: async () => {
    const chunks: Buffer[] = []
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks).toString('utf8')
  },
  cwd: process.cwd(),
  env: process.env
}

void runCli(process.argv.slice(2), io).then((code) => {
  process.exitCode = interrupted ?? code
})
