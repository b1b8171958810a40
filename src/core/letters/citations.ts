// The one citation table: every legal statement a letter makes, with the paragraph of the rule it
// rests on. Templates never type a citation or a rule; they name an entry (`{{law.id}}` for the
// sentence, `{{cite.id}}` for the citation alone), and a test checks every template against this
// table. A correction to a paragraph number is a change in one place.
import { COMPLAINT_WINDOW, FEES, HIPAA_ACCESS, HIPAA_ACCOUNTING, HIPAA_AMENDMENT, ACCESS_CITATIONS } from '../rules'
import { money } from './dates'

export type CitationEntry = {
  /** The citation as letters print it: "45 CFR 164.524(b)(2)". One style throughout (no periods, no §). */
  cite: string
  /** What the cited paragraph provides, in our words: for the reviewer checking the table against the eCFR. */
  paragraph: string
  /** The sentence a letter prints, ending with its citation in parentheses. */
  statement: string
  /** Set where the paragraph number or wording has not been checked against the current eCFR. */
  verify?: string
}

const VERIFY_B2 = 'The lettering of 164.524(b)(2) (grant / deny / extension) was read from the 2003 text; check the current eCFR.'
const flatFee = money(FEES.flatFeeCents / 100)

const entry = (cite: string, paragraph: string, sentence: string, verify?: string): CitationEntry => ({
  cite,
  paragraph,
  statement: `${sentence} (${cite}).`,
  ...(verify ? { verify } : {})
})

