// Lines several built-in templates share: the RE block's identifiers and the deadline sentence.
export const IDENTIFIERS = [
  'Patient: {{patient.fullName}}',
  'Date of birth: {{patient.dob}}',
  'MRN: {{patient.mrn}}',
  'Account no.: {{patient.accountNo}}',
  'Member id: {{patient.memberId}}',
  'Your reference: {{holder.theirRef}}',
  'Our reference: {{letter.ourRef}}'
]

/** The deadline, always as a computed date with its weekday, and the rule that sets it. */
export const DEADLINE = [
  '{{#flags.projected}}If you receive this request on {{letter.date}}, you must act on it no later than {{clock.due}} ({{clock.controllingRule}}).{{/flags.projected}}',
  '{{^flags.projected}}You received it on {{request.receivedDate}}, so you must act on it no later than {{clock.due}} ({{clock.controllingRule}}).{{/flags.projected}}'
]

export const RIGHTS = '{{law.complaintToSecretary}} {{law.complaintWindow}} In this case that is by {{clock.complaintWindowCloses}}.'

export const body = (...lines: string[]): string => lines.join('\n')
