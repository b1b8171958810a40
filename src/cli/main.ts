// Process entry point for `npm run cli`: binds the real stdin/stdout/stderr and exit code.
import { runCli } from './index'
import type { CliIO } from './io'

// `cli … | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })
}

const io: CliIO = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = []
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks).toString('utf8')
  },
  cwd: process.cwd(),
  env: process.env
}

void runCli(process.argv.slice(2), io).then((code) => {
  process.exitCode = code
})
