/**
 * The worked examples of docs/reports.md, one per Results-Based Accountability question: each
 * snippet between `docs:` markers here appears verbatim in the page, and runs here against a
 * memory store with known records.
 */
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import page from "../../../../docs/reports.md?raw"
import { Labels } from "../../src/model/Common.js"
import { Periods, Report, ReportOutput } from "../../src/reports/index.js"
import * as StoreModule from "../../src/Store.js"
import source from "./docs.test.ts?raw"
import { storedRecord } from "./records.js"

const record = storedRecord
const people = Array.from({ length: 12 }, (_, i) => `p${i}`)
const store = StoreModule.memoryOf([
  // Street contacts with 7 known people and 30 anonymous visitors; online with 5 known people.
  ...people.slice(0, 7).map((p, i) =>
    record(`s${i}`, { personIds: [p], facets: { channel: "street", anonymousCount: 5 } })
  ),
  ...[0, 1, 2, 3, 4, 5].map((i) =>
    record(`o${i}`, { personIds: [people[7 + (i % 5)]!], facets: { channel: "online", anonymousCount: 0 } })
  ),
  // Debt situation on a ladder (1 worst, 5 best), measured twice for 10 clients: 6 better, 3
  // the same, 1 worse; the first assessments of 6 were made without the client.
  ...people.slice(0, 10).flatMap((p, i) => [
    record(`m${i}a`, {
      kind: "measurement",
      personIds: [p],
      at: "2026-05-03T10:00:00.000Z",
      facets: { indicator: "debt", value: 2, personParticipated: i < 4 }
    }),
    record(`m${i}b`, {
      kind: "measurement",
      personIds: [p],
      at: "2026-05-28T10:00:00.000Z",
      facets: { indicator: "debt", value: i < 6 ? 4 : i < 9 ? 2 : 1, personParticipated: true }
    })
  ])
])

// docs:how-much
const peopleByChannel = Report.define({
  id: "people-by-channel",
  labels: Labels.of("People by channel", "Lidé podle kanálu", "Žmonės pagal kanalą", "Хора по канал"),
  question: "how-much",
  query: { kind: "contact", dimensions: [{ by: "channel" }], measure: "people", anonymous: "anonymousCount" }
})
const howMuch = Report.run(peopleByChannel, store, { serviceId: "club", ...Periods.boundsOf("2026-05") })
// table: distinct known people per channel; anonymous: the anonymous visitors, beside them
// docs:end

// docs:how-well
const assessedWithClient = Report.define({
  id: "assessed-with-client",
  labels: Labels.of(
    "Assessments made with the client",
    "Hodnocení s klientem",
    "Vertinimai su klientu",
    "Оценки с клиента"
  ),
  question: "how-well",
  query: {
    kind: "measurement",
    dimensions: [{ by: "indicator" }],
    measure: { rate: { where: [{ by: "personParticipated", in: [true] }] } }
  }
})
const howWell = Report.run(assessedWithClient, store, { serviceId: "club", ...Periods.boundsOf("2026-05") })
// table: per indicator, assessments with the client and the others (both suppressed together);
// rates.rows: the share where both are shown
// docs:end

// docs:better-off
const debtChange = Report.define({
  id: "debt-change",
  labels: Labels.of(
    "Change in debt situation",
    "Změna dluhové situace",
    "Skolų padėties pokytis",
    "Промяна в дълговете"
  ),
  question: "better-off",
  query: {
    kind: "measurement",
    dimensions: [{ by: "indicator" }],
    where: [{ by: "indicator", in: ["debt"] }],
    measure: { change: "value" }
  }
})
const betterOff = Report.run(debtChange, store, { serviceId: "club", ...Periods.boundsOf("2026-05") })
// table: clients whose last measurement in May is above, equal to or below their first
const csv = Effect.map(betterOff, (result) => ReportOutput.toCsv(result, { language: "cs" }))
// docs:end

const snippet = (name: string) => {
  const start = source.indexOf(`// docs:${name}\n`) + `// docs:${name}\n`.length
  return source.slice(start, source.indexOf("// docs:end", start)).trim()
}

describe("docs/reports.md worked examples", () => {
  it("shows each snippet verbatim", () => {
    for (const name of ["how-much", "how-well", "better-off"]) expect(page).toContain(snippet(name))
  })

  it("how much: distinct people per channel, anonymous visitors beside", () => {
    const result = Effect.runSync(howMuch)
    expect(result.table._tag === "OneWay" && result.table.cells).toEqual([
      { _tag: "Value", count: 5 },
      { _tag: "Value", count: 7 }
    ])
    expect(result.anonymous?._tag === "OneWay" && result.anonymous.cells).toEqual([
      { _tag: "Value", count: 0 },
      { _tag: "Value", count: 35 }
    ])
  })

  it("how well: a share, with numerator and denominator suppressed together", () => {
    const result = Effect.runSync(howWell)
    // 14 of 20 assessments were made with the client.
    expect(result.table._tag === "TwoWay" && result.table.cells[0]).toEqual([
      { _tag: "Value", count: 14 },
      { _tag: "Value", count: 6 }
    ])
    expect(result.rates).toEqual({ rows: [0.7], total: 0.7 })
  })

  it("better off: change per person, improved, same, worse", () => {
    const result = Effect.runSync(betterOff)
    expect(result.table._tag === "TwoWay" && result.table.cells[0]).toEqual([
      { _tag: "Value", count: 6 },
      { _tag: "Suppressed" },
      { _tag: "Suppressed" }
    ])
    expect(Effect.runSync(csv)).toBe(
      "\uFEFFindicator,zlepšení,beze změny,zhoršení,Celkem\r\ndebt,6,x,x,10\r\nCelkem,6,x,x,10\r\n"
    )
  })
})
