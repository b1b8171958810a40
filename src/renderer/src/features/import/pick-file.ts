// Files for an import are picked in the system's file dialog by the main process; the window gets a
// token standing for the file (never its path or its bytes) and hands the token to the channel.
import type { PickedFile } from '#shared/files'
import { call } from '../../api/client'

export async function pickFile(): Promise<PickedFile | null> {
  const { files } = await call('files.pick', { multiple: false })
  return files[0] ?? null
}

export async function pickFiles(): Promise<PickedFile[]> {
  return (await call('files.pick', { multiple: true })).files
}
