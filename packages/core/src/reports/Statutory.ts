/**
 * Statutory and funder exports: a plugin's hook that turns one service's year into the named
 * file an authority or funder expects, from suppressed report runs (never from rows). The Czech
 * social services' yearly statistics for the ministry are the first: users (known and
 * anonymous), contacts, interventions by type, and people by age band and gender, per service.
 *
 * @since 0.2.0
 */
import { Effect } from "effect"
import { Labels } from "../model/Common.js"
import type { FacetValue, StoreError, StoreShape } from "../Store.js"
import * as ReportOutput from "./Output.js"
import * as Report from "./Report.js"
import * as Suppression from "./Suppression.js"

/**
 * A file to hand over: its name, media type and text.
 * @since 0.2.0
 * @category models
 */
export interface NamedFile {
  readonly name: string
  readonly mediaType: string
  readonly content: string
}

/**
 * What an export covers: one service, one calendar year.
 * @since 0.2.0
 * @category models
 */
export interface ExportScope {
  readonly serviceId: string
  readonly year: number
}

/**
 * A statutory or funder export a plugin offers.
 * @since 0.2.0
 * @category models
 */
export interface StatutoryExport<Id extends string = string> {
  readonly id: Id
  readonly labels: Labels
  /** Builds the file for one service and year from the store's aggregates. */
  readonly build: (
    store: Pick<StoreShape, "aggregate">,
    scope: ExportScope
  ) => Effect.Effect<NamedFile, Report.InvalidReport | StoreError>
}

/**
 * Defines an export, keeping its id's literal type.
 * @since 0.2.0
 * @category constructors
 */
export const define = <const Id extends string>(definition: StatutoryExport<Id>): StatutoryExport<Id> => definition

const yearBounds = (year: number) => ({
  from: new Date(Date.UTC(year, 0, 1)).toISOString(),
  to: new Date(Date.UTC(year + 1, 0, 1)).toISOString()
})

const cellText = (cell: Suppression.Cell): string => (cell._tag === "Value" ? String(cell.count) : "x")

/**
 * The Czech social services' yearly statistics for the ministry (MPSV), as a CSV file (UTF-8
 * with BOM, RFC 4180) of lines `oddíl,řádek,sloupec,hodnota`: known users (distinct
 * people with a contact in the year) and anonymous users (the sum of anonymous participants),
 * contacts, contacts per intervention type (their sum counts a contact once per intervention),
 * and people on record at the year's end by age band
 * and gender. Every count is suppressed below the threshold (`x`), with complements.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Statutory } from "@pomoc/core"
 * const ministry = Statutory.czechYearlyStatistics({ interventions: ["contact", "crisis-intervention"] })
 * const file = ministry.build(store, { serviceId: "club", year: 2026 })
 * // Effect<{ name: "mpsv-rocni-vykaz-club-2026.csv", mediaType: "text/csv; charset=utf-8", content }>
 * ```
 * @since 0.2.0
 * @category constructors
 */
export const czechYearlyStatistics = (options: {
  readonly interventions: ReadonlyArray<string>
  readonly threshold?: number
}): StatutoryExport<"cz-mpsv-yearly-statistics"> =>
  define({
    id: "cz-mpsv-yearly-statistics",
    labels: Labels.of(
      "Yearly statistics for the Czech Ministry of Labour and Social Affairs",
      "Roční statistický výkaz pro MPSV",
      "Metinė statistika Čekijos darbo ir socialinių reikalų ministerijai",
      "Годишна статистика за чешкото министерство на труда и социалните въпроси"
    ),
    build: Effect.fnUntraced(function*(store, scope) {
      const threshold = Math.max(options.threshold ?? Suppression.DEFAULT_THRESHOLD, 1)
      const period = yearBounds(scope.year)
      const run = (definition: Omit<Report.ReportDefinition, "labels" | "question" | "suppression">, to = true) =>
        Report.run(
          { ...definition, labels: Labels.of("-", "-", "-", "-"), question: "how-much", suppression: { threshold } },
          store,
          { serviceId: scope.serviceId, ...(to ? period : { to: period.to }) }
        )
      // Known users over the whole year (a person with contacts of two kinds counts once).
      const [totals] = yield* store.aggregate({
        kind: "contact",
        serviceId: scope.serviceId,
        ...period,
        groupBy: [],
        distinctPeople: true,
        sum: ["anonymousCount"]
      })
      const small = (n: number) => (n > 0 && n < threshold ? "x" : String(n))
      const interventions = yield* run({
        id: "interventions",
        query: { kind: "contact", dimensions: [{ by: "tag", values: options.interventions }] }
      })
      const people = yield* run({
        id: "people",
        query: {
          kind: "person",
          dimensions: [
            { by: "ageBand" },
            { by: "gender" }
          ]
        }
      }, false)
      const lines: Array<Array<string>> = [["oddíl", "řádek", "sloupec", "hodnota"]]
      lines.push(["uživatelé", "známí", "", small(totals?.distinctPeople ?? 0)])
      lines.push(["uživatelé", "anonymní", "", small(totals?.sums.anonymousCount ?? 0)])
      lines.push(["kontakty", "celkem", "", small(totals?.count ?? 0)])
      if (interventions.table._tag === "OneWay") {
        const t = interventions.table
        t.dimension.values.forEach((v, i) => lines.push(["intervence", String(v), "", cellText(t.cells[i]!)]))
        lines.push(["intervence", "součet", "", cellText(t.total)])
      }
      if (people.table._tag === "TwoWay") {
        const t = people.table
        const label = (v: FacetValue) => (v === null ? "neuvedeno" : String(v))
        t.rows.values.forEach((row, i) =>
          t.columns.values.forEach((column, j) =>
            lines.push(["věk a pohlaví", label(row), label(column), cellText(t.cells[i]![j]!)])
          )
        )
        lines.push(["věk a pohlaví", "celkem", "", cellText(t.total)])
      }
      return {
        name: `mpsv-rocni-vykaz-${scope.serviceId}-${scope.year}.csv`,
        mediaType: "text/csv; charset=utf-8",
        content: ReportOutput.csvOf(lines)
      }
    })
  })
