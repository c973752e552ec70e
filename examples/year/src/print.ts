/**
 * The printout of the year, for people: per organisation what was recorded, the three questions
 * answered from the store in labelled tables, the refusals in plain words; then the erasure and
 * the audit. Ids, codes and counts only: no name, nickname or note is ever printed.
 */
import type { ReportResult, Store, Suppression } from "@pomoc/core"
import { ValueLabels } from "@pomoc/report-html"
import Table from "cli-table3"
import { registry, type Year } from "./simulate.js"

const questions = [
  ["how-much", "How much did we do?"],
  ["how-well", "How well did we do it?"],
  ["better-off", "Is anyone better off?"]
] as const

const label = ValueLabels.fromRegistry(registry)
const isZero = (cell: Suppression.Cell): boolean => cell._tag === "Value" && cell.count === 0
const cellText = (cell: Suppression.Cell): string => (cell._tag === "Value" ? String(cell.count) : "suppressed")
const valueText = (dimension: string, value: Store.FacetValue): string =>
  typeof value === "string" ? label(dimension, value, "en") ?? value : value === null ? "(not stated)" : String(value)

const table = (head: ReadonlyArray<string>) =>
  new Table({
    head: [...head],
    style: { head: [], border: [], compact: true },
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" }
  })

const measureText = (result: ReportResult): string =>
  result.measure === "records"
    ? "records"
    : result.measure === "people"
    ? "distinct people"
    : "sum" in result.measure
    ? `sum of ${result.measure.sum}`
    : "rate" in result.measure
    ? "share"
    : `change of ${result.measure.change}`

/** A report as a labelled table (one-way: a row per value; two-way: a matrix with totals). */
export const reportTable = (result: ReportResult): string => {
  const t = result.table
  if (t._tag === "OneWay") {
    const out = table([t.dimension.name === "tag" ? "category" : t.dimension.name, measureText(result)])
    t.cells.forEach((cell, i) => out.push([valueText(t.dimension.name, t.dimension.values[i] ?? null), cellText(cell)]))
    out.push(["total", cellText(t.total)])
    return out.toString()
  }
  // Rows and columns with nothing recorded are left out (the annual report shows them all).
  const rows = t.rows.values.map((_, i) => i).filter((i) => !isZero(t.rowTotals[i]!))
  const columns = t.columns.values.map((_, j) => j).filter((j) => !isZero(t.columnTotals[j]!))
  const out = table([
    `${t.rows.name} \\ ${t.columns.name}`,
    ...columns.map((j) => valueText(t.columns.name, t.columns.values[j] ?? null)),
    "total"
  ])
  for (const i of rows) {
    out.push([
      valueText(t.rows.name, t.rows.values[i] ?? null),
      ...columns.map((j) => cellText(t.cells[i]![j]!)),
      cellText(t.rowTotals[i]!)
    ])
  }
  out.push(["total", ...columns.map((j) => cellText(t.columnTotals[j]!)), cellText(t.total)])
  return out.toString()
}

const indent = (text: string, by = "  ") => text.split("\n").map((line) => by + line).join("\n")

/** The whole printout. */
export const format = (
  y: Year,
  files: { readonly database?: string; readonly reports?: Readonly<Record<string, string>> } = {}
): string => {
  const lines: Array<string> = []
  const threshold = y.organisations[0]?.reports[0]?.threshold ?? 5
  lines.push(`Pomoc demo: a year (2025) of five organisations, simulated from seed ${y.seed}`)
  lines.push(
    `${y.commands} writes went through the case-work API: each decoded, authorised, checked against the principles,`
  )
  lines.push(`personal fields encrypted, stored and audited, one batch per organisation and week.`)
  lines.push("")
  lines.push("How to read the numbers:")
  lines.push(`  - "What was recorded" counts what the simulation asked the API to store, with what each figure counts.`)
  lines.push(
    `  - The three questions are answered by the organisation's reports, run on the store. A report counts records`
  )
  lines.push(
    `    (or distinct people, where it says so); a contact counts once under each of its interventions, so a total`
  )
  lines.push(`    can be larger than the number of contacts.`)
  lines.push(
    `  - "suppressed" is a count from 1 to ${
      threshold - 1
    } (below the threshold of ${threshold}), or a larger one hidden too so that a`
  )
  lines.push(`    small one cannot be worked out from a total. "0" means nothing was recorded there.`)
  lines.push(
    `  - "sum of X" adds up a number recorded on each record: anonymousCount is the people counted at a contact without`
  )
  lines.push(`    a name, participants the known and anonymous people at it, durationMinutes its length.`)
  lines.push(
    `  - "(not stated)" collects the records without that field (for example contacts that were not first contacts).`
  )
  lines.push(
    `  - A two-way table leaves out its rows and columns with nothing recorded; the annual report shows them all.`
  )
  for (const o of y.organisations) {
    lines.push("")
    lines.push(`══ ${o.name} (${o.country}) · ${o.serviceName} · ${o.serviceType}`)
    lines.push(`  What was recorded (${o.commands} writes through the API):`)
    const recorded = table(["figure", "count", "what it counts"])
    for (const f of o.figures) recorded.push([f.label, String(f.value), f.explain])
    lines.push(indent(recorded.toString()))
    for (const [question, title] of questions) {
      const reports = o.reports.filter((r) => r.question === question)
      if (reports.length === 0) continue
      const first = reports[0]!
      lines.push(`  ${title} Report "${first.labels.en ?? first.reportId}" (${measureText(first)}):`)
      lines.push(indent(reportTable(first), "    "))
      if (reports.length > 1) {
        lines.push(
          `    (${reports.length - 1} more on this question in the annual report: ${
            reports.slice(1).map((r) => r.labels.en ?? r.reportId).join("; ")
          })`
        )
      }
    }
    lines.push(`  Principles at work: refused, and nothing was stored (${o.refusals.length}):`)
    for (const r of o.refusals) {
      lines.push(`    - tried to ${r.what} (${r.operation}): ${r.error}`)
      for (const w of r.why) lines.push(`        ${w.principle} · rule ${w.rule}: ${w.reason}`)
    }
    const file = files.reports?.[o.id]
    if (file !== undefined) {
      lines.push(`  Annual report (${o.reports.length} charts and tables, opens offline): ${file}`)
    }
  }
  lines.push("")
  lines.push("══ Erasure")
  lines.push(
    `  ${y.erasure.person} asked to be forgotten (GDPR Art. 17). After the erasure, reading the person answers ${y.erasure.readAfter};`
  )
  lines.push(
    `  the report "${y.erasure.reportLabel}" still counts ${y.erasure.totalAfter} (before: ${y.erasure.totalBefore}): the identity is gone, the counts stay.`
  )
  lines.push("")
  lines.push("══ Audit")
  lines.push(
    `  ${y.audit.entries} audit entries: one for each of the ${y.commands} writes of the year, one for the erasure and one for`
  )
  lines.push(
    `  each of the ${y.reportRuns} report runs (the refused attempts stored nothing, so they left none). The hash chain was ${
      y.audit.intact ? "verified intact" : "found BROKEN"
    }.`
  )
  lines.push(`  Head to keep outside the database (to detect a truncated log later): ${y.audit.head}`)
  if (files.database !== undefined) {
    lines.push(`  Database: ${files.database} (started afresh on every run; personal fields encrypted).`)
  }
  return lines.join("\n")
}
