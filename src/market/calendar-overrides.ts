// NYSE closures and early closes, checked in. Within `OVERRIDE_YEARS` this table is the whole truth and wins over
// the rule-based holiday library: it carries what rules cannot know (special closures such as the 2025-01-09
// national day of mourning) and the early closes, which no calendar package models.
// Source: NYSE "Holidays & Trading Hours" and the NYSE Group press releases of 2024-11-08 and 2025-12-23.
// Re-check each year's list against nyse.com when NYSE publishes the next release.

export type CalendarEntryKind = 'closed' | 'early-close';

export interface CalendarEntry {
  /** New York calendar date, YYYY-MM-DD. */
  date: string;
  kind: CalendarEntryKind;
  name: string;
}

/** Years for which `CALENDAR_OVERRIDES` lists every closure and early close. */
export const OVERRIDE_YEARS: readonly number[] = [2025, 2026, 2027, 2028];

export const CALENDAR_OVERRIDES: readonly CalendarEntry[] = [
  // 2025
  { date: '2025-01-01', kind: 'closed', name: "New Year's Day" },
  { date: '2025-01-09', kind: 'closed', name: 'National Day of Mourning (President Carter)' },
  { date: '2025-01-20', kind: 'closed', name: 'Martin Luther King, Jr. Day' },
  { date: '2025-02-17', kind: 'closed', name: "Washington's Birthday" },
  { date: '2025-04-18', kind: 'closed', name: 'Good Friday' },
  { date: '2025-05-26', kind: 'closed', name: 'Memorial Day' },
  { date: '2025-06-19', kind: 'closed', name: 'Juneteenth National Independence Day' },
  { date: '2025-07-03', kind: 'early-close', name: 'Day before Independence Day' },
  { date: '2025-07-04', kind: 'closed', name: 'Independence Day' },
  { date: '2025-09-01', kind: 'closed', name: 'Labor Day' },
  { date: '2025-11-27', kind: 'closed', name: 'Thanksgiving Day' },
  { date: '2025-11-28', kind: 'early-close', name: 'Day after Thanksgiving' },
  { date: '2025-12-24', kind: 'early-close', name: 'Christmas Eve' },
  { date: '2025-12-25', kind: 'closed', name: 'Christmas Day' },
  // 2026
  { date: '2026-01-01', kind: 'closed', name: "New Year's Day" },
  { date: '2026-01-19', kind: 'closed', name: 'Martin Luther King, Jr. Day' },
  { date: '2026-02-16', kind: 'closed', name: "Washington's Birthday" },
  { date: '2026-04-03', kind: 'closed', name: 'Good Friday' },
  { date: '2026-05-25', kind: 'closed', name: 'Memorial Day' },
  { date: '2026-06-19', kind: 'closed', name: 'Juneteenth National Independence Day' },
  { date: '2026-07-03', kind: 'closed', name: 'Independence Day (observed)' },
  { date: '2026-09-07', kind: 'closed', name: 'Labor Day' },
  { date: '2026-11-26', kind: 'closed', name: 'Thanksgiving Day' },
  { date: '2026-11-27', kind: 'early-close', name: 'Day after Thanksgiving' },
  { date: '2026-12-24', kind: 'early-close', name: 'Christmas Eve' },
  { date: '2026-12-25', kind: 'closed', name: 'Christmas Day' },
  // 2027
  { date: '2027-01-01', kind: 'closed', name: "New Year's Day" },
  { date: '2027-01-18', kind: 'closed', name: 'Martin Luther King, Jr. Day' },
  { date: '2027-02-15', kind: 'closed', name: "Washington's Birthday" },
  { date: '2027-03-26', kind: 'closed', name: 'Good Friday' },
  { date: '2027-05-31', kind: 'closed', name: 'Memorial Day' },
  { date: '2027-06-18', kind: 'closed', name: 'Juneteenth National Independence Day (observed)' },
  { date: '2027-07-05', kind: 'closed', name: 'Independence Day (observed)' },
  { date: '2027-09-06', kind: 'closed', name: 'Labor Day' },
  { date: '2027-11-25', kind: 'closed', name: 'Thanksgiving Day' },
  { date: '2027-11-26', kind: 'early-close', name: 'Day after Thanksgiving' },
  { date: '2027-12-24', kind: 'closed', name: 'Christmas Day (observed)' },
  // 2028: New Year's Day falls on a Saturday and is not observed (it would close a yearly accounting period).
  { date: '2028-01-17', kind: 'closed', name: 'Martin Luther King, Jr. Day' },
  { date: '2028-02-21', kind: 'closed', name: "Washington's Birthday" },
  { date: '2028-04-14', kind: 'closed', name: 'Good Friday' },
  { date: '2028-05-29', kind: 'closed', name: 'Memorial Day' },
  { date: '2028-06-19', kind: 'closed', name: 'Juneteenth National Independence Day' },
  { date: '2028-07-03', kind: 'early-close', name: 'Day before Independence Day' },
  { date: '2028-07-04', kind: 'closed', name: 'Independence Day' },
  { date: '2028-09-04', kind: 'closed', name: 'Labor Day' },
  { date: '2028-11-23', kind: 'closed', name: 'Thanksgiving Day' },
  { date: '2028-11-24', kind: 'early-close', name: 'Day after Thanksgiving' },
  { date: '2028-12-25', kind: 'closed', name: 'Christmas Day' },
];

/**
 * Special closures outside the override years that the holiday library does not know. Kept so replays of
 * older news get the right previous close.
 */
export const HISTORIC_SPECIAL_CLOSURES: readonly CalendarEntry[] = [
  { date: '2012-10-29', kind: 'closed', name: 'Hurricane Sandy' },
  { date: '2012-10-30', kind: 'closed', name: 'Hurricane Sandy' },
  { date: '2018-12-05', kind: 'closed', name: 'National Day of Mourning (President George H. W. Bush)' },
];
