// The template language: Mustache, line by line. Mustache is logic-less (names, sections and
// inverted sections; no expressions, no helpers, no code), so a template a user edits can never run
// code. On top of it this file adds what a letter needs: every name must be a known merge field or
// citation (an unknown one is an error naming it), partials and delimiter changes are refused, and
// a line whose field has no value is reported (required) or dropped whole (optional).
import Mustache from 'mustache'
import { CITATIONS, type CitationId } from './citations'
import { FIELD_PATHS } from './catalogue'
import { lookup, type Facts } from './facts'

export class TemplateError extends Error {
  override readonly name = 'TemplateError'
}

type Token = [string, string, number, number, Token[]?, number?]

const isCitation = (id: string): id is CitationId => Object.prototype.hasOwnProperty.call(CITATIONS, id)

/** What a name means: a citation sentence or citation string, or a merge field. */
export function checkName(name: string, where: string): void {
  const [head, id, extra] = name.split('.')
  if ((head === 'law' || head === 'cite') && id && !extra) {
    if (!isCitation(id)) throw new TemplateError(`${where}: "${name}" is not in the citation table`)
    return
  }
  if (!FIELD_PATHS.has(name)) throw new TemplateError(`${where}: "{{${name}}}" is not a merge field`)
}

function parse(line: string, where: string): Token[] {
  let tokens: Token[]
  try {
    tokens = Mustache.parse(line) as unknown as Token[]
  } catch (error) {
    throw new TemplateError(`${where}: ${(error as Error).message} (a section must open and close on the same line)`)
  }
  const walk = (list: Token[]) => {
    for (const t of list) {
      const [kind, name] = t
      if (kind === 'text') continue
      if (kind === '>' || kind === '=' || kind === '<' || kind === '$') throw new TemplateError(`${where}: partials and delimiter changes are not allowed`)
      if (kind === '!') continue
      checkName(name, where)
      if ((kind === '#' || kind === '^') && t[4]) walk(t[4])
    }
  }
  walk(tokens)
  return tokens
}

/** Every name a line uses (for validation and for listing a template's fields). */
export function namesIn(line: string, where = 'template'): string[] {
  const out: string[] = []
  const walk = (list: Token[]) => {
    for (const t of list) {
      if (t[0] === 'text' || t[0] === '!') continue
      out.push(t[1])
      if (t[4]) walk(t[4])
    }
  }
  walk(parse(line, where))
  return out
}

function valueOf(facts: Facts, name: string): string | boolean | undefined {
  const [head, id] = name.split('.') as [string, string]
  if (head === 'law' && isCitation(id)) return CITATIONS[id].statement
  if (head === 'cite' && isCitation(id)) return CITATIONS[id].cite
  return lookup(facts, name)
}

/** The fields a line would print with the facts given, following only the sections that are taken. */
function neededFields(tokens: Token[], facts: Facts): string[] {
  const out: string[] = []
  for (const t of tokens) {
    const [kind, name] = t
    if (kind === 'name' || kind === '&') out.push(name)
    else if (kind === '#' || kind === '^') {
      const v = valueOf(facts, name)
      const truthy = v !== undefined && v !== false && v !== ''
      if ((kind === '#') === truthy) out.push(...neededFields(t[4] ?? [], facts))
    }
  }
  return out
}

const LAW = Object.fromEntries(Object.entries(CITATIONS).map(([id, c]) => [id, c.statement]))
const CITE = Object.fromEntries(Object.entries(CITATIONS).map(([id, c]) => [id, c.cite]))
const views = new WeakMap<Facts, Record<string, unknown>>()
function viewOf(facts: Facts): Record<string, unknown> {
  let view = views.get(facts)
  if (!view) {
    view = { ...facts, law: LAW, cite: CITE }
    views.set(facts, view)
  }
  return view
}

export type LineResult = { text: string } | { missing: string[] } | { dropped: true }

/** Renders one line: its text, the required fields it lacks, or dropped (an optional field is empty). */
export function renderLine(line: string, facts: Facts, required: ReadonlySet<string>, where: string): LineResult {
  const tokens = parse(line, where)
  const empty = neededFields(tokens, facts).filter((n) => valueOf(facts, n) === undefined)
  const missing = empty.filter((n) => required.has(n))
  if (missing.length > 0) return { missing }
  if (empty.length > 0) return { dropped: true }
  const view = viewOf(facts)
  // Letters are text, not HTML: the renderers escape for their own format.
  const text = Mustache.render(line, view, {}, { escape: (s: string) => s }).replace(/\s+/g, ' ').trim()
  return text === '' ? { dropped: true } : { text }
}
