// `--set FIELD=VALUE` names a field by a word the user types: "__proto__", "constructor" or
// "prototype" would set an object's prototype instead of a field and vanish silently, so they (and
// anything that is not a plain field name) are refused with what to write instead.
import { UsageError } from './io'

const FIELD = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/
const RESERVED = new Set(['__proto__', 'constructor', 'prototype'])

/** The field name of one `--set` pair, checked; throws a UsageError (exit 2) naming the pair. */
export function setFieldName(pair: string, key: string): string {
  if (key.split('.').some((part) => RESERVED.has(part))) {
    throw new UsageError(`--set ${pair}: "${key}" is not a field name any record has; name the field to set, e.g. --set amount=25`)
  }
  if (!FIELD.test(key)) throw new UsageError(`--set ${pair}: "${key}" is not a field name (letters, digits, _ and -, parts joined by dots)`)
  return key
}
