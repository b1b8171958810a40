/** Version of the built-in rule profiles; bumped whenever a profile's numbers or dates change. */
export const RULES_VERSION = '2026.12.0'
