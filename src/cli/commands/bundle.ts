// `bundle`: the complaint evidence bundle for one case.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { UsageError, type CommandGroup } from '../io'
import { printJson } from '../output'
import { withChannels } from '../channels'

export const bundleCommand: CommandGroup = {
  name: 'bundle',
  channels: ['interop.bundle'],
  help: `Usage: access-advocate bundle --case ID --out FILE.zip [--minimum-necessary] [--exclude A,B]

  The chronology (DOCX and CSV, with day counts), every attachment renamed
  Exhibit-<label>-<date>-<description>.<ext> in exhibit order, and MANIFEST.txt: check the unpacked
  bundle with  sha256sum -c MANIFEST.txt
  --minimum-necessary   write [withheld] for the date of birth and the patient's identifiers
  --exclude A,B         leave those exhibits out`,
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { case: { type: 'string' }, out: { type: 'string' }, 'minimum-necessary': { type: 'boolean' }, exclude: { type: 'string' } } })
    if (!values.case) throw new UsageError('bundle: --case ID is required')
    if (!values.out) throw new UsageError('bundle: --out FILE.zip is required')
    const out = resolve(ctx.io.cwd, values.out)
    const minimum = values['minimum-necessary'] === true
    return withChannels(ctx, async (invoke) => {
      const r = await invoke('interop.bundle', {
        caseId: values.case,
        out,
        ...(values.exclude && { exclude: values.exclude.split(',').map((x) => x.trim()).filter(Boolean) }),
        ...(minimum && { withholdDateOfBirth: true, withholdIdentifiers: true })
      })
      if (ctx.json) printJson(ctx, { path: r.path, files: r.files, exhibits: r.exhibits, excluded: r.excluded, packetIncluded: r.packetIncluded, packetNote: r.packetNote })
      else ctx.io.stdout(`Wrote ${out}: ${r.exhibits.length} exhibit(s)${r.excluded.length ? `, ${r.excluded.length} left out` : ''}${r.packetIncluded ? ', with the OCR complaint packet' : `; the OCR complaint packet is not included (${r.packetNote ?? 'see README.txt'})`}${r.packetIncluded && r.packetNote ? ` (${r.packetNote})` : ''}. Check it with: sha256sum -c MANIFEST.txt\n`)
      return 0
    })
  }
}
