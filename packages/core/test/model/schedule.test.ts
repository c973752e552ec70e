import { Location, Schedule, Service } from "@pomoc/core"
import { arbLocation, arbSchedule, arbScheduleEntry, arbService, decoded } from "@pomoc/core/testing"
import { Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

const decode = Schema.decodeUnknownSync(Schedule.Schedule)
const problems = (input: unknown): string => {
  try {
    decode(input)
    return ""
  } catch (error) {
    return String(error)
  }
}

describe("Schedule", () => {
  it("counts the hours of a club open Monday to Thursday afternoons", () => {
    const club = decode([{ _tag: "Weekly", days: ["MO", "TU", "WE", "TH"], opensAt: "13:00", closesAt: "18:30" }])
    expect(Schedule.hoursOpenInWeek(club, "2026-11-25")).toBe(22)
    expect(Schedule.weekStart("2026-11-29")).toBe("2026-11-23")
    expect(Schedule.weekStart("2026-11-30")).toBe("2026-11-30")
  })

  it("replaces regular hours by closures and special hours, and respects validity periods", () => {
    const schedule = decode([
      {
        _tag: "Weekly",
        days: ["MO", "TU", "WE", "TH", "FR"],
        opensAt: "09:00",
        closesAt: "17:00",
        validTo: "2026-12-31"
      },
      { _tag: "Weekly", days: ["MO"], opensAt: "09:00", closesAt: "12:00", validFrom: "2027-01-01" },
      { _tag: "Exception", from: "2026-12-24", to: "2026-12-26", description: "Christmas" },
      { _tag: "Exception", from: "2026-12-23", to: "2026-12-23", opensAt: "10:00", closesAt: "12:00" }
    ])
    expect(Schedule.hoursOpenInWeek(schedule, "2026-12-21")).toBe(8 + 8 + 2 + 0 + 0)
    // Monday 2026-12-28 .. Sunday 2027-01-03: four old weekdays, then only Monday rules (none that week).
    expect(Schedule.hoursOpenInWeek(schedule, "2026-12-28")).toBe(4 * 8)
    expect(Schedule.hoursOpenPerWeek(schedule, { from: "2027-01-04", to: "2027-01-17" })).toEqual([
      { weekStart: "2027-01-04", hours: 3 },
      { weekStart: "2027-01-11", hours: 3 }
    ])
  })

  it("counts overlapping hours once", () => {
    const schedule = decode([
      { _tag: "Weekly", days: ["SA"], opensAt: "10:00", closesAt: "14:00" },
      { _tag: "Weekly", days: ["SA", "SU"], opensAt: "12:00", closesAt: "24:00" }
    ])
    expect(Schedule.hoursOpenInWeek(schedule, "2026-11-27")).toBe(14 + 12)
  })

  it("refuses impossible schedules, naming the field and rule", () => {
    expect(problems([{ _tag: "Weekly", days: ["MO"], opensAt: "18:00", closesAt: "09:00" }])).toMatch(
      /closesAt must be after opensAt/
    )
    expect(problems([{ _tag: "Weekly", days: [], opensAt: "08:00", closesAt: "09:00" }])).toMatch(/days/)
    expect(problems([{ _tag: "Weekly", days: ["XX"], opensAt: "08:00", closesAt: "09:00" }])).toMatch(/days/)
    expect(problems([{ _tag: "Weekly", days: ["MO"], opensAt: "8:00", closesAt: "09:00" }])).toMatch(/HH:MM/)
    expect(problems([{ _tag: "Exception", from: "2026-02-30", to: "2026-03-01" }])).toMatch(/date/)
    expect(problems([{ _tag: "Exception", from: "2026-03-02", to: "2026-03-01" }])).toMatch(
      /to must not be before from/
    )
    expect(problems([{ _tag: "Exception", from: "2026-03-01", to: "2026-03-01", opensAt: "10:00" }])).toMatch(
      /come together/
    )
    expect(
      problems([{
        _tag: "Weekly",
        days: ["MO"],
        opensAt: "08:00",
        closesAt: "09:00",
        validFrom: "2026-02-01",
        validTo: "2026-01-01"
      }])
    ).toMatch(/validTo/)
  })

  it("is within 0 and 168 hours a week, and a closure of the whole week closes it whatever else it holds", () => {
    fc.assert(fc.property(arbSchedule, fc.integer({ min: 18_262, max: 22_000 }), (schedule, day) => {
      const date = new Date(day * 86_400_000).toISOString().slice(0, 10)
      const hours = Schedule.hoursOpenInWeek(decode(schedule), date)
      expect(hours).toBeGreaterThanOrEqual(0)
      expect(hours).toBeLessThanOrEqual(168)
      // Adding a whole-week closure always gives zero.
      const monday = Schedule.weekStart(date)
      const sunday = new Date(Date.parse(monday) + 6 * 86_400_000).toISOString().slice(0, 10)
      expect(Schedule.hoursOpenInWeek(decode([...schedule, { _tag: "Exception", from: monday, to: sunday }]), date))
        .toBe(0)
    }))
  })

  it("never lowers the hours when weekly hours are added", () => {
    const weekly = arbScheduleEntry.filter((e) => e._tag === "Weekly")
    fc.assert(fc.property(fc.array(weekly, { maxLength: 5 }), weekly, (schedule, extra) => {
      const before = Schedule.hoursOpenInWeek(decode(schedule), "2026-06-10")
      expect(Schedule.hoursOpenInWeek(decode([...schedule, extra]), "2026-06-10")).toBeGreaterThanOrEqual(before)
    }))
  })

  it("decodes services and locations with schedules, phones and languages", () => {
    fc.assert(
      fc.property(decoded(arbService, Service), decoded(arbLocation, Location), (service, location) => {
        expect(Schema.encodeSync(Service)(service).schedule ?? []).toEqual(service.schedule ?? [])
        expect(Schema.encodeSync(Location)(location).phones ?? []).toEqual(location.phones ?? [])
      }),
      { numRuns: 50 }
    )
  })

  it("reports hours per week for each service and location with a schedule", () => {
    const schedule = decode([{ _tag: "Weekly", days: ["FR"], opensAt: "16:00", closesAt: "20:00" }])
    const rows = Schedule.openingHoursReport(
      { services: [{ id: "s1", name: "Club", schedule }], locations: [{ id: "l1", name: "Street" }] },
      { from: "2026-11-23", to: "2026-12-06" }
    )
    expect(rows).toEqual([
      { kind: "service", id: "s1", name: "Club", weekStart: "2026-11-23", hours: 4 },
      { kind: "service", id: "s1", name: "Club", weekStart: "2026-11-30", hours: 4 }
    ])
  })
})
