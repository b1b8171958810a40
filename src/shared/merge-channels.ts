// Joins the channel groups into one contract. An object spread would let a second channel with
// the same name silently replace the first; this refuses, so the clash fails at start-up (and in
// the first test that loads the contract), never in a user's hands.
import type { ChannelSpec } from './channels/channel'

type Groups = ReadonlyArray<Record<string, ChannelSpec>>
type Merged<G extends Groups> = G extends readonly [infer H, ...infer T extends Groups] ? H & Merged<T> : unknown

export class DuplicateChannelError extends Error {
  override readonly name = 'DuplicateChannelError'
}

export function mergeChannels<G extends Groups>(...groups: G): Merged<G> {
  const merged: Record<string, ChannelSpec> = {}
  for (const group of groups) {
    for (const [name, spec] of Object.entries(group)) {
      if (Object.prototype.hasOwnProperty.call(merged, name)) {
        throw new DuplicateChannelError(`The contract defines the channel "${name}" twice; each channel name must be unique.`)
      }
      merged[name] = spec
    }
  }
  return merged as Merged<G>
}