export const CITATIONS = {
  accessRight: entry('45 CFR 164.524(a)(1)', 'An individual has a right of access to inspect and obtain a copy of PHI about the individual in a designated record set.', 'An individual has the right to inspect and obtain a copy of the protected health information about them in the designated record set'),
  designatedRecordSet: entry('45 CFR 164.501', 'Definition of designated record set: medical and billing records and records used to make decisions about individuals.', 'The designated record set includes medical records, billing records and any other records used to make decisions about the individual'),
  accessDeadline: entry(HIPAA_ACCESS.citation, 'The covered entity must act on a request for access no later than 30 days after receipt.', `A covered entity must act on a request for access no later than ${HIPAA_ACCESS.days} days after receiving it`),
  accessExtension: entry('45 CFR 164.524(b)(2)(iii)', 'One extension of no more than 30 days, by written notice within the original time limit stating the reasons for the delay and the date by which the entity will act.', `The time may be extended once, by no more than ${HIPAA_ACCESS.extension?.days ?? 0} days, and only by a written notice given within the original time limit that states the reasons for the delay and the date by which the entity will act`, VERIFY_B2),
  oneExtension: entry('45 CFR 164.524(b)(2)(iii)(B)', 'Only one extension of the time for action is permitted.', 'Only one extension is permitted for a request', VERIFY_B2),
  formAndFormat: entry(ACCESS_CITATIONS.format, 'Access in the form and format requested if readily producible; an electronic copy of electronically kept PHI if requested.', 'The covered entity must provide the copy in the form and format requested if it is readily producible in that form and format, and, for records kept electronically, an electronic copy in a readable electronic form and format agreed with the individual if not the one requested'),
  manner: entry(ACCESS_CITATIONS.manner, 'The covered entity may require requests in writing if it informs individuals of that requirement.', 'A covered entity may require a written request only if it has told individuals of that requirement'),
  thirdPartyDirective: entry('45 CFR 164.524(c)(3)(ii)', 'A direction to transmit a copy to another person must be in writing, signed by the individual, and clearly identify the designated person and where to send the copy.', 'A direction to send a copy to another person must be in writing, signed by the individual, and clearly identify the designated person or entity and where to send the copy'),
  fees: entry(FEES.citation, 'A reasonable, cost-based fee that includes only labor for copying, supplies, postage and an agreed summary.', 'A fee for a copy may include only the cost of labor for copying, supplies, postage and, if agreed, preparing a summary'),
  feeAdvance: entry(FEES.advanceSource, 'The approximate fee must be given to the individual in advance.', 'The individual must be told the approximate fee in advance; failing to do so is an unreasonable measure that may be a barrier to access'),
  flatFee: entry(FEES.flatFeeSource, `A flat fee of no more than ${flatFee} is permitted for an electronic copy of electronically kept PHI, in place of calculating cost.`, `For an electronic copy of records kept electronically, a flat fee may be charged instead, of no more than ${flatFee}`),
  noSearchFee: entry(`${FEES.citation}; HHS access guidance (2016); ${FEES.selfOnlySource}`, 'Labor for search, retrieval and review may not be included in the fee; the guidance was upheld as interpretive in Ciox.', 'Labor for searching for, retrieving or reviewing the records may not be charged'),
  noPerPageElectronic: entry(`${FEES.citation}; HHS access guidance (2016)`, 'Per-page fees are not permitted for electronic copies of electronically kept PHI.', 'A per-page fee may not be charged for an electronic copy of records kept electronically'),
  stateFeeNoOverride: entry(`${FEES.citation}; HHS access guidance (2016)`, 'Costs not listed in (c)(4) may not be charged even if state law authorises them.', 'Costs other than those listed may not be charged even if state law authorises them'),
  ciox: entry(FEES.selfOnlySource, 'The patient-rate fee limit applies only to the individual\u2019s own copy, not to a direction to send records to a third party.', 'The fee limits for an individual\u2019s own copy do not govern a direction to send records to a third party'),
  identity: entry('45 CFR 164.514(h)', 'The covered entity must verify the identity of a person requesting PHI.', 'A covered entity must verify the identity of the person asking, by reasonable means that do not delay access'),
  personalRepresentative: entry('45 CFR 164.502(g)', 'A personal representative is treated as the individual.', 'A personal representative must be treated as the individual for the purposes of the Privacy Rule'),
  accessRecordsKept: entry('45 CFR 164.524(e)', 'The covered entity must document the titles of the persons or offices responsible for receiving and processing requests for access.', 'A covered entity must keep a record of the titles of the persons or offices responsible for receiving and processing access requests'),
  privacyOfficial: entry('45 CFR 164.530(a)(1)', 'A covered entity must designate a privacy official and a contact person or office to receive complaints.', 'A covered entity must designate a privacy official and a contact person or office responsible for receiving complaints'),
  complaintToSecretary: entry('45 CFR 160.306', 'Any person may file a complaint with the Secretary of HHS.', 'Any person who believes a covered entity is not complying with the Privacy Rule may file a complaint with the Secretary of Health and Human Services'),
  complaintWindow: entry(COMPLAINT_WINDOW.citation, 'A complaint must be filed within 180 days of when the complainant knew or should have known of the act or omission; the Secretary may waive this for good cause.', `A complaint must be filed within ${COMPLAINT_WINDOW.days} days of when the complainant knew or should have known of the act or omission`),
  goodCause: entry(COMPLAINT_WINDOW.citation, 'The Secretary may waive the 180-day time limit if good cause is shown.', 'The Secretary may waive the time limit if good cause is shown'),
  complaintToEntity: entry('45 CFR 164.530(d)', 'A covered entity must provide a process for individuals to make complaints to it.', 'A covered entity must provide a process for individuals to complain to it'),
  nonRetaliation: entry('45 CFR 164.530(g)', 'A covered entity may not intimidate, threaten, coerce, discriminate against or retaliate against a person for exercising a right or filing a complaint.', 'A covered entity may not intimidate, threaten or retaliate against anyone for exercising a right under the Privacy Rule or filing a complaint'),
  denialReview: entry('45 CFR 164.524(a)(4)', 'For a reviewable ground, the individual may have the denial reviewed by a licensed health care professional designated by the covered entity who did not take part in the original decision.', 'The individual may have a denial on a reviewable ground reviewed by a licensed health care professional, designated by the covered entity, who did not take part in the original decision'),
  reviewProcess: entry('45 CFR 164.524(d)(4)', 'The request for review must be promptly referred to the reviewing official, who decides within a reasonable time; the covered entity must promptly give written notice of the determination and act on it.', 'The covered entity must promptly refer a request for review to the reviewing official, who must decide within a reasonable time, and must then promptly give written notice of the decision and carry it out'),
  accessNotDenied: entry('45 CFR 164.524(d)(1)', 'Access must be given to any other PHI requested after excluding the part denied.', 'Access must be given to everything else requested, after excluding only the part denied'),
  denialContents: entry(ACCESS_CITATIONS.denialContents, 'A denial must be timely, in plain language, and state the basis, review rights where they apply, and how to complain to the entity and to HHS, with the contact\u2019s name or title and telephone number.', 'A written denial must be in plain language and state the basis for the denial, any right to have it reviewed and how to exercise it, and how to complain to the covered entity and to the Secretary, including the name or title and telephone number of the contact person or office'),
  denialElsewhere: entry('45 CFR 164.524(d)(3)', 'If the covered entity does not maintain the PHI but knows where it is, it must tell the individual where to direct the request.', 'If the covered entity does not hold the records but knows who does, it must say where to direct the request', 'The wording of (d)(3) was not re-read.'),
  unreviewableGrounds: entry('45 CFR 164.524(a)(2)', 'Grounds for denial without a right of review.', 'Some grounds for denial carry no right of review'),
  reviewableGrounds: entry('45 CFR 164.524(a)(3)', 'Grounds for denial that the individual may have reviewed: endangerment, reference to another person, a personal representative.', 'A denial on the ground of endangerment, reference to another person or a personal representative may be reviewed'),
  amendmentRight: entry('45 CFR 164.526(a)(1)', 'An individual has the right to have a covered entity amend PHI in a designated record set.', 'An individual has the right to ask a covered entity to amend protected health information about them in the designated record set'),
  amendmentWritten: entry('45 CFR 164.526(b)(1)', 'The covered entity may require a written request with a reason if it informs individuals in advance.', 'A covered entity may require a written request that gives a reason, if it has told individuals so in advance'),
  amendmentDeadline: entry(HIPAA_AMENDMENT.citation, 'The covered entity must act no later than 60 days after receipt; one extension of no more than 30 days by written statement of reasons and date.', `A covered entity must act on a request for amendment no later than ${HIPAA_AMENDMENT.days} days after receiving it, with one extension of no more than ${HIPAA_AMENDMENT.extension?.days ?? 0} days by a written statement of the reasons and the date`),
  amendmentAccepted: entry('45 CFR 164.526(c)', 'On acceptance the covered entity must amend, inform the individual and make reasonable efforts to inform the persons identified.', 'If it accepts the amendment, the covered entity must make it, tell the individual, and make reasonable efforts to inform the persons the individual identifies and others who rely on the information', 'The wording of (c) was not re-read.'),
  amendmentDenial: entry('45 CFR 164.526(d)(1)', 'A denial of amendment must state the basis, the right to submit a statement of disagreement, and how to complain to the entity and to HHS.', 'A denial of an amendment must state its basis, the right to submit a statement of disagreement and how, and how to complain to the covered entity and to the Secretary'),
  amendmentGrounds: entry('45 CFR 164.526(a)(2)', 'Grounds on which an amendment may be denied.', 'An amendment may be denied only if the information was not created by the covered entity, is not part of the designated record set, would not be available for inspection, or is accurate and complete'),
  accountingRight: entry('45 CFR 164.528(a)(1)', 'An individual has a right to an accounting of disclosures in the six years before the request, with listed exceptions.', 'An individual has the right to an accounting of disclosures of their protected health information in the six years before the request, except those the rule excludes'),
  accountingContent: entry('45 CFR 164.528(b)(2)', 'Each disclosure: date, recipient and address if known, description of the PHI, purpose.', 'For each disclosure the accounting must give its date, the recipient and their address if known, a brief description of the information disclosed and a brief statement of the purpose'),
  accountingDeadline: entry(HIPAA_ACCOUNTING.citation, 'The covered entity must act no later than 60 days after receipt; one 30-day extension with a written statement of reasons and date.', `A covered entity must provide the accounting no later than ${HIPAA_ACCOUNTING.days} days after receiving the request, with one extension of no more than ${HIPAA_ACCOUNTING.extension?.days ?? 0} days by a written statement of the reasons and the date`),
  accountingFee: entry('45 CFR 164.528(c)(2)', 'The first accounting in any 12-month period is free; later ones at a reasonable cost-based fee disclosed in advance.', 'The first accounting in any 12-month period must be provided without charge; a later one may carry a reasonable cost-based fee only if the individual is told in advance and may withdraw or narrow the request'),
  informationBlocking: entry('45 CFR 171.103', 'Information blocking: a practice likely to interfere with access, exchange or use of electronic health information.', 'A practice that is likely to interfere with the access, exchange or use of electronic health information may constitute information blocking'),
  informationBlockingActors: entry('45 CFR 171.102', 'Actors: health care providers, health IT developers of certified health IT, and health information networks or exchanges.', 'The information blocking rules apply to health care providers, developers of certified health IT, and health information networks and exchanges')
} as const satisfies Record<string, CitationEntry>

export type CitationId = keyof typeof CITATIONS
export const CITATION_IDS = Object.keys(CITATIONS) as CitationId[]
