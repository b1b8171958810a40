import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { channel } from './channels/channel'
import { DuplicateChannelError, mergeChannels } from './merge-channels'
import { CHANNELS } from './contract'

const a = { 'x.one': channel(z.object({}), z.string()) }
const b = { 'x.two': channel(z.object({}), z.number()) }

describe('mergeChannels', () => {
  it('joins groups and keeps every channel', () => {
    expect(Object.keys(mergeChannels(a, b))).toEqual(['x.one', 'x.two'])
  })

  it('refuses a channel name defined twice, naming it', () => {
    const again = { 'x.one': channel(z.object({}), z.boolean()) }
    expect(() => mergeChannels(a, b, again)).toThrow(DuplicateChannelError)
    expect(() => mergeChannels(a, again)).toThrow(/"x\.one" twice/)
  })

  it('the real contract loaded without a clash', () => {
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length)
    expect(CHANNELS.length).toBeGreaterThan(30)
  })
})
