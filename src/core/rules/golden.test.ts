/// <reference types="vite/client" />
// Golden files (STYLE.md 9): every built-in profile and every holiday set per year is compared with
// a saved JSON file, so any change to a legal number, citation or holiday shows up as a reviewed diff.
// Regenerate deliberately: UPDATE_SNAPSHOT=all npx vitest run src/core/rules (or `vitest -u`).
// Core tests may not touch the file system (lint), so vitest's file snapshots do the writing.
import { describe, expect, it } from 'vitest'
import { holidaysInYear } from '../clocks/holidays'
import { BUILT_IN_PROFILES } from './profiles'
import { HOLIDAY_SET_IDS } from './types'

// Every year 2020–2030: the span of cases the app is likely to hold, and of the statute changes encoded.
const YEARS = Array.from({ length: 11 }, (_, i) => 2020 + i)
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`

// The goldens must exist in the repository: a missing one fails the run (after vitest writes it).
const present = Object.keys(import.meta.glob('./golden/*.json'))

describe('golden rule profiles', () => {
  it('built-in profiles', async () => {
    await expect(json(BUILT_IN_PROFILES)).toMatchFileSnapshot('./golden/profiles.json')
    expect(present, 'golden file was missing (now written): review it and run again').toContain('./golden/profiles.json')
  })

  for (const set of HOLIDAY_SET_IDS) {
    for (const year of YEARS) {
      it(`holidays ${set} ${year}`, async () => {
        const file = `./golden/holidays-${set}-${year}.json`
        await expect(json(holidaysInYear(set, year))).toMatchFileSnapshot(file)
        expect(present, 'golden file was missing (now written): review it and run again').toContain(file)
      })
    }
  }
})
