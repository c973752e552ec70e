/**
 * The demo's calendar: the year 2025 (wholly in the past, so no consent or disclosure is dated in
 * the future), worked in 52 weeks from Monday 30 December 2024.
 */
export const year = { from: "2025-01-01T00:00:00.000Z", to: "2026-01-01T00:00:00.000Z" }

/** The weeks simulated. */
export const weeks = 52

const firstMonday = Date.UTC(2024, 11, 30)
const day = 86_400_000

/** The instant of a weekday (0 = Monday) and hour of a week, as ISO text, never before 1 January. */
export const at = (week: number, weekday: number, hour: number, minute = 0): string =>
  new Date(
    Math.max(
      firstMonday + (week * 7 + weekday) * day + hour * 3_600_000 + minute * 60_000,
      Date.UTC(2025, 0, 1, hour, minute)
    )
  ).toISOString()

/** The quarter (0–3) a week ends in. */
export const quarterEnds = (week: number): boolean => week === 12 || week === 25 || week === 38 || week === 51
