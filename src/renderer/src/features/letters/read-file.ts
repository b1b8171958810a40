// A proof-of-delivery file picked in the window travels as base64 within the 10 MB payload limit:
// about 7 MB of file.
const MAX_PROOF_BYTES = 7 * 1024 * 1024

export function refusalOf(file: { name: string; size: number }): string | null {
  return file.size > MAX_PROOF_BYTES ? `${file.name} is larger than 7 MB; attach the proof to the sent event with the command line (attachments add) instead.` : null
}

export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onerror = () => reject(new Error(`The file could not be read: ${reader.error?.message ?? 'unknown error'}`))
    reader.onload = () => {
      const url = String(reader.result)
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.readAsDataURL(file)
  })
}
