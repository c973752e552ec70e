/**
 * Opening hours of services and locations: regular weekly hours (each valid for a period or
 * open-ended), and exceptions (a closure, or special hours, on a range of dates). Low-threshold
 * services promise "no time barriers"; this is what lets an NGO show, and report, when it is open.
 *
 * A schedule is a list of entries, each of which maps to one Open Referral HSDS `schedule`: a
 * `Weekly` entry is `freq: WEEKLY` with `byday`, `opens_at`, `closes_at`, `valid_from`,
 * `valid_to`; an `Exception` is a schedule without `freq`, valid from its first to its last day,
 * closed when it has no hours.
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { ShortText } from "./Common.js"

/**
 * A day of the week, as iCalendar (and HSDS `byday`) spell it.
 * @since 0.2.0
 * @category models
 */
export const Weekday = Schema.Literals(["MO", "TU", "WE", "TH", "FR", "SA", "SU"])
/**
 * @since 0.2.0
 * @category models
 */
export type Weekday = typeof Weekday.Type

/**
 * The weekdays from Monday, the index of each being its offset from Monday.
 * @since 0.2.0
 * @category models
 */
export const weekdays: ReadonlyArray<Weekday> = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const dayNumber = (date: string): number | undefined => {
  const m = DATE.exec(date)
  if (m === null) return undefined
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = Date.UTC(year, month - 1, day)
  const back = new Date(t)
  return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day
    ? t / 86_400_000
    : undefined
}
const dateOf = (n: number): string => new Date(n * 86_400_000).toISOString().slice(0, 10)

/**
 * A calendar day, `YYYY-MM-DD`, that exists.
 * @since 0.2.0
 * @category models
 */
export const LocalDate = Schema.String.check(
  Schema.makeFilter((s: string) => dayNumber(s) !== undefined || "must be a date YYYY-MM-DD that exists", {
    expected: "a date YYYY-MM-DD"
  })
)
/**
 * @since 0.2.0
 * @category models
 */
export type LocalDate = typeof LocalDate.Type

/**
 * A time of day, `HH:MM` from `00:00` to `24:00` (closing at midnight).
 * @since 0.2.0
 * @category models
 */
export const LocalTime = Schema.String.check(
  Schema.isPattern(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, { expected: "a time of day HH:MM (00:00 to 24:00)" })
)
/**
 * @since 0.2.0
 * @category models
 */
export type LocalTime = typeof LocalTime.Type

const minutes = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))

const opensBeforeCloses = Schema.makeFilter(
  (h: { readonly opensAt?: string; readonly closesAt?: string }) =>
    h.opensAt === undefined || h.closesAt === undefined || minutes(h.opensAt) < minutes(h.closesAt) ||
    { path: ["closesAt"], issue: "closesAt must be after opensAt" }
)

/**
 * Regular hours: open on these days from `opensAt` to `closesAt`, from `validFrom` (inclusive)
 * to `validTo` (inclusive), each bound open when absent.
 * @since 0.2.0
 * @category models
 */
export const Weekly = Schema.TaggedStruct("Weekly", {
  days: Schema.NonEmptyArray(Weekday).check(Schema.isMaxLength(7)),
  opensAt: LocalTime,
  closesAt: LocalTime,
  validFrom: Schema.optionalKey(LocalDate),
  validTo: Schema.optionalKey(LocalDate),
  description: Schema.optionalKey(ShortText)
}).check(opensBeforeCloses).check(
  Schema.makeFilter((w) =>
    w.validFrom === undefined || w.validTo === undefined || w.validFrom <= w.validTo ||
    { path: ["validTo"], issue: "validTo must not be before validFrom" }
  )
)
/**
 * @since 0.2.0
 * @category models
 */
export type Weekly = typeof Weekly.Type

/**
 * An exception from `from` to `to` (inclusive): closed when it has no hours (a holiday), or open
 * only from `opensAt` to `closesAt` on each of those days. It replaces the regular hours there.
 * @since 0.2.0
 * @category models
 */
export const Exception = Schema.TaggedStruct("Exception", {
  from: LocalDate,
  to: LocalDate,
  opensAt: Schema.optionalKey(LocalTime),
  closesAt: Schema.optionalKey(LocalTime),
  description: Schema.optionalKey(ShortText)
}).check(opensBeforeCloses).check(
  Schema.makeFilter((e) => e.from <= e.to || { path: ["to"], issue: "to must not be before from" }),
  Schema.makeFilter((e) =>
    (e.opensAt === undefined) === (e.closesAt === undefined) || {
      path: [e.opensAt === undefined ? "opensAt" : "closesAt"],
      issue: "opensAt and closesAt come together (neither means closed)"
    }
  )
)
/**
 * @since 0.2.0
 * @category models
 */
export type Exception = typeof Exception.Type

/**
 * The opening hours of a service or location: regular weekly entries and exceptions.
 * @since 0.2.0
 * @category models
 */
