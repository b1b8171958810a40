import { buildLetter, BUILT_IN_TEMPLATES } from '../src/core/letters'
import { renderDocx } from '../src/services/letters/docx'
import { renderDocx as oldRender } from './_prof_docx_old'
import { sources, OVERDUE_EVENTS } from '../src/core/letters/test-fixtures'
async function main() {
  const t = BUILT_IN_TEMPLATES.find((x) => x.id === (process.argv[2] ?? 'privacy-officer-escalation'))!
  const r = buildLetter(t, sources(true, OVERDUE_EVENTS(true), '2026-11-25', { values: { 'holder.privacyOfficer': 'Dana' } }))
  if (!r.ok) throw new Error('x')
  const fns = { old: () => oldRender(r.document), now: () => renderDocx(r.document) } as Record<string, () => Promise<Uint8Array>>
  for (let i = 0; i < 10; i++) for (const f of Object.values(fns)) await f()
  const cpu: Record<string, number[]> = {}
  for (let i = 0; i < 60; i++) for (const [k, f] of Object.entries(fns)) { const c0 = process.cpuUsage(); await f(); const c = process.cpuUsage(c0); (cpu[k] ??= []).push((c.user + c.system) / 1000) }
  for (const [k, v] of Object.entries(cpu)) { v.sort((a, b) => a - b); console.log(k, 'cpu median', v[30]!.toFixed(2)) }
  console.log('sizes', (await fns.old!()).length, (await fns.now!()).length)
}
void main()
