import { describe, expect, it } from "@effect/vitest"
import type { Report, ReportIdOf, Store, Suppression } from "@pomoc/core"
import { Reports, streetWork, type StreetWorkPlugin } from "../src/index.js"
import { contact, runReport } from "./support.js"

const byId = (id: ReportIdOf<readonly [StreetWorkPlugin]>): Report.ReportDefinition => {
  const found = Reports.reports.find((r) => r.id === id)
  if (found === undefined) throw new Error(`no report ${id}`)
  return found
}

const cellOf = (table: Suppression.SuppressedTable, row: Store.FacetValue, column?: Store.FacetValue) => {
  if (table._tag === "OneWay") return table.cells[table.dimension.values.indexOf(row)]
  return table.cells[table.rows.values.indexOf(row)]?.[table.columns.values.indexOf(column ?? null)]
}

/** A LAN party reaching 40 gamers, 30 of whom had not heard of the service; a school visit reaching 14, 6 of them new; one follow-up by the school's message box. */
const contacts = [
  contact({
    id: "lan",
    firstContact: true,
    firstContactChannel: "lan-party",
    locationKind: "event-venue",
    mode: "group",
    anonymousCount: 40,
    interventions: ["contact"],
    fields: { newToService: 30 }
  }),
  contact({
    id: "school",
    firstContact: true,
    firstContactChannel: "school-streetwork",
    locationKind: "school",
    mode: "group",
    anonymousCount: 14,
    interventions: ["contact"],
    fields: { newToService: 6 }
  }),
  contact({
    id: "follow-up",
    channel: "school-message-box",
    locationKind: "school",
    mode: "group",
    anonymousCount: 6,
    interventions: ["conversation"]
  })
]

/** The same people recorded the pre-0.2 way: a group split in two first contacts, the new ones tagged `first-heard-of-service`. */
const tagged = [
  contact({
    id: "lan-new",
    firstContact: true,
    firstContactChannel: "lan-party",
    locationKind: "event-venue",
    mode: "group",
    anonymousCount: 30,
    interventions: ["contact", "first-heard-of-service"]
  }),
  contact({
    id: "lan-known",
    firstContact: true,
    firstContactChannel: "lan-party",
    locationKind: "event-venue",
    mode: "group",
    anonymousCount: 10,
    interventions: ["contact"]
  })
]

describe("the effect of each way of first contact", () => {
  it("counts the people each way first reached", () => {
    const { table } = runReport(byId("first-contacts-by-channel"), contacts)
    expect(cellOf(table, "lan-party")).toEqual({ _tag: "Value", count: 40 })
    expect(cellOf(table, "school-streetwork")).toEqual({ _tag: "Value", count: 14 })
    expect(cellOf(table, "tiktok-profile")).toBeUndefined()
    expect(cellOf(table, "social-media-profile")).toEqual({ _tag: "Value", count: 0 })
    expect(cellOf(table, null)).toEqual({ _tag: "Value", count: 6 })
  })

  it("counts, per way, the people who had not known the service before (75 % at the LAN party)", () => {
    const { table } = runReport(byId("new-to-service-by-channel"), contacts)
    const lanNew = cellOf(table, "lan-party")
    const lanAll = cellOf(runReport(byId("first-contacts-by-channel"), contacts).table, "lan-party")
    expect(lanNew).toEqual({ _tag: "Value", count: 30 })
    expect(cellOf(table, "school-streetwork")).toEqual({ _tag: "Value", count: 6 })
    expect(lanNew?._tag === "Value" && lanAll?._tag === "Value" ? lanNew.count / lanAll.count : undefined).toBe(0.75)
  })

  it("reads newToService, not the old first-heard-of-service tag", () => {
    expect(cellOf(runReport(byId("new-to-service-by-channel"), tagged).table, "lan-party")).toEqual({
      _tag: "Value",
      count: 0
    })
    expect(cellOf(runReport(byId("first-contacts-by-channel"), tagged).table, "lan-party")).toEqual({
      _tag: "Value",
      count: 40
    })
  })

  it("shows every way of first contact of the plugin, in the plugin's order, even with nobody in it", () => {
    const { table } = runReport(byId("first-contacts-by-channel"), [])
    expect(table._tag === "OneWay" ? table.dimension.values : []).toEqual(
      Object.keys(streetWork.taxonomies.firstContactChannels)
    )
  })

  it("hides a small count (fewer than five people reached)", () => {
    const few = [
      contact({
        firstContact: true,
        firstContactChannel: "online-outreach",
        locationKind: "online-platform",
        mode: "group",
        anonymousCount: 3
      })
    ]
    expect(cellOf(runReport(byId("first-contacts-by-channel"), few).table, "online-outreach")).toEqual({
      _tag: "Suppressed"
    })
  })

  it("answers all three questions", () => {
    expect(new Set(streetWork.reports.map((r) => r.question))).toEqual(new Set(["how-much", "how-well", "better-off"]))
  })
})
