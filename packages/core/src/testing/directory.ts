/**
 * fast-check arbitraries of the directory's details added in 0.2.0: opening hours, phones,
 * languages and service areas (wire form; every value decodes).
 *
 * @since 0.2.0
 */
import * as fc from "fast-check"
import type { Phone, ServiceArea, SpokenLanguage } from "../model/Directory.js"
import type { Schedule } from "../model/Schedule.js"

const text = fc.oneof(
  fc.constantFrom("Po–Pá odpoledne", "Vasaros atostogos", "Коледа", "Lunch break 🥪", "x"),
  fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0)
)

const arbDay = fc.integer({ min: Date.UTC(2020, 0, 1) / 86_400_000, max: Date.UTC(2030, 11, 31) / 86_400_000 })
const dateOf = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10)
const timeOf = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`

/** Opening and closing times, opening strictly first, on a 5-minute grid up to 24:00. */
const arbHours = fc.tuple(fc.integer({ min: 0, max: 287 }), fc.integer({ min: 1, max: 288 }))
  .filter(([a, b]) => a < b)
  .map(([a, b]) => ({ opensAt: timeOf(a * 5), closesAt: timeOf(b * 5) }))

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined })
/** Drops the keys whose value is `undefined` (wire objects have absent keys instead). */
const defined = <T>(value: object): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T

/**
 * One entry of a schedule: regular weekly hours (sometimes with a validity period) or an
 * exception (a closure or special hours).
 * @since 0.2.0
 * @category constructors
 */
export const arbScheduleEntry: fc.Arbitrary<Schedule[number]> = fc.oneof(
  fc.record({
    days: fc.uniqueArray(fc.constantFrom("MO", "TU", "WE", "TH", "FR", "SA", "SU"), { minLength: 1, maxLength: 7 }),
    hours: arbHours,
    period: optional(fc.tuple(optional(arbDay), optional(arbDay))),
    description: optional(text)
  }).map(({ days, hours, period, description }) => {
    const [a, b] = period ?? [undefined, undefined]
    const [from, to] = a !== undefined && b !== undefined && b < a ? [b, a] : [a, b]
    return defined<Schedule[number]>({
      _tag: "Weekly",
      days,
      ...hours,
      validFrom: from === undefined ? undefined : dateOf(from),
      validTo: to === undefined ? undefined : dateOf(to),
      description
    })
  }),
  fc.record({ from: arbDay, length: fc.nat(20), hours: optional(arbHours), description: optional(text) }).map((e) =>
    defined<Schedule[number]>({
      _tag: "Exception",
      from: dateOf(e.from),
      to: dateOf(e.from + e.length),
      opensAt: e.hours?.opensAt,
      closesAt: e.hours?.closesAt,
      description: e.description
    })
  )
)

/**
 * A schedule of up to six entries.
 * @since 0.2.0
 * @category constructors
 */
export const arbSchedule: fc.Arbitrary<Schedule> = fc.array(arbScheduleEntry, { maxLength: 6 })

/**
 * A public phone number.
 * @since 0.2.0
 * @category constructors
 */
export const arbPhone: fc.Arbitrary<Phone> = fc.record({
  number: fc.stringMatching(/^\+[1-9][0-9]{7,12}$/),
  type: optional(fc.constantFrom("voice", "text", "cell")),
  description: optional(text)
}).map((p) => defined<Phone>(p))

/**
 * A language a service works in.
 * @since 0.2.0
 * @category constructors
 */
export const arbSpokenLanguage: fc.Arbitrary<SpokenLanguage> = fc.record({
  code: optional(fc.constantFrom("cs", "lt", "bg", "uk", "en", "rom")),
  name: optional(fc.constantFrom("čeština", "lietuvių", "български", "Ukrainian")),
  note: optional(text)
}).map((l) => defined<SpokenLanguage>(l))

/**
 * An area a service covers.
 * @since 0.2.0
 * @category constructors
 */
export const arbServiceArea: fc.Arbitrary<ServiceArea> = fc.record({ name: text, description: optional(text) }).map((
  a
) => defined<ServiceArea>(a))
