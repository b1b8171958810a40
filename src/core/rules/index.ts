// The one rules module: every legal number with its citation, and the built-in profiles.
export * from './types'
export * from './law'
export { BUILT_IN_PROFILES } from './profiles'
export { isInForceOn, pickVersion, type Versioned, type VersionChoice } from './resolve'
export * from './holiday-calendars'
