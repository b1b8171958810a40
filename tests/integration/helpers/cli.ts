import { runCli } from '../../../src/cli/index'
import type { CliIO } from '../../../src/cli/io'

export type CliRun = { code: number; stdout: string; stderr: string }

/** Runs the command line in-process, exactly as `npm run cli` would, capturing its output. */
export async function cli(args: string[], options: { stdin?: string; env?: Record<string, string>; cwd?: string } = {}): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => options.stdin ?? '',
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {}
  }
  const code = await runCli(args, io)
  return { code, stdout, stderr }
}
