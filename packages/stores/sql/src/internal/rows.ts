/**
 * Reading rows back: every text column arrives as JSON text and every JSON column as text (see
 * `SqlDialect`), so one decoder serves every dialect. A row that does not decode is
 * `CorruptData` naming the column, never its value.
 *
 * @internal
 */
import { Audit, Store } from "@pomoc/core"
import { Effect } from "effect"
import { corrupt } from "./errors.js"

/** A record row as selected by `recordColumns`. */
export interface RecordRow {
  readonly kind: string
  readonly id: unknown
  readonly version: number | string | bigint
  readonly service_id: unknown
  readonly at: unknown
  readonly person_ids: unknown
  readonly tags: unknown
  readonly facets: unknown
  readonly data: unknown
  readonly guard_key: unknown
  readonly lookup: unknown
}

/** An audit row. */
export interface AuditRow {
  readonly seq: number | string | bigint
  readonly entry: unknown
  readonly prev_hash: string
  readonly hash: string
}

/** The select list of a record row, through the dialect's `text` and `json`. */
export const recordColumns = (text: (expr: string) => string, json: (expr: string) => string): string =>
  [
    "r.kind",
    `${text("r.id")} AS id`,
    "r.version",
    `${text("r.service_id")} AS service_id`,
    `${text("r.at")} AS at`,
    `${json("r.person_ids")} AS person_ids`,
    `${json("r.tags")} AS tags`,
    `${json("r.facets")} AS facets`,
    `${json("r.data")} AS data`,
    `${text("r.guard_key")} AS guard_key`,
    `${json("r.lookup")} AS lookup`
  ].join(", ")

/** Parses a JSON text column; throws `CorruptData`. */
export const json = (operation: string, column: string, value: unknown): unknown => {
  if (typeof value !== "string") throw corrupt(operation, `column ${column} is not JSON text`)
  try {
    return JSON.parse(value)
  } catch {
    throw corrupt(operation, `column ${column} does not hold valid JSON`)
  }
}

/** A text column sent as JSON text (a SQL NULL may also arrive as NULL). */
export const text = (operation: string, column: string, value: unknown): string | null => {
  if (value === null || value === undefined) return null
  const parsed = json(operation, column, value)
  if (parsed !== null && typeof parsed !== "string") throw corrupt(operation, `column ${column} is not text`)
  return parsed
}

const isStringArray = (value: unknown): value is ReadonlyArray<string> =>
  Array.isArray(value) && value.every((v) => typeof v === "string")

const isFacets = (value: unknown): value is Record<string, Store.FacetValue> => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false
  for (const v of Object.values(value as Record<string, unknown>)) {
    if (v !== null && typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") return false
  }
  return true
}

const toRecord = (operation: string, row: RecordRow): Store.StoredRecord => {
  const id = text(operation, "id", row.id)
  if (id === null) throw corrupt(operation, "column id is null")
  const personIds = json(operation, "person_ids", row.person_ids)
  if (!isStringArray(personIds)) throw corrupt(operation, "column person_ids is not an array of ids")
  const tags = json(operation, "tags", row.tags)
  if (!isStringArray(tags)) throw corrupt(operation, "column tags is not an array of strings")
  const facets = json(operation, "facets", row.facets)
  if (!isFacets(facets)) throw corrupt(operation, "column facets is not an object of facet values")
  const version = Number(row.version)
  if (!Number.isInteger(version) || version < 1) throw corrupt(operation, "column version is not a positive integer")
  const key = text(operation, "guard_key", row.guard_key)
  const record: Store.StoredRecord = {
    kind: row.kind as Store.RecordKind,
    id,
    version,
    serviceId: text(operation, "service_id", row.service_id),
    personIds,
    at: text(operation, "at", row.at),
    facets,
    tags,
    data: json(operation, "data", row.data)
  }
  const lookup = row.lookup === null || row.lookup === undefined ? [] : json(operation, "lookup", row.lookup)
  if (!isStringArray(lookup)) throw corrupt(operation, "column lookup is not an array of tokens")
  return {
    ...record,
    ...(key === null ? {} : { key }),
    ...(lookup.length === 0 ? {} : { lookup })
  }
}

/** Decodes record rows, failing with the first `CorruptData`. */
export const decodeRecords = (
  operation: string,
  rows: ReadonlyArray<RecordRow>
): Effect.Effect<Array<Store.StoredRecord>, Store.StoreError> =>
  Effect.suspend(() => {
    try {
      const out = new Array<Store.StoredRecord>(rows.length)
      for (let i = 0; i < rows.length; i++) out[i] = toRecord(operation, rows[i]!)
      return Effect.succeed(out)
    } catch (error) {
      return error instanceof Store.StoreError ? Effect.fail(error) : Effect.die(error)
    }
  })

// Without Schema: verifying a log reads every entry (`Audit.decodeDraft` makes the same checks).
const toAuditEntry = (row: AuditRow): Audit.AuditEntry => {
  const draft = Audit.decodeDraft(json("readAudit", "entry", row.entry))
  if (Audit.isDraftIssue(draft)) {
    throw corrupt(
      "readAudit",
      `audit entry ${String(row.seq)} does not hold a valid entry: ${draft.field} ${draft.rule}`
    )
  }
  // The draft is a fresh object of our own: completed in place rather than copied.
  const entry = draft as { -readonly [K in keyof Audit.AuditEntry]: Audit.AuditEntry[K] }
  entry.seq = Number(row.seq)
  entry.prevHash = row.prev_hash
  entry.hash = row.hash
  return entry
}

/** Decodes audit rows, failing with the first `CorruptData`. */
export const decodeAudit = (rows: ReadonlyArray<AuditRow>): Effect.Effect<Array<Audit.AuditEntry>, Store.StoreError> =>
  Effect.suspend(() => {
    try {
      const out = new Array<Audit.AuditEntry>(rows.length)
      for (let i = 0; i < rows.length; i++) out[i] = toAuditEntry(rows[i]!)
      return Effect.succeed(out)
    } catch (error) {
      return error instanceof Store.StoreError ? Effect.fail(error) : Effect.die(error)
    }
  })
