/**
 * Imports a spreadsheet through the case-work API's batch path: every row becomes one command
 * of its mapping's operation, every command goes through the same road and principles as a
 * command typed by hand, and the whole file is stored in one unit of work, or nothing is.
 * Problems are listed by spreadsheet row and column, with the rule each broke, never the
 * cell's value. A dry run reports the same problems and stores nothing.
 *
 * @since 0.2.0
 */
import type { ActorRef, Casework } from "@pomoc/core"
import { Effect, Schema } from "effect"
import { isEmpty, read } from "./internal/cells.js"
import { type Mapping, operationOf } from "./Mapping.js"
import type { Sheet } from "./Sheet.js"

/**
 * One problem of an import: the spreadsheet row (the header is row 1), the column when one is to
 * blame, the input field, and the rule broken.
 * @since 0.2.0
 * @category models
 */
export const Problem = Schema.Struct({
  row: Schema.Number,
  column: Schema.optionalKey(Schema.String),
  field: Schema.optionalKey(Schema.String),
  rule: Schema.String
})
/**
 * @since 0.2.0
 * @category models
 */
export type Problem = typeof Problem.Type

/**
 * The file was refused: nothing was stored. `problems` lists every problem found, by row.
 * @since 0.2.0
 * @category errors
 */
export class ImportRefused extends Schema.TaggedError<ImportRefused>("@pomoc/import/ImportRefused")("ImportRefused", {
  rows: Schema.Number,
  problems: Schema.Array(Problem)
}) {
  override get message(): string {
    const shown = this.problems.slice(0, 5).map(formatProblem).join("; ")
    return `${this.problems.length} problem(s) in ${this.rows} row(s), nothing stored: ${shown}${
      this.problems.length > 5 ? "; …" : ""
    }`
  }
}

/**
 * A problem as one line: `row 7, column "Date" (at): is not a date`.
 * @since 0.2.0
 * @category formatting
 */
export const formatProblem = (p: Problem): string =>
  `row ${p.row}${p.column !== undefined ? `, column "${p.column}"` : ""}${
    p.field !== undefined ? ` (${p.field})` : ""
  }: ${p.rule}`

/**
 * A principle's warning, with how many rows got it and the first of them.
 * @since 0.2.0
 * @category models
 */
export interface WarningSummary {
  /** The principle that warned. */
  readonly principle: string
  /** Its rule. */
  readonly rule: string
  /** What it said. */
  readonly reason: string
  /** How many rows got it. */
  readonly count: number
  /** The first rows that got it (at most ten). */
  readonly rows: ReadonlyArray<number>
}

/**
 * What an import did (or, in a dry run, would do).
 * @since 0.2.0
 * @category models
 */
export interface Report {
  /** The data rows read. */
  readonly rows: number
  /** The operation every row ran. */
  readonly operation: Casework.WriteName
  /** Whether the rows were stored (false in a dry run). */
  readonly stored: boolean
  /** The principles' warnings, by rule. */
  readonly warnings: ReadonlyArray<WarningSummary>
}

/**
 * Where an import is: checking rows (every row planned through the principles) or storing them.
 * @since 0.2.0
 * @category models
 */
export interface Progress {
  /** `checking` while rows are planned, `storing` while they are committed. */
  readonly phase: "checking" | "storing"
  /** Rows done in this phase. */
  readonly done: number
  /** Rows in the file. */
  readonly total: number
}

/**
 * How an import runs.
 * @since 0.2.0
 * @category models
 */
export interface Options {
  /** Check every row through the whole road and store nothing. */
  readonly dryRun?: boolean
  /** Called as rows are checked and stored. */
  readonly onProgress?: (progress: Progress) => Effect.Effect<void>
}

/** What each target's operation needs that a spreadsheet rarely has a column for. */
const defaults: Record<Mapping["target"], Record<string, unknown>> = {
  person: { sharedWith: [], needs: [] },
  contact: { participants: [], anonymousCount: 0, interventions: [], firstContact: false },
  activity: { attendees: [], anonymousAttendance: 0, forExternalStaff: false },
  attendance: { attendees: [], anonymousAttendance: 0 },
  volunteer: { skills: [] },
  "volunteer-hours": {}
}

/** The input fields a principle's rule rests on, to blame their columns when it refuses. */
const named = (principle: string, rule: string) => rule.startsWith(`${principle}/`) ? rule : `${principle}/${rule}`

const ruleFields: Record<string, ReadonlyArray<string>> = {
  "low-threshold/identification-needs-consent": ["givenName", "familyName", "contactDetails", "_tag"],
  "low-threshold/no-financial-barrier": ["amountMinor"],
  "equality/age-range": ["ageBand"]
}

const fieldOf = (field: string) => field === "identityLevel" ? "_tag" : field

const setPath = (target: Record<string, unknown>, path: string, value: unknown) => {
  const dot = path.indexOf(".")
  if (dot < 0) {
    target[path] = value
    return
  }
  const head = path.slice(0, dot)
  const inner = target[head]
  target[head] = { ...(typeof inner === "object" && inner !== null ? inner : {}), [path.slice(dot + 1)]: value }
}

