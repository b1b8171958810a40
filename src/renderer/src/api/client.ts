// The renderer's only way to reach the services. Results come back as data; failures become an
// ApiError carrying the readable message the main process produced.
import type { AppErrorValue } from '#shared/errors'
import type { Channel, ChannelInput, ChannelOutput } from '#shared/contract'

export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(readonly value: AppErrorValue) {
    super(value.message)
  }
  get code(): AppErrorValue['code'] {
    return this.value.code
  }
}

export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await window.api.invoke(channel, input)
  if (!result.ok) throw new ApiError(result.error)
  return result.value
}
