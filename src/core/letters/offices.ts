// Where complaints go, as data with the day each was last checked: never typed into letter text.
// The OCR mailing address comes from a secondary page and was not confirmed on hhs.gov.
export type Office = { name: string; lines: string[]; email?: string; phone?: string; portal: string; verifiedOn: string | null; note: string }

export const OFFICES = {
  ocr: {
    name: 'U.S. Department of Health and Human Services, Office for Civil Rights',
    lines: ['Centralized Case Management Operations', '200 Independence Avenue SW, Room 509F HHH Bldg', 'Washington, DC 20201'],
    email: 'OCRComplaint@hhs.gov',
    phone: '1-800-368-1019',
    portal: 'https://ocrportal.hhs.gov/ocr/smartscreen/main.jsf',
    verifiedOn: null,
    note: 'Mailing address from a secondary source; older pages route paper complaints to regional offices. Check hhs.gov before mailing.'
  },
  onc: {
    name: 'Office of the National Coordinator for Health Information Technology',
    lines: ['Report Information Blocking Portal'],
    portal: 'https://www.healthit.gov/topic/information-blocking',
    verifiedOn: null,
    note: 'The portal\u2019s field labels were not read verbatim.'
  }
} as const satisfies Record<string, Office>
