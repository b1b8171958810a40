// Public surface of the clocks: other code imports from here only.
export { computeClock, type ComputeOptions } from './compute'
export { ClockInputError } from './errors'
export { parseClockInput, checkDateOrder, type ParseResult } from './parse'
export {
  ClockEventSchema,
  ClockInputSchema,
  InlineProfileSchema,
  IsoDateSchema,
  ProfileDefinitionSchema,
  ProfileInputSchema,
  PROFILE_INPUT_LIMITS,
  ReminderSchema,
  type ClockEvent,
  type ClockEventType,
  type ClockInput,
  type ClockInputDraft,
  type InlineProfile,
  type ProfileDefinition,
  type Reminder
} from './schema'
export { CLOCK_STATUSES, FINDING_CODES, type ClockResult, type ClockStatus, type Finding, type FindingCode } from './types'
export { addCalendarDays, diffCalendarDays, formatDate, isValidIsoDate } from './dates'
export { addBusinessDays, builtInCalendar, type HolidayCalendar } from './calendar'
export { holidaysInYear, prepareHolidayYear, type Holiday } from './holidays'
