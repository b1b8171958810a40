export { buildWorklist, WEEK_DAYS, type WaitingOnCounts, type Worklist, type WorklistAction, type WorklistCase, type WorklistItem } from './today'
export { STEP_WORDS, VENUE_WORDS } from './words'
