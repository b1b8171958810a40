// A practice's own letters (audit mode, LETTERS.md P1–P4), addressed to the patient. The
// acknowledgement is good practice and never called required; the extension notice and the denial
// refuse what would make them ineffective (see ../guards.ts).
import type { LetterTemplateInput } from '../template'
import { body } from './common'

const SELF = ['access-self'] as const
const ACCESS = ['access-self', 'access-third-party', 'authorization-disclosure'] as const

export const PRACTICE_TEMPLATES: LetterTemplateInput[] = [
  {
    id: 'practice-acknowledgement', version: 1, title: 'Acknowledgement of a request for access', side: 'practice', kinds: [...ACCESS], steps: [], base: 'practice-acknowledgement',
    needsClock: true, sendAs: 'acknowledgement', recipient: 'patient', required: ['practice.contactName', 'practice.contactPhone'], optional: ['request.format', 'request.manner', 'practice.verification', 'practice.approximateFee', 'request.receivedChannel'],
    re: ['Your request received {{request.receivedDate}}', 'Our reference: {{letter.ourRef}}'],
    salutation: 'Dear {{patient.fullName}}:',
    body: body(
      'We received your {{request.typeLabel}} on {{request.receivedDate}}. We send this acknowledgement as a courtesy, so that you know it arrived.',
      'It reached us by {{request.receivedChannel}}.',
      'We understand that you asked for: {{request.scope}}.',
      'Form and format: {{request.format}}.',
      'Delivery: {{request.manner}}.',
      'If we have misunderstood anything, please tell us by reply.',
      'We will provide access no later than {{clock.due}} ({{clock.controllingRule}}).',
      '{{#practice.verification}}To verify your identity, {{practice.verification}}; this will not delay your request. {{law.identity}}{{/practice.verification}}',
      '{{#flags.selfRequest}}Approximate fee: {{practice.approximateFee}}. {{law.feeAdvance}}{{/flags.selfRequest}}',
      'You may also view and download many of your records through our patient portal: {{holder.portalUrl}}.',
      'Questions: {{practice.contactName}}, telephone {{practice.contactPhone}}.'
    )
  },
  {
    id: 'practice-extension-notice', version: 1, title: 'Extension notice', side: 'practice', kinds: [...ACCESS], steps: [], base: 'practice-extension-notice',
    needsClock: true, sendAs: 'extension-notice', recipient: 'patient', required: ['practice.extensionReason', 'practice.extensionDate', 'practice.contactName', 'practice.contactPhone'], optional: [],
    re: ['Your request received {{request.receivedDate}}: extension of the time to respond', 'Our reference: {{letter.ourRef}}'],
    salutation: 'Dear {{patient.fullName}}:',
    body: body(
      'We received your {{request.typeLabel}} on {{request.receivedDate}}. We are unable to act on it by {{clock.originalDue}} because {{practice.extensionReason}}.',
      'We will complete our action by {{practice.extensionDate}}.',
      'This is the only extension permitted for this request. {{law.oneExtension}}',
      '{{law.accessExtension}}',
      'Questions: {{practice.contactName}}, telephone {{practice.contactPhone}}.'
    )
  },
  {
    id: 'practice-fee-estimate', version: 1, title: 'Fee estimate', side: 'practice', kinds: [...SELF], steps: [], base: 'practice-fee-estimate',
    needsClock: true, sendAs: 'note', recipient: 'patient', required: ['practice.approximateFee'], optional: ['practice.labor', 'practice.supplies', 'practice.postage', 'request.format', 'request.manner', 'holder.portalUrl'],
    re: ['Estimated fee for the copy you requested on {{request.receivedDate}}', 'Our reference: {{letter.ourRef}}'],
    salutation: 'Dear {{patient.fullName}}:',
    body: body(
      'This estimate is for the copy you asked for: {{request.scope}}.',
      'Form and format: {{request.format}}.',
      'Delivery: {{request.manner}}.',
      '- Labor for copying: {{practice.labor}}',
      '- Supplies: {{practice.supplies}}',
      '- Postage: {{practice.postage}}',
      '- **Approximate total: {{practice.approximateFee}}**',
      '{{law.fees}}',
      '{{law.noSearchFee}}',
      '{{law.noPerPageElectronic}}',
      '{{law.flatFee}}',
      'The fee is approximate. We tell you now so that you can decide before we copy anything. {{law.feeAdvance}}',
      'You can view and download many records through our patient portal at no charge: {{holder.portalUrl}}.'
    )
  },
  {
    id: 'practice-denial', version: 1, title: 'Written denial of access', side: 'practice', kinds: [...ACCESS], steps: [], base: 'practice-denial',
    needsClock: true, sendAs: 'denial', recipient: 'patient', required: ['denial.ground', 'denial.provided', 'holder.privacyOfficer', 'holder.privacyOfficerPhone'], optional: [],
    requiredWhen: [{ flag: 'flags.reviewable', fields: ['denial.reviewAddress'] }],
    re: ['Your request received {{request.receivedDate}}: partial denial of access ({{cite.denialContents}})', 'Our reference: {{letter.ourRef}}'],
    salutation: 'Dear {{patient.fullName}}:',
    body: body(
      'We are denying part of your {{request.typeLabel}}, received on {{request.receivedDate}}. This letter explains why, what we are providing, and your rights.',
      '## What we are providing',
      'We are providing the rest of the records you asked for: {{denial.provided}}. {{law.accessNotDenied}}',
      '## Why part of the request is denied',
      'The ground for the denial: {{denial.ground}}.',
      '{{#flags.reviewable}}## Your right to a review{{/flags.reviewable}}',
      '{{#flags.reviewable}}{{law.denialReview}} To ask for a review, write to {{denial.reviewAddress}}.{{/flags.reviewable}}',
      '{{^flags.reviewable}}This ground carries no right of review. {{law.unreviewableGrounds}}{{/flags.reviewable}}',
      '## How to complain',
      'You may complain to us: {{holder.privacyOfficer}}, telephone {{holder.privacyOfficerPhone}}. {{law.complaintToEntity}}',
      '{{law.complaintToSecretary}} The Office for Civil Rights takes complaints through its portal ({{office.portal}}), by e-mail to {{office.email}} and by telephone at {{office.phone}}.',
      '{{law.denialContents}}'
    )
  }
]
