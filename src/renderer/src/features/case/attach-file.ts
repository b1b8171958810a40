// Files picked in the window travel to the services as base64 text over IPC, whose payload limit is
// 10 MB: base64 grows a file by a third, so about 7 MB of file is the most one call can carry.
import { MAX_WINDOW_ATTACHMENT_BYTES } from '../../../../shared/contract'
import { formatBytes } from '../../ui/format'

/** From the contract, so the window and the router's payload guard agree. */
export const MAX_ATTACH_BYTES = MAX_WINDOW_ATTACHMENT_BYTES

/** Why a file cannot be attached from the window, or null if it can. */
export function refusalOf(file: { name: string; size: number }): string | null {
  if (file.size > MAX_ATTACH_BYTES) {
    return `${file.name} is ${formatBytes(file.size)}; files of up to ${formatBytes(MAX_ATTACH_BYTES)} can be attached from the window. Attach larger files with the command line (attachments add), or keep them in the holder's portal and note where.`
  }
  return null
}

/** The file's bytes as base64 (no data: prefix). */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onerror = () => reject(new Error(`The file could not be read: ${reader.error?.message ?? 'unknown error'}`))
    reader.onload = () => {
      const url = String(reader.result)
      const comma = url.indexOf(',')
      resolve(comma >= 0 ? url.slice(comma + 1) : '')
    }
    reader.readAsDataURL(file)
  })
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