/**
 * A spreadsheet turned into commands by its mapping, with the problems found in its cells.
 * @since 0.2.0
 * @category models
 */
export interface Commands {
  /** One command per row without problems, in order. */
  readonly commands: ReadonlyArray<{ readonly op: Casework.WriteName; readonly input: unknown }>
  /** The spreadsheet row of each command. */
  readonly rowOf: ReadonlyArray<number>
  /** The problems in the header and cells. */
  readonly problems: ReadonlyArray<Problem>
}

/**
 * Turns each row into its operation's input: defaults, then the mapping's fixed values, then the
 * cells read as their columns say. Reports missing columns, unreadable and missing cells and
 * ids used twice, by row and column. Rows with problems get no command.
 * @since 0.2.0
 * @category constructors
 */
export const toCommands = (mapping: Mapping, sheet: Sheet): Commands => {
  const op = operationOf[mapping.target]
  const problems: Array<Problem> = []
  const place = new Map<string, number>()
  sheet.header.forEach((h, i) => {
    if (!place.has(h)) place.set(h, i)
  })
  const columns = mapping.columns.flatMap((column) => {
    const index = place.get(column.column)
    if (index === undefined) {
      problems.push({ row: 1, column: column.column, field: column.field, rule: "the column is not in the header row" })
      return []
    }
    return [{ column, index, field: fieldOf(column.field) }]
  })
  if (problems.length > 0) return { commands: [], rowOf: [], problems }
  const fixed = Object.fromEntries(Object.entries(mapping.fixed ?? {}).map(([k, v]) => [fieldOf(k), v]))
  const idColumn = columns.find((c) => c.field === "id")
  const seen = new Map<string, number>()
  const commands: Array<{ readonly op: Casework.WriteName; readonly input: unknown }> = []
  const rowOf: Array<number> = []
  for (const [i, cells] of sheet.rows.entries()) {
    const row = i + 2
    const input: Record<string, unknown> = { ...defaults[mapping.target], ...fixed }
    let bad = false
    for (const { column, field, index } of columns) {
      const cell = cells[index]
      if (cell === undefined || isEmpty(cell)) {
        if (column.required === true) {
          problems.push({ row, column: column.column, field, rule: "is required" })
          bad = true
        }
        continue
      }
      const value = read(column, cell)
      if (!value.ok) {
        problems.push({ row, column: column.column, field, rule: value.rule })
        bad = true
        continue
      }
      setPath(input, field, value.value)
    }
    if (idColumn !== undefined && typeof input["id"] === "string") {
      const first = seen.get(input["id"])
      if (first !== undefined) {
        problems.push({ row, column: idColumn.column.column, field: "id", rule: `the same id as row ${first}` })
        bad = true
      } else {
        seen.set(input["id"], row)
      }
    }
    // An identified person without contact details has none (a spreadsheet rarely says so).
    if (mapping.target === "person" && input["_tag"] === "identified" && input["contactDetails"] === undefined) {
      input["contactDetails"] = {}
    }
    if (
      mapping.target === "contact" && input["mode"] === undefined && Array.isArray(input["participants"]) &&
      typeof input["anonymousCount"] === "number"
    ) {
      input["mode"] = input["participants"].length + input["anonymousCount"] === 1 ? "individual" : "group"
    }
    if (bad) continue
    commands.push({ op, input })
    rowOf.push(row)
  }
  return { commands, rowOf, problems }
}

const isTagged = (u: unknown, tag: string): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && (u as { readonly _tag?: unknown })._tag === tag

/** The problems a case-work error of one row stands for, blamed on the columns of their fields. */
const problemsOf = (mapping: Mapping, row: number, error: unknown): ReadonlyArray<Problem> => {
  const columnOf = (path: string): Pick<Problem, "column" | "field"> => {
    const top = path.replace(/\[\d+\].*$/, "").replace(/^\./, "")
    const field = mapping.columns.find((c) => fieldOf(c.field) === top) ??
      mapping.columns.find((c) => fieldOf(c.field).split(".")[0] === top.split(".")[0])
    return field !== undefined ? { column: field.column, field: top } : top !== "" ? { field: top } : {}
  }
  if (isTagged(error, "InvalidInput")) {
    return (error["problems"] as ReadonlyArray<{ readonly path: string; readonly rule: string }>).map((p) => ({
      row,
      ...columnOf(p.path),
      rule: p.rule
    }))
  }
  if (isTagged(error, "InvalidCommand")) {
    return [{ row, ...columnOf(String(error["field"])), rule: String(error["rule"]) }]
  }
  if (isTagged(error, "NotFound")) {
    const kind = String(error["kind"])
    const field = `${kind.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())}Id`
    return [{ row, ...columnOf(field), rule: `no ${kind} with this id (or not one the actor may see)` }]
  }
  if (isTagged(error, "CommandRefused")) {
    const violations = error["violations"] as ReadonlyArray<
      { readonly principle: string; readonly rule: string; readonly reason: string }
    >
    const requirements = error["requirements"] as ReadonlyArray<
      { readonly principle: string; readonly rule: string; readonly kind: string; readonly detail: string }
    >
    const blame = (rule: string) => {
      const mapped = (ruleFields[rule] ?? []).map((f) => columnOf(f)).find((c) => c.column !== undefined)
      return mapped ?? {}
    }
    return [
      ...violations.map((v) => ({ row, ...blame(v.rule), rule: `${named(v.principle, v.rule)}: ${v.reason}` })),
      ...requirements.map((r) => ({
        row,
        ...blame(r.rule),
        rule: `${named(r.principle, r.rule)} requires ${r.kind}: ${r.detail}`
      }))
    ]
  }
  if (isTagged(error, "AccessDenied")) {
    return [{ row, rule: `the acting staff member may not do this (${String(error["reason"])})` }]
  }
  const tag = typeof error === "object" && error !== null && "_tag" in error ? String(error._tag) : "an error"
  return [{ row, rule: `refused (${tag})` }]
}

