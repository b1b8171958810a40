// The letter's signature: the signer's name, then the lines the user keeps under a signature
// (settings' signature block) or else the signer's role, then the office signed for. The block is
// the user's own text, printed line by line as typed (never read as a template); it belongs to the
// person in settings, so it is printed only when that person signs (an advocate, or a practice's
// staff), not when the patient writes for themselves.

export type SignatureParts = {
  name?: string | undefined
  role?: string | undefined
  /** The office signed for (a practice's own name, or the office an advocate works for). */
  org?: string | undefined
  signatureBlock?: string | undefined
  /** True when the person named in settings signs, so their signature block applies. */
  signerIsUser: boolean
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()

export function signatureLines(p: SignatureParts): string[] {
  const block = p.signerIsUser && p.signatureBlock ? p.signatureBlock.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0) : []
  const out: string[] = []
  const add = (l: string | undefined) => {
    if (l && l.trim().length > 0 && !out.some((x) => same(x, l))) out.push(l.trim())
  }
  add(p.name)
  if (block.length > 0) block.forEach(add)
  else add(p.role)
  add(p.org)
  return out
}
