// Invented names for the sample caseload. Any resemblance to real people or organizations is chance.
export const FIRST_NAMES = ['Ana', 'Marcus', 'Priya', 'Tomás', 'Grace', 'Jamal', 'Mei', 'Oliver', 'Fatima', 'Ethan', 'Lucía', 'Noah', 'Aiko', 'Samuel', 'Zara', 'Daniel', 'Ingrid', 'Kwame', 'Sofia', 'Liam', 'Hana', 'Diego', 'Ruth', 'Omar'] as const
export const LAST_NAMES = ['Ruiz', 'Okafor', 'Patel', 'Nguyen', 'Johansson', 'Kim', 'Haddad', 'García', 'Brown', 'Cohen', 'Silva', 'Mensah', 'Tanaka', 'Novak', 'Ali', 'Fischer', 'Reyes', 'Walsh', 'Osei', 'Lindqvist'] as const
export const CITIES: Record<string, ReadonlyArray<string>> = {
  CA: ['Oakland', 'Fresno', 'San Diego', 'Sacramento'],
  TX: ['Austin', 'El Paso', 'Houston', 'Lubbock'],
  WA: ['Spokane', 'Tacoma', 'Seattle', 'Yakima'],
  NY: ['Albany', 'Buffalo', 'Rochester', 'Queens'],
  FL: ['Tampa', 'Gainesville', 'Miami', 'Tallahassee']
}
export const STATES = Object.keys(CITIES)
export const ORG_PATTERNS = {
  hospital: ['{city} General Hospital', '{city} Medical Center', 'St. {last} Hospital', '{city} Regional Health'],
  provider: ['{city} Family Clinic', '{last} Orthopedics', '{city} Women’s Health', '{last} & {last2} Cardiology'],
  lab: ['{city} Diagnostic Lab', '{last} Pathology Associates'],
  'health-plan': ['{state} Community Health Plan', 'Evergreen {city} Health Plan'],
  'business-associate': ['{last} Release-of-Information Services'],
  hie: ['{state} Health Information Exchange'],
  'app-developer': ['{last} Health Apps']
} as const
export const RECORD_ITEMS = [
  { recordType: 'visit-notes', label: 'Visit notes' },
  { recordType: 'imaging-reports', label: 'Imaging reports' },
  { recordType: 'images', label: 'Imaging films (DICOM)' },
  { recordType: 'labs', label: 'Lab results' },
  { recordType: 'billing', label: 'Itemized bills' },
  { recordType: 'medications', label: 'Medication list' },
  { recordType: 'discharge-summaries', label: 'Discharge summaries' }
] as const
export const FORMATS = ['PDF by email', 'Electronic copy via patient portal', 'Paper copy by mail', 'CD with DICOM images', 'C-CDA via Direct message'] as const