const summarise = (
  rowOf: ReadonlyArray<number>,
  written: ReadonlyArray<Casework.Written<unknown>>
): ReadonlyArray<WarningSummary> => {
  const byRule = new Map<
    string,
    { principle: string; rule: string; reason: string; count: number; rows: Array<number> }
  >()
  written.forEach((w, i) => {
    for (const warning of w.warnings) {
      const key = `${warning.principle}/${warning.rule}`
      const entry = byRule.get(key) ??
        { principle: warning.principle, rule: warning.rule, reason: warning.reason, count: 0, rows: [] }
      entry.count++
      if (entry.rows.length < 10) entry.rows.push(rowOf[i]!)
      byRule.set(key, entry)
    }
  })
  return [...byRule.values()]
}

/**
 * Imports a sheet by its mapping through `api.batch`: all rows in one unit of work, or nothing.
 * Fails with {@link ImportRefused} listing every problem by row and column (cell problems, and
 * every row the case-work API refused); any other error (the store, the actor) is passed on.
 *
 * @example
 * ```ts
 * const report = yield* Import.run(api, eva, mapping, sheet, { dryRun: true })
 * ```
 * @since 0.2.0
 * @category running
 */
export const run = (
  api: Pick<Casework.Api, "batch">,
  actor: ActorRef,
  mapping: Mapping,
  sheet: Sheet,
  options?: Options
): Effect.Effect<Report, ImportRefused | Casework.CaseworkError> =>
  Effect.gen(function*() {
    const { commands, problems, rowOf } = toCommands(mapping, sheet)
    const total = sheet.rows.length
    const progress = options?.onProgress
    const onPlanned = progress === undefined ? undefined : (index: number) =>
      index === commands.length - 1
        ? Effect.andThen(
          progress({ phase: "checking", done: total, total }),
          progress({ phase: "storing", done: 0, total })
        )
        : progress({ phase: "checking", done: index + 1, total })
    const dryRun = options?.dryRun === true || problems.length > 0
    const outcome = yield* Effect.result(api.batch(actor, commands as never, {
      dryRun,
      allRefusals: true,
      ...(onPlanned !== undefined ? { onPlanned } : {})
    }))
    const refused = [...problems]
    if (outcome._tag === "Failure") {
      const error = outcome.failure
      if (isTagged(error, "BatchRefused")) {
        const b = error as unknown as Casework.CaseworkError & {
          readonly index: number
          readonly error: unknown
          readonly later?: ReadonlyArray<{ readonly index: number; readonly error: unknown }>
        }
        for (const r of [b, ...(b.later ?? [])]) refused.push(...problemsOf(mapping, rowOf[r.index] ?? 0, r.error))
      } else if (
        isTagged(error, "StoreError") && isTagged((error as { readonly reason?: unknown }).reason, "Conflict")
      ) {
        // An id already stored: the store refused the commit; find its row.
        const id = String((error as unknown as { readonly reason: Record<string, unknown> }).reason["id"])
        const index = commands.findIndex((c) => (c.input as { readonly id?: unknown }).id === id)
        if (index < 0) return yield* Effect.fail(error)
        const idColumn = mapping.columns.find((c) => c.field === "id")
        refused.push({
          row: rowOf[index]!,
          ...(idColumn ? { column: idColumn.column } : {}),
          field: "id",
          rule: "a record with this id is already stored"
        })
      } else {
        return yield* Effect.fail(error)
      }
    }
    if (refused.length > 0) {
      refused.sort((a, b) => a.row - b.row)
      return yield* Effect.fail(new ImportRefused({ rows: total, problems: refused }))
    }
    const written = outcome._tag === "Success" ? outcome.success : []
    if (progress !== undefined && !dryRun) yield* progress({ phase: "storing", done: total, total })
    return { rows: total, operation: operationOf[mapping.target], stored: !dryRun, warnings: summarise(rowOf, written) }
  })
