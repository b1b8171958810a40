// Checks a value from the renderer before any schema sees it: bounded size, plain data only, and no
// keys that could pollute prototypes if some later code merged it into an object.
import { MAX_PAYLOAD_BYTES } from '#shared/limits'
import { AppError } from '#shared/errors'

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])
const MAX_DEPTH = 64

export function guardPayload(value: unknown, maxBytes = MAX_PAYLOAD_BYTES): void {
  let bytes = 0
  const stack: Array<{ v: unknown; path: string; depth: number }> = [{ v: value, path: 'input', depth: 0 }]
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop()!
    if (depth > MAX_DEPTH) throw new AppError('INVALID_INPUT', `${path}: nested more than ${MAX_DEPTH} levels deep`)
    // UTF-8, as the call is serialised (base64 is one byte a character, not two).
    if (typeof v === 'string') bytes += Buffer.byteLength(v, 'utf8')
    else if (v === null || typeof v === 'number' || typeof v === 'boolean' || v === undefined) bytes += 8
    else if (v instanceof Uint8Array) bytes += v.byteLength
    else if (Array.isArray(v)) {
      bytes += 8
      v.forEach((item, i) => stack.push({ v: item, path: `${path}[${i}]`, depth: depth + 1 }))
    } else if (typeof v === 'object') {
      const proto = Object.getPrototypeOf(v)
      if (proto !== Object.prototype && proto !== null) {
        throw new AppError('INVALID_INPUT', `${path}: only plain data may be sent`)
      }
      for (const key of Reflect.ownKeys(v)) {
        if (typeof key !== 'string') throw new AppError('INVALID_INPUT', `${path}: symbol keys are not allowed`)
        if (FORBIDDEN_KEYS.has(key)) {
          throw new AppError('INVALID_INPUT', `${path}: the key "${key}" is not allowed`, { key })
        }
        bytes += key.length * 2
        stack.push({ v: (v as Record<string, unknown>)[key], path: `${path}.${key}`, depth: depth + 1 })
      }
    } else {
      throw new AppError('INVALID_INPUT', `${path}: values of type ${typeof v} cannot be sent`)
    }
    if (bytes > maxBytes) {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `The request is larger than ${Math.round(maxBytes / 1024 / 1024)} MB. Attach large files by choosing them, not by pasting their content.`,
        { limitBytes: maxBytes }
      )
    }
  }
}
