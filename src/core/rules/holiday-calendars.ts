// The state holiday calendars, as the statutes list them (docs/day-counting.md §3). Each is data:
// the days, the years they apply, what happens when one falls on a weekend, and the citation, so a
// reader can check every line against the statute. src/core/clocks/holidays.ts turns them into
// dates; the golden files in ./golden show every year 2020–2030 as a reviewed diff.
//
// date-holidays (the library behind the federal calendar) also has regional data for TX, WA and CA,
// but it does not follow these statutes: it lists Columbus Day and federal substitute days for
// Texas and Washington, has no Native American Heritage Day for Washington, and no Lincoln Day or
// Native American Day for California. So the state calendars are declared here, and
// holiday-calendars.test.ts lists every difference from the library's data, each with its reason.

/** How a day is found in a year. Weekdays: 0 Sunday … 6 Saturday. `n: -1` is the last one. */
export type HolidayDateRule =
  | { kind: 'fixed'; month: number; day: number }
  | { kind: 'nth-weekday'; month: number; weekday: number; n: number }
  /** The Friday after the fourth Thursday in November. */
  | { kind: 'day-after-thanksgiving' }

export type HolidayEntry = {
  name: string
  date: HolidayDateRule
  /** First and last calendar year the day is a holiday under the statute (null: no limit). */
  firstYear: number | null
  lastYear: number | null
  citation: string
}

/**
 * `not-moved`: a holiday on a weekend stays there (it adds no weekday off).
 * `saturday-friday-sunday-monday`: on a Saturday the Friday before is the holiday, on a Sunday the
 * Monday after (the day itself, a weekend day, is listed too so a due date on it can be named).
 */
export type WeekendRule = 'not-moved' | 'saturday-friday-sunday-monday'

export type StateHolidayCalendar = {
  label: string
  citation: string
  /** The statute text this data encodes, and when it was read. */
  textAsOf: string
  weekendRule: WeekendRule
  weekendCitation: string
  entries: ReadonlyArray<HolidayEntry>
}

const JAN = 1
const FEB = 2
const MAR = 3
const MAY = 5
const JUN = 6
const JUL = 7
const SEP = 9
const OCT = 10
const NOV = 11
const DEC = 12
const MON = 1
const THU = 4
const FRI = 5
const LAST = -1

const fixed = (month: number, day: number): HolidayDateRule => ({ kind: 'fixed', month, day })
const nth = (n: number, weekday: number, month: number): HolidayDateRule => ({ kind: 'nth-weekday', month, weekday, n })
const always = (name: string, date: HolidayDateRule, citation: string): HolidayEntry => ({ name, date, firstYear: null, lastYear: null, citation })

const TX_A = 'Tex. Gov’t Code §662.003(a)'
const TX_B = 'Tex. Gov’t Code §662.003(b); §662.004(b)'

/**
 * Texas: the national holidays of §662.003(a) (no Columbus Day, no Juneteenth as a national
 * holiday) and the three state holidays on which §662.004(b) lets offices close (the day after
 * Thanksgiving, 24 and 26 December). The other state holidays of (b) (19 Jan, 2 Mar, 21 Apr, 19 Jun,
 * 27 Aug) are skeleton-crew days and the optional holidays of (c) are chosen per employee: both
 * are business days. The statute moves no holiday off a weekend.
 */
export const TEXAS_STATE_HOLIDAYS: StateHolidayCalendar = {
  label: 'Texas state and national holidays (Tex. Gov’t Code §662.003)',
  citation: 'Tex. Gov’t Code §662.003',
  textAsOf: 'Tex. Gov’t Code §662.003 as in force in 2026 (text read 1 Dec 2026)',
  weekendRule: 'not-moved',
  weekendCitation: 'Tex. Gov’t Code §662.003 (no weekend observance rule)',
  entries: [
    always('New Year’s Day', fixed(JAN, 1), TX_A),
    always('Martin Luther King, Jr., Day', nth(3, MON, JAN), TX_A),
    always('Presidents’ Day', nth(3, MON, FEB), TX_A),
    always('Memorial Day', nth(LAST, MON, MAY), TX_A),
    always('Independence Day', fixed(JUL, 4), TX_A),
    always('Labor Day', nth(1, MON, SEP), TX_A),
    always('Veterans Day', fixed(NOV, 11), TX_A),
    always('Thanksgiving Day', nth(4, THU, NOV), TX_A),
    always('Christmas Day', fixed(DEC, 25), TX_A),
    always('Day after Thanksgiving', { kind: 'day-after-thanksgiving' }, TX_B),
    always('December 24', fixed(DEC, 24), TX_B),
    always('December 26', fixed(DEC, 26), TX_B)
  ]
}

const WA = 'RCW 1.16.050'

