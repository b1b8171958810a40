import { describe, expect, it, vi } from 'vitest'
import { createRouter, type Handlers } from './router'
import { MAX_PAYLOAD_BYTES } from '#shared/contract'

function setup() {
  const info = vi.fn(() => ({ name: 'Access Advocate', version: '1.0.0', dataDir: '/d', rulesVersion: 'r1', encrypted: false, filesUrl: 'aa-file://' }))
  const handlers = { 'app.info': info } as unknown as Handlers
  const logError = vi.fn()
  return { router: createRouter(handlers, { validateOutput: true, logError }), info, logError }
}

describe('router', () => {
  it('answers a known channel with its handler result', async () => {
    const { router, info } = setup()
    await expect(router.invoke('app.info', {})).resolves.toEqual({
      ok: true,
      value: { name: 'Access Advocate', version: '1.0.0', dataDir: '/d', rulesVersion: 'r1', encrypted: false, filesUrl: 'aa-file://' }
    })
    expect(info).toHaveBeenCalledOnce()
  })

  it('refuses an unknown channel with a typed error and runs no handler', async () => {
    const { router, info } = setup()
    const result = await router.invoke('patients.deleteAll', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
    expect(info).not.toHaveBeenCalled()
  })

  it('refuses names inherited from Object.prototype', async () => {
    const { router } = setup()
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 42, null]) {
      expect(await router.invoke(name, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
    }
  })

  it('refuses input of the wrong type, naming the problem, without running the handler', async () => {
    const { router, info } = setup()
    const wrongType = await router.invoke('app.info', 'hello')
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const extraField = await router.invoke('app.info', { dropTables: true })
    expect(extraField).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('dropTables') } })
    expect(info).not.toHaveBeenCalled()
  })

  it('refuses a payload over 10 MB before parsing it', async () => {
    const { router, info } = setup()
    const big = { note: 'x'.repeat(MAX_PAYLOAD_BYTES + 1) }
    expect(await router.invoke('app.info', big)).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } })
    const manySmall = { list: Array.from({ length: 200_000 }, () => 'y'.repeat(60)) }
    expect(await router.invoke('app.info', manySmall)).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } })
    expect(info).not.toHaveBeenCalled()
  })

  it('refuses prototype-pollution keys anywhere in the input', async () => {
    const { router, info } = setup()
    const viaJson = JSON.parse('{"a":{"__proto__":{"polluted":true}}}') as unknown
    expect(await router.invoke('app.info', viaJson)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('__proto__') } })
    expect(await router.invoke('app.info', { constructor: { prototype: { polluted: true } } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('constructor') }
    })
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(info).not.toHaveBeenCalled()
  })

  it('refuses non-plain values and absurd nesting', async () => {
    const { router } = setup()
    expect(await router.invoke('app.info', { when: new Date() })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    let deep: Record<string, unknown> = {}
    const top = deep
    for (let i = 0; i < 100; i++) deep = deep['n'] = {}
    expect(await router.invoke('app.info', top)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('nested') } })
  })

  it('turns an unexpected handler failure into a readable INTERNAL error without a stack trace', async () => {
    const logError = vi.fn()
    const router = createRouter({ 'app.info': () => { throw new TypeError('boom') } } as unknown as Handlers, { logError })
    const result = await router.invoke('app.info', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(JSON.stringify(result)).not.toMatch(/\bat .*\.ts:\d+/)
    expect(logError).toHaveBeenCalledWith('app.info', expect.any(TypeError))
  })

  it('reports a handler that breaks its output contract when output validation is on', async () => {
    const router = createRouter({ 'app.info': () => ({ name: 'x' }) } as unknown as Handlers, { validateOutput: true, logError: () => {} })
    expect(await router.invoke('app.info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })
})
