// A problem with the facts given to the clock that the schema cannot see (an event before receipt,
// an unknown profile). `path` names the field the way a user wrote it: `events[2].date`.
export class ClockInputError extends Error {
  override readonly name = 'ClockInputError'
  constructor(
    readonly path: string,
    readonly problem: string
  ) {
    super(`${path}: ${problem}`)
  }
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out === '' ? '(input)' : out
}
