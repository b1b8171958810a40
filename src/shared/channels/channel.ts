import type { z } from 'zod'

/** One IPC channel: what the renderer may send and what it gets back. */
export type ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = {
  input: I
  output: O
}

export const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): ChannelSpec<I, O> => ({
  input,
  output
})
