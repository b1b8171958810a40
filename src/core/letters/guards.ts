// Safeguards a letter's legal content depends on, keyed by the built-in template a letter derives
// from (a user's copy keeps its base's safeguards): the generator refuses rather than send a letter
// that misstates the law or would itself be ineffective.
import { lookup, type Facts, type LetterSources } from './facts'
import { DENIAL_GROUNDS } from './grounds'
import type { LetterTemplate } from './template'


export function checkGuards(t: LetterTemplate, src: LetterSources, facts: Facts): string | null {
  const kind = src.case.requestKind
  switch (t.base) {
    case 'fee-dispute':
    case 'practice-fee-estimate':
      if (kind !== 'access-self') return 'This letter applies the fee limits for an individual\u2019s own copy; after Ciox Health v. Azar they do not govern a third-party directive or an authorization, so it is not offered for this case.'
      return null
    case 'denial-review':
      if (lookup(facts, 'flags.reviewable') !== true) return 'The denial is not recorded as on a reviewable ground (45 CFR 164.524(a)(3)); use the overdue notice or the OCR complaint instead, or record the denial as reviewable.'
      return null
    case 'practice-extension-notice': {
      const clock = src.clock
      if (!clock) return null
      if (src.letterDate > clock.originalDue) return `An extension notice dated after the original due date (${clock.originalDue}) does not extend anything (45 CFR 164.524(b)(2)(iii)); it cannot be generated for ${src.letterDate}.`
      const promised = src.values['practice.extensionDate']
      if (promised && !/^\d{4}-\d{2}-\d{2}$/.test(promised)) return 'practice.extensionDate: write the promised date as YYYY-MM-DD.'
      if (promised && src.extensionCap && promised > src.extensionCap) return `The promised date ${promised} is beyond the one extension the rule allows; the latest permissible date is ${src.extensionCap}.`
      return null
    }
    case 'practice-denial': {
      const ground = src.values['denial.ground']
      if (ground && !Object.prototype.hasOwnProperty.call(DENIAL_GROUNDS, ground)) return `denial.ground: "${ground}" is not one of ${Object.keys(DENIAL_GROUNDS).join(', ')}.`
      return null
    }
    default:
      return null
  }
}
