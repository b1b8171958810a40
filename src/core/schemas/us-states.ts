// The two-letter codes a US address or a state's law can carry: the 50 states, the District of
// Columbia and the inhabited territories (USPS codes). Checked only where a person types one in
// (input), never against stored records, so a stored odd value is shown, not quarantined.
export const US_STATE_CODES: ReadonlySet<string> = new Set([
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD',
  'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC',
  'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'DC', 'PR', 'GU', 'VI', 'AS', 'MP'
])

export const isUsStateCode = (code: string): boolean => US_STATE_CODES.has(code.trim().toUpperCase())
