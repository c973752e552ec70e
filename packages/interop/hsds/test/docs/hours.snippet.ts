import { Schedule } from "@pomoc/core"

// Open Monday to Thursday afternoons, closed over Christmas, a short day on 23 December.
const club: Schedule.Schedule = [
  { _tag: "Weekly", days: ["MO", "TU", "WE", "TH"], opensAt: "13:00", closesAt: "18:30" },
  { _tag: "Exception", from: "2026-12-24", to: "2026-12-26", description: "Christmas" },
  { _tag: "Exception", from: "2026-12-23", to: "2026-12-23", opensAt: "13:00", closesAt: "15:00" }
]

export const week = Schedule.hoursOpenInWeek(club, "2026-11-25") // 22
export const december = Schedule.hoursOpenPerWeek(club, { from: "2026-12-14", to: "2026-12-27" })
// [{ weekStart: "2026-12-14", hours: 22 }, { weekStart: "2026-12-21", hours: 5.5 + 5.5 + 2 }]
export const report = Schedule.openingHoursReport(
  { services: [{ id: "nzdm", name: "NZDM Ostrov", schedule: club }], locations: [] },
  { from: "2026-12-14", to: "2026-12-27" }
)