/**
 * Washington, RCW 1.16.050(1). Juneteenth by 2021 c 295 (in force 25 July 2021, so first a holiday
 * on 19 June 2022); Native American Heritage Day by 2014 c 177 (in force 12 June 2014). Columbus
 * Day is only a "legislatively recognized day", never a legal holiday.
 */
export const WASHINGTON_STATE_HOLIDAYS: StateHolidayCalendar = {
  label: 'Washington legal holidays (RCW 1.16.050)',
  citation: WA,
  textAsOf: 'RCW 1.16.050 as amended by 2021 c 295 (text read 1 Dec 2026)',
  weekendRule: 'saturday-friday-sunday-monday',
  weekendCitation: 'RCW 1.16.050 (Sunday: the following Monday; Saturday: the preceding Friday)',
  entries: [
    always('New Year’s Day', fixed(JAN, 1), WA),
    always('Martin Luther King, Jr. Day', nth(3, MON, JAN), WA),
    always('Presidents’ Day', nth(3, MON, FEB), WA),
    always('Memorial Day', nth(LAST, MON, MAY), WA),
    { name: 'Juneteenth', date: fixed(JUN, 19), firstYear: 2022, lastYear: null, citation: 'RCW 1.16.050 (2021 c 295)' },
    always('Independence Day', fixed(JUL, 4), WA),
    always('Labor Day', nth(1, MON, SEP), WA),
    always('Veterans’ Day', fixed(NOV, 11), WA),
    always('Thanksgiving Day', nth(4, THU, NOV), WA),
    { name: 'Native American Heritage Day', date: { kind: 'day-after-thanksgiving' }, firstYear: 2014, lastYear: null, citation: 'RCW 1.16.050 (2014 c 177)' },
    always('Christmas Day', fixed(DEC, 25), WA)
  ]
}

const CA = 'Cal. Code Civ. Proc. §135; Cal. Gov. Code §6700'

/**
 * California judicial holidays, Code Civ. Proc. §135: every full-day holiday of Gov. Code §6700
 * except Admission Day (9 Sep) and, from 2022, Columbus Day (AB 855, Stats. 2021 ch. 283); plus every
 * Saturday and the day after Thanksgiving. Native American Day (fourth Friday in September) is a
 * judicial holiday from 2022 (same act); Juneteenth from 2023 (added to §6700 by AB 1655, Stats.
 * 2022). Later §6700 days that §135 excepts (Lunar New Year, Genocide Remembrance Day) are not
 * judicial holidays. A holiday on a Sunday moves to the Monday (Gov. Code §6700); for one on a
 * Saturday §135 lets the Judicial Council name another day, which it has done as the Friday before:
 * the app takes that Friday (verify the Council's calendar for the year).
 */
export const CALIFORNIA_JUDICIAL_HOLIDAYS: StateHolidayCalendar = {
  label: 'California judicial holidays (Cal. Code Civ. Proc. §135)',
  citation: 'Cal. Code Civ. Proc. §135',
  textAsOf: 'Cal. Code Civ. Proc. §135 as amended by AB 855 (Stats. 2021, ch. 283) and Gov. Code §6700 as amended through 2024 (text read 1 Dec 2026)',
  weekendRule: 'saturday-friday-sunday-monday',
  weekendCitation: 'Cal. Gov. Code §6700 (Sunday: the Monday after); Cal. Code Civ. Proc. §135 (Saturday: the day the Judicial Council names, the Friday before)',
  entries: [
    always('New Year’s Day', fixed(JAN, 1), CA),
    always('Dr. Martin Luther King, Jr. Day', nth(3, MON, JAN), CA),
    always('Lincoln Day', fixed(FEB, 12), CA),
    always('Presidents’ Day', nth(3, MON, FEB), CA),
    always('Cesar Chavez Day', fixed(MAR, 31), CA),
    always('Memorial Day', nth(LAST, MON, MAY), CA),
    { name: 'Juneteenth', date: fixed(JUN, 19), firstYear: 2023, lastYear: null, citation: `${CA} (AB 1655, Stats. 2022)` },
    always('Independence Day', fixed(JUL, 4), CA),
    always('Labor Day', nth(1, MON, SEP), CA),
    { name: 'Native American Day', date: nth(4, FRI, SEP), firstYear: 2022, lastYear: null, citation: `${CA} (AB 855, Stats. 2021, ch. 283)` },
    { name: 'Columbus Day', date: nth(2, MON, OCT), firstYear: null, lastYear: 2021, citation: `${CA} (before AB 855, Stats. 2021, ch. 283)` },
    always('Veterans Day', fixed(NOV, 11), CA),
    always('Thanksgiving Day', nth(4, THU, NOV), CA),
    always('Day after Thanksgiving', { kind: 'day-after-thanksgiving' }, 'Cal. Code Civ. Proc. §135'),
    always('Christmas Day', fixed(DEC, 25), CA)
  ]
}