export const Schedule = Schema.Array(Schema.Union([Weekly, Exception])).check(Schema.isMaxLength(500))
/**
 * @since 0.2.0
 * @category models
 */
export type Schedule = typeof Schedule.Type

type Interval = readonly [number, number]

const unionLength = (intervals: ReadonlyArray<Interval>): number => {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0])
  let total = 0
  let end = -1
  for (const [from, to] of sorted) {
    if (to <= end) continue
    total += to - Math.max(from, end)
    end = to
  }
  return total
}

/** Minutes open on one day (a day number since 1970-01-01). */
const minutesOpenOn = (schedule: Schedule, day: number): number => {
  const date = dateOf(day)
  const exceptions = schedule.filter((e): e is Exception => e._tag === "Exception" && e.from <= date && date <= e.to)
  if (exceptions.length > 0) {
    // A closure wins over special hours on the same day.
    const hours = exceptions.flatMap((e) =>
      e.opensAt === undefined || e.closesAt === undefined ? [] : [[minutes(e.opensAt), minutes(e.closesAt)] as const]
    )
    return hours.length < exceptions.length ? 0 : unionLength(hours)
  }
  // 1970-01-01 was a Thursday.
  const weekday = weekdays[(day + 3) % 7]!
  return unionLength(
    schedule.flatMap((w) =>
      w._tag === "Weekly" && w.days.includes(weekday) && (w.validFrom === undefined || w.validFrom <= date) &&
        (w.validTo === undefined || date <= w.validTo)
        ? [[minutes(w.opensAt), minutes(w.closesAt)] as const]
        : []
    )
  )
}

/**
 * The Monday of the week (Monday to Sunday) that holds `date`.
 * @since 0.2.0
 * @category combinators
 */
export const weekStart = (date: LocalDate): LocalDate => {
  const day = dayNumber(date)
  if (day === undefined) throw new RangeError("weekStart: not a date YYYY-MM-DD")
  return dateOf(day - ((day + 3) % 7))
}

/**
 * Hours open in the week (Monday to Sunday) that holds `date`: regular hours valid on each day,
 * replaced by exceptions on their days (a closure wins over special hours); overlapping entries
 * are counted once.
 *
 * @example
 * ```ts
 * hoursOpenInWeek([{ _tag: "Weekly", days: ["MO", "WE"], opensAt: "14:00", closesAt: "18:30" }], "2026-11-23") // 9
 * ```
 * @since 0.2.0
 * @category combinators
 */
export const hoursOpenInWeek = (schedule: Schedule, date: LocalDate): number => {
  const monday = dayNumber(weekStart(date))!
  let total = 0
  for (let i = 0; i < 7; i++) total += minutesOpenOn(schedule, monday + i)
  return total / 60
}

/**
 * Hours open per week, for every week (Monday to Sunday) that touches the period `from`..`to`.
 * @since 0.2.0
 * @category combinators
 */
export const hoursOpenPerWeek = (
  schedule: Schedule,
  period: { readonly from: LocalDate; readonly to: LocalDate }
): ReadonlyArray<{ readonly weekStart: LocalDate; readonly hours: number }> => {
  const first = dayNumber(weekStart(period.from))!
  const last = dayNumber(period.to)
  if (last === undefined) throw new RangeError("hoursOpenPerWeek: not a date YYYY-MM-DD")
  const weeks: Array<{ weekStart: LocalDate; hours: number }> = []
  for (let monday = first; monday <= last; monday += 7) {
    weeks.push({ weekStart: dateOf(monday), hours: hoursOpenInWeek(schedule, dateOf(monday)) })
  }
  return weeks
}

/**
 * One row of the opening-hours report: a service or a location, a week, and its hours open.
 * @since 0.2.0
 * @category models
 */
export interface OpeningHoursRow {
  readonly kind: "service" | "location"
  readonly id: string
  readonly name: string
  readonly weekStart: LocalDate
  readonly hours: number
}

/**
 * The report of hours open per week for every service and location that has a schedule. Opening
 * hours are no personal data, so nothing is suppressed.
 * @since 0.2.0
 * @category combinators
 */
export const openingHoursReport = (
  directory: {
    readonly services: ReadonlyArray<{ readonly id: string; readonly name: string; readonly schedule?: Schedule }>
    readonly locations: ReadonlyArray<{ readonly id: string; readonly name: string; readonly schedule?: Schedule }>
  },
  period: { readonly from: LocalDate; readonly to: LocalDate }
): ReadonlyArray<OpeningHoursRow> => {
  const rows = (kind: "service" | "location", items: typeof directory.services) =>
    items.flatMap((item) =>
      item.schedule === undefined
        ? []
        : hoursOpenPerWeek(item.schedule, period).map((w) => ({ kind, id: item.id, name: item.name, ...w }))
    )
  return [...rows("service", directory.services), ...rows("location", directory.locations)]
}
