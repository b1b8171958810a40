// The closed list of denial grounds a practice-side denial may give; free text alone is refused.
/** The grounds a written denial may give (45 CFR 164.524(a)(2) unreviewable, (a)(3) reviewable). */
export const DENIAL_GROUNDS = {
  'psychotherapy-notes': { label: 'psychotherapy notes', reviewable: false },
  'legal-proceedings': { label: 'information compiled for a legal proceeding', reviewable: false },
  inmate: { label: 'an inmate\u2019s request that would endanger safety', reviewable: false },
  research: { label: 'research that includes treatment, while the research is in progress', reviewable: false },
  'privacy-act': { label: 'records covered by the Privacy Act', reviewable: false },
  'confidential-source': { label: 'information obtained from someone else under a promise of confidentiality', reviewable: false },
  endangerment: { label: 'a licensed professional has determined that access is reasonably likely to endanger life or physical safety', reviewable: true },
  'reference-to-another': { label: 'the records refer to another person and a licensed professional has determined access is reasonably likely to cause that person substantial harm', reviewable: true },
  'personal-representative': { label: 'a licensed professional has determined that access by the personal representative is reasonably likely to cause substantial harm', reviewable: true }
} as const
export type DenialGround = keyof typeof DENIAL_GROUNDS
