// The data folders this process has open (or is opening), so a signal or a closed pipe can still
// release their locks. Kept apart from services.ts on purpose: the process entry imports this at
// start-up, and importing services.ts would load the whole store and every service (and the clock
// engine's holiday calendars) before `info` or `--help` could answer.
type Closable = { close: () => Promise<void> }

const openNow = new Set<Promise<Closable>>()

/** Closes every folder this process has open (waiting for writes under way), releasing the locks. */
export async function closeAllServices(): Promise<void> {
  await Promise.allSettled([...openNow].map(async (opening) => (await opening).close()))
}

/** Remembers a folder while it opens and stays open; a failed open is forgotten at once. */
export async function tracked<T extends Closable>(opening: Promise<T>): Promise<T> {
  openNow.add(opening)
  try {
    return await opening
  } catch (e) {
    openNow.delete(opening)
    throw e
  }
}

/** Forgets a folder once it is closed. */
export async function untrack(closed: Closable): Promise<void> {
  for (const opening of openNow) if ((await opening.catch(() => null)) === closed) openNow.delete(opening)
}
