/** The readable message of anything thrown by `call()` (an ApiError) or by our own code. */
export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message
  return String(e)
}
