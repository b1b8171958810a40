// Every merge field a template may name, with a label for the field picker. A template naming any
// other field is refused (the engine names the field), so a typo never prints as an empty gap.

export type FieldInfo = { path: string; label: string; group: string; computed: boolean; flag: boolean }

const g = (group: string, fields: Record<string, string>, opts: { computed?: boolean; flag?: boolean } = {}): FieldInfo[] =>
  Object.entries(fields).map(([name, label]) => ({ path: `${group}.${name}`, label, group, computed: opts.computed ?? false, flag: opts.flag ?? false }))

export const FIELD_CATALOGUE: ReadonlyArray<FieldInfo> = [
  ...g('letter', { date: 'Letter date (November 1, 2026)', channel: 'How it is sent (fax, mail…)', channelDetail: 'Fax number, article number or e-mail', ourRef: 'Our case reference', replyBy: 'Date asked for a reply' }),
  ...g('sender', { name: 'Your name', role: 'Your role (patient, patient advocate…)', org: 'Your organisation', address: 'Your address', phone: 'Your phone', email: 'Your e-mail' }),
  ...g('patient', { fullName: 'Patient\u2019s full name', dob: 'Date of birth', address: 'Patient\u2019s address', phone: 'Patient\u2019s phone', email: 'Patient\u2019s e-mail', mrn: 'Medical record number', accountNo: 'Account number', memberId: 'Member id (health plan)', firstName: 'First name', lastName: 'Last name' }),
  ...g('representative', { name: 'Representative\u2019s name', relationship: 'Relationship to the patient', authorityDoc: 'Document giving authority (POA, guardianship order…)' }),
  ...g('holder', { legalName: 'Records holder\u2019s legal name', addressLine: 'Street address', cityLine: 'City, state ZIP', phone: 'Main phone', fax: 'Records fax', email: 'Records e-mail', portalUrl: 'Patient portal', recordsName: 'Records contact', privacyOfficer: 'Privacy officer (name or title)', privacyOfficerPhone: 'Privacy officer\u2019s phone', privacyOfficerEmail: 'Privacy officer\u2019s e-mail', theirRef: 'Their reference number' }),
  ...g('request', { typeLabel: 'Kind of request', sentDate: 'Date the request was sent', receivedDate: 'Date the holder received it', receivedChannel: 'How it was received', proofOfReceipt: 'Proof of receipt', scope: 'Records asked for', dateRange: 'Dates of service', format: 'Form and format asked for', manner: 'How to deliver', description: 'Description of the request' }),
  ...g('deliverTo', { name: 'Recipient of the copy', address: 'Where to send the copy (address, e-mail or Direct address)', email: 'Recipient\u2019s e-mail', fax: 'Recipient\u2019s fax' }),
  ...g('clock', { due: 'Due date, with weekday', dueShort: 'Due date without weekday', originalDue: 'Original due date, with weekday', dayAfterOriginalDue: 'Day after the original due date', controllingRule: 'Rule that sets the due date', daysRemaining: 'Days left until due', daysLate: 'Days past due', status: 'Clock status', complaintWindowCloses: 'Last day to complain to HHS', extensionCap: 'Latest date one extension may reach' }, { computed: true }),
  ...g('counts', { followUps: 'Follow-ups sent', findings: 'Findings', requests: 'Requests and follow-ups' }, { computed: true }),
  ...g('extension', { noticeDate: 'Date of the extension notice', reason: 'Reason given for the delay', newDate: 'Date promised', firstNoticeDate: 'Date of the first extension' }),
  ...g('fee', { quoteDate: 'Date of the fee quote', amount: 'Fee quoted', method: 'Fee method', ceiling: 'Most you will pay without being asked', flatFee: 'Flat fee allowed for electronic copies' }),
  ...g('denial', { date: 'Date of the denial', basis: 'Ground given', scope: 'All or part of the request', ground: 'Ground (closed list)', provided: 'Records provided despite the denial', reviewAddress: 'Where to ask for review' }),
  ...g('ocr', { title: 'Title (Mr., Ms., Mx.)', pronoun: 'Preferred pronoun', callTimes: 'Best days and times to call', priorComplaint: 'Filed with OCR before? (Yes/No)', priorTransactionNo: 'OCR transaction number', filingForOther: 'Filing for someone else? (Yes/No)', relationship: 'Relationship to the person', clientOfEntity: 'Patient of the entity? (Yes/No)', employeeOfEntity: 'Employee of the entity? (Yes/No)', knewOn: 'Day the complainant knew', impact: 'Impact on the patient', relief: 'Relief requested', accommodations: 'Special accommodations', altContact: 'Someone else OCR may contact', filedElsewhere: 'Filed elsewhere (where, date, case no.)', goodCauseStatement: 'Why the complaint is late (good cause)' }),
  ...g('ib', { actorType: 'Kind of actor (provider, developer, HIN/HIE)', ehiType: 'Electronic health information asked for', requestPurpose: 'Purpose of the request', requestorHealthIT: 'Health IT the requester used', actorHealthIT: 'Health IT of the actor', location: 'Where it happened', reasonGiven: 'Reason given' }),
  ...g('amendment', { record: 'Record to amend (document, date, page)', change: 'Amendment asked for', reason: 'Why it is wrong', notify: 'Persons to tell of the amendment' }),
  ...g('accounting', { period: 'Period of the accounting' }),
  ...g('office', { name: 'Complaint office', line1: 'Office address line 1', line2: 'Office address line 2', line3: 'Office address line 3', email: 'Office e-mail', phone: 'Office phone', portal: 'Office web portal' }, { computed: true }),
  ...g('practice', { contactName: 'Our contact\u2019s name or title', contactPhone: 'Our contact\u2019s phone', approximateFee: 'Approximate fee', labor: 'Labor for copying', supplies: 'Supplies', postage: 'Postage', verification: 'How identity will be verified', extensionReason: 'Reason for the delay', extensionDate: 'Date we will act by' }),
  ...g(
    'flags',
    {
      representative: 'A representative is asking', senderIsPatient: 'The patient writes', projected: 'Request not yet sent (dates assume receipt on the letter date)', selfRequest: 'Own copy', directive: 'Third-party directive', overdue: 'Past due', awaiting: 'Not yet due', closed: 'Clock stopped',
      windowPassed: 'Complaint window closed', hasFindings: 'Has findings', reviewable: 'Reviewable denial ground', extensionValid: 'A valid extension', extensionLate: 'Extension notice late',
      extensionNoReason: 'Extension without reason', extensionNoDate: 'Extension without date', extensionTooLong: 'Extension too long', secondExtension: 'Second extension',
      feeSearchRetrieval: 'Fee charges search and retrieval', feePerPageElectronic: 'Per-page fee for electronic copy', feeAboveFlat: 'Fee above the flat rate', feeNotInAdvance: 'Fee not quoted in advance',
      paperFormat: 'Paper copy asked for', hasFollowUps: 'Follow-ups sent', hasPartial: 'A partial delivery', denialMissingElements: 'Denial lacks required elements', stateRule: 'A state rule controls', capped: 'Promised date capped'
    },
    { computed: true, flag: true }
  )
]

export const FIELD_PATHS: ReadonlySet<string> = new Set(FIELD_CATALOGUE.map((f) => f.path))
export const COMPUTED_PATHS: ReadonlySet<string> = new Set(FIELD_CATALOGUE.filter((f) => f.computed).map((f) => f.path))
