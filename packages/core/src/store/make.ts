/**
 * `Store.make`: the meaning of the store contract, built once on an adapter's primitives.
 * Validates units and queries, plans a commit (writes in order against the versions as they
 * evolve, then deletes, then preconditions and guard keys), seals the audit chain and orders
 * results.
 *
 * @internal
 */
import { Effect } from "effect"
import * as Audit from "../Audit.js"
import type { PageQuery, RecordPage, StoreShape, UnitOfWork } from "./contract.js"
import {
  Conflict,
  ConstraintViolation,
  DEFAULT_PAGE_SIZE,
  FACET_NAME,
  fail,
  GUARD_PART,
  InvalidQuery,
  LOOKUP_TOKEN,
  MAX_PAGE_SIZE,
  PAGE_FILTERS,
  RecordKind,
  renameProblem
} from "./contract.js"
import type { AggregateQuery, AggregateRow, Committed, RecordQuery, StoredRecord, StoreError } from "./contract.js"
import { decodeCursor, encodeCursor, type Keyset } from "./cursor.js"
import { compareRows, compareText, compareTransitions } from "./order.js"
import type { RecordKey, RecordPut, SelectQuery, StorePrimitives } from "./primitives.js"

/**
 * The store's spans name the operation only: capturing a stack trace for each (Effect's default)
 * costs more than a small read itself.
 */
const noStackTrace = { captureStackTrace: false } as const

const kinds: ReadonlySet<string> = new Set(RecordKind.literals)
const isCount = (n: unknown): boolean => typeof n === "number" && Number.isSafeInteger(n) && n >= 0
const keyOf = (kind: string, id: string): string => kind + "\u0000" + id
const isToken = (t: unknown): boolean => typeof t === "string" && LOOKUP_TOKEN.test(t)
const isGuarded = (g: unknown): boolean => {
  if (typeof g !== "object" || g === null) return false
  const { kind, prefix, present, suffix } = g as Record<string, unknown>
  return typeof kind === "string" && kinds.has(kind) && typeof present === "boolean" &&
    typeof prefix === "string" && GUARD_PART.test(prefix) && typeof suffix === "string" && GUARD_PART.test(suffix)
}

const isFacetValue = (v: unknown): boolean =>
  v === null || typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v))

/** Why an aggregate's filters (`where` or `part`) are refused, or `undefined`. Names the field, never the value. */
const filtersProblem = (field: "where" | "part", filters: unknown): string | undefined => {
  if (filters === undefined) return undefined
  if (!Array.isArray(filters)) return `${field} must be a list of filters`
  for (const [i, f] of (filters as ReadonlyArray<{ readonly by?: unknown; readonly in?: unknown } | null>).entries()) {
    const by = f?.by
    if (typeof by !== "string" || !FACET_NAME.test(by) || by === "month") {
      return `${field}[${i}].by must be a facet name or "tag"`
    }
    const values: unknown = f?.in
    if (!Array.isArray(values) || !(values as ReadonlyArray<unknown>).every(isFacetValue)) {
      return `${field}[${i}].in must be a list of facet values`
    }
  }
  return undefined
}

const whereProblem = (query: AggregateQuery): string | undefined =>
  filtersProblem("where", query.where) ?? filtersProblem("part", query.part)

/** Why a unit of work is refused before it reaches the database, or `undefined`. Names the field, never the value. */
const unitProblem = (unit: UnitOfWork): string | undefined => {
  for (const [i, w] of unit.writes.entries()) {
    if (!kinds.has(w.kind)) return `writes[${i}].kind must be a record kind`
    if (!isCount(w.expectedVersion)) return `writes[${i}].expectedVersion must be a non-negative integer`
    if (w.key !== undefined && w.key !== null && (typeof w.key !== "string" || w.key.length === 0)) {
      return `writes[${i}].key must be a non-empty string or null`
    }
    if (w.lookup !== undefined && (!Array.isArray(w.lookup) || !w.lookup.every(isToken))) {
      return `writes[${i}].lookup must be an array of tokens matching ${String(LOOKUP_TOKEN)}`
    }
  }
  for (const [i, d] of (unit.deletes ?? []).entries()) {
    if (!kinds.has(d.kind)) return `deletes[${i}].kind must be a record kind`
    if (!isCount(d.expectedVersion)) return `deletes[${i}].expectedVersion must be a non-negative integer`
  }
  for (const [i, e] of (unit.expect ?? []).entries()) {
    if (!kinds.has(e.kind)) return `expect[${i}].kind must be a record kind`
    if (!isCount(e.version)) return `expect[${i}].version must be a non-negative integer`
  }
  if (unit.at !== undefined && (typeof unit.at !== "string" || Number.isNaN(Date.parse(unit.at)))) {
    return "at must be an ISO 8601 time"
  }
  return undefined
}

const conflict = (
  kind: string,
  id: string,
  expectedVersion: number,
  actualVersion: number,
  heldBy?: string
): StoreError =>
  fail(
    "commit",
    new Conflict({ kind, id, expectedVersion, actualVersion, ...(heldBy === undefined ? {} : { heldBy }) })
  )

type Final =
  | { readonly _tag: "put"; readonly record: StoredRecord; readonly expectedVersion: number }
  | { readonly _tag: "delete"; readonly key: RecordKey }

interface Plan {
  readonly versions: ReadonlyArray<number>
  readonly finals: ReadonlyMap<string, Final>
}

/**
 * Applies the unit's operations in order against the versions as they evolve (so a unit may
 * touch one record more than once); only each record's final state is kept.
 */
const plan = (unit: UnitOfWork, before: ReadonlyMap<string, number>): Plan | StoreError => {
  for (const e of unit.expect ?? []) {
    const actual = before.get(keyOf(e.kind, e.id)) ?? 0
    if (actual !== e.version) return conflict(e.kind, e.id, e.version, actual)
  }
  const current = new Map(before)
  const finals = new Map<string, Final>()
  const versions: Array<number> = []
  for (const { expectedVersion, key, lookup, ...rest } of unit.writes) {
    const k = keyOf(rest.kind, rest.id)
    const actual = current.get(k) ?? 0
    if (actual !== expectedVersion) return conflict(rest.kind, rest.id, expectedVersion, actual)
    const version = actual + 1
    current.set(k, version)
    versions.push(version)
    const tokens = lookup === undefined ? [] : [...new Set(lookup)].sort(compareText)
    const record: StoredRecord = {
      ...rest,
      version,
      ...(key === undefined || key === null ? {} : { key }),
      ...(tokens.length === 0 ? {} : { lookup: tokens })
    }
    finals.set(k, { _tag: "put", record, expectedVersion })
  }
  for (const d of unit.deletes ?? []) {
    const k = keyOf(d.kind, d.id)
    const actual = current.get(k) ?? 0
    if (actual !== d.expectedVersion) return conflict(d.kind, d.id, d.expectedVersion, actual)
    current.delete(k)
    if (before.has(k)) finals.set(k, { _tag: "delete", key: { kind: d.kind, id: d.id } })
    else finals.delete(k)
  }
  return { versions, finals }
}

const pageFilters: ReadonlySet<string> = new Set([...PAGE_FILTERS, "limit", "cursor"])

const refused = (field: string, detail: string): StoreError => fail("page", new InvalidQuery({ field, detail }))

/**
 * The meaning of `page` on an adapter's `select`: validates the query (kind, indexed filters
 * only, page size, cursor), asks for one record more than the page to know whether another
 * follows, and makes the next cursor. `Store.make` uses it; so may a test double of the store.
 * @since 0.2.0
 * @category constructors
 */
export const pageWith = (
  select: (query: SelectQuery) => Effect.Effect<ReadonlyArray<StoredRecord>, StoreError>
) =>
(query: PageQuery): Effect.Effect<RecordPage, StoreError> => {
  // Every field is checked by name, never echoed by value; facet and tag names are not personal.
  for (const field of Object.keys(query)) {
    if (!pageFilters.has(field) && (query as unknown as Record<string, unknown>)[field] !== undefined) {
      const name = FACET_NAME.test(field) ? field : "filter"
      return Effect.fail(refused(name, `${name} is not an indexed filter`))
    }
  }
  if (!kinds.has(query.kind)) return Effect.fail(refused("kind", "kind must be a record kind"))
  for (const field of ["serviceId", "personId", "from", "to"] as const) {
    const value = query[field]
    if (value !== undefined && typeof value !== "string") {
      return Effect.fail(refused(field, `${field} must be a string`))
    }
  }
  if (query.lookup !== undefined && !isToken(query.lookup)) {
    return Effect.fail(refused("lookup", `lookup must match ${String(LOOKUP_TOKEN)}`))
  }
  if (query.guarded !== undefined && !isGuarded(query.guarded)) {
    return Effect.fail(
      refused("guarded", `guarded must name a record kind, a prefix and a suffix matching ${String(GUARD_PART)}`)
    )
  }
  const limit = query.limit ?? DEFAULT_PAGE_SIZE
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    return Effect.fail(refused("limit", `limit must be an integer from 1 to ${MAX_PAGE_SIZE}`))
  }
  const { cursor } = query
  const filters: RecordQuery = { kind: query.kind }
  for (const field of ["serviceId", "personId", "from", "to", "lookup"] as const) {
    if (query[field] !== undefined) Object.assign(filters, { [field]: query[field] })
  }
  if (query.guarded !== undefined) {
    const { kind, prefix, present, suffix } = query.guarded
    Object.assign(filters, { guarded: { kind, prefix, suffix, present } })
  }
  let after: Keyset | undefined
  if (cursor !== undefined) {
    after = decodeCursor(filters, cursor)
    if (after === undefined) return Effect.fail(refused("cursor", "cursor must be one a page of this query returned"))
  }
  return select({ ...filters, limit: limit + 1, ...(after === undefined ? {} : { after }) }).pipe(
    Effect.map((found): RecordPage => {
      if (found.length <= limit) return { records: found }
      const records = found.slice(0, limit)
      return { records, next: encodeCursor(filters, records[limit - 1]!) }
    }),
    Effect.withSpan("Store.page", undefined, noStackTrace)
  )
}

const uniqueKeys = (items: Iterable<RecordKey>): Array<RecordKey> => {
  const seen = new Map<string, RecordKey>()
  for (const { id, kind } of items) seen.set(keyOf(kind, id), { kind, id })
  return [...seen.values()]
}

/**
 * Builds the whole store contract on an adapter's primitives.
 *
 * @example
 * ```ts
 * import { Store } from "@pomoc/core"
 * import { Effect } from "effect"
 *
 * // An adapter wraps its primitives; here, the memory store's own.
 * const program = Effect.gen(function*() {
 *   const store = yield* Store.makeMemory()
 *   return store.name
 * })
 * ```
 * @since 0.2.0
 * @category constructors
 */
export const make = (p: StorePrimitives): StoreShape => {
  /** Fails with a retryable Conflict when a written guard key is held by another record of its kind. */
  const checkKeys = (finals: ReadonlyMap<string, Final>) =>
    Effect.gen(function*() {
      type Writer = StoredRecord & { readonly expectedVersion: number }
      const wanted = new Map<RecordKind, Map<string, Writer>>()
      for (const final of finals.values()) {
        if (final._tag !== "put" || typeof final.record.key !== "string") continue
        const byKey = wanted.get(final.record.kind) ?? new Map<string, Writer>()
        wanted.set(final.record.kind, byKey)
        const other = byKey.get(final.record.key)
        if (other !== undefined) {
          return yield* conflict(
            final.record.kind,
            final.record.id,
            final.expectedVersion,
            final.record.version - 1,
            other.id
          )
        }
        byKey.set(final.record.key, { ...final.record, expectedVersion: final.expectedVersion })
      }
      for (const [kind, byKey] of wanted) {
        const holders = yield* p.readKeys(kind, [...byKey.keys()])
        for (const holder of holders) {
          const writer = byKey.get(holder.key)
          if (writer === undefined || writer.id === holder.id) continue
          // The holder gives the key up in this very unit: deleted, or rewritten with another key.
          const next = finals.get(keyOf(kind, holder.id))
          if (next !== undefined && (next._tag === "delete" || next.record.key !== holder.key)) continue
          return yield* conflict(kind, writer.id, writer.expectedVersion, writer.version - 1, holder.id)
        }
      }
    })

  /**
   * The last audit entry this store committed: when the locked head is still that entry (the
   * same sequence number and chain hash, so the same entry), its time is known without reading
   * it back. Set only after its transaction committed; any other head is read from the log.
   */
  let lastCommitted: { readonly seq: number; readonly hash: string; readonly at: string } | undefined
  const lastAt = (head: Audit.Head): Effect.Effect<string | undefined, StoreError> =>
    lastCommitted !== undefined && lastCommitted.seq === head.seq && lastCommitted.hash === head.hash
      ? Effect.succeed(lastCommitted.at)
      : Effect.map(p.readAudit(head.seq, 1), (entries) => entries[0]?.at)

  const commitBody = (unit: UnitOfWork) =>
    Effect.gen(function*() {
      const head = yield* p.lockHead
      // A unit decided before the last entry's commit is decided again, never stored back in time.
      if (unit.at !== undefined && head.seq > 0) {
        const at = yield* lastAt(head)
        if (at !== undefined && Date.parse(at) > Date.parse(unit.at)) {
          return yield* Effect.fail(fail(
            "commit",
            new Conflict({
              kind: "audit",
              id: String(head.seq),
              expectedVersion: 0,
              actualVersion: 0,
              notBefore: at
            })
          ))
        }
      }
      const touched = uniqueKeys([...unit.writes, ...(unit.deletes ?? []), ...(unit.expect ?? [])])
      const stored = touched.length === 0 ? [] : yield* p.readVersions(touched)
      const before = new Map(stored.map((v) => [keyOf(v.kind, v.id), v.version]))
      const planned = plan(unit, before)
      if (!("versions" in planned)) return yield* Effect.fail(planned)
      yield* checkKeys(planned.finals)
      const deletes: Array<RecordKey> = []
      const puts: Array<RecordPut> = []
      for (const [k, final] of planned.finals) {
        if (final._tag === "delete") deletes.push(final.key)
        else puts.push({ record: final.record, replaces: before.has(k) })
      }
      if (deletes.length > 0) yield* p.deleteRecords(deletes)
      if (puts.length > 0) yield* p.putRecords(puts)
      for (const { from, to } of unit.renamePeople ?? []) yield* p.renamePerson(from, to)
      const audit = Audit.seal(head, unit.audit, yield* Audit.Hasher)
      if (audit.length > 0) yield* p.appendAudit(audit)
      return { versions: planned.versions, audit } satisfies Committed
    })

  const commit = (unit: UnitOfWork): Effect.Effect<Committed, StoreError> => {
    const problem = unitProblem(unit) ?? renameProblem(unit)
    if (problem !== undefined) return Effect.fail(fail("commit", new ConstraintViolation({ detail: problem })))
    return p.transaction(commitBody(unit), unit.writes.length + (unit.deletes?.length ?? 0)).pipe(
      Effect.map((committed) => {
        const last = committed.audit[committed.audit.length - 1]
        if (last !== undefined) lastCommitted = { seq: last.seq, hash: last.hash, at: last.at }
        return committed
      }),
      Effect.withSpan("Store.commit", undefined, noStackTrace)
    )
  }

  const invalid = (operation: string, detail: string) => Effect.fail(fail(operation, new InvalidQuery({ detail })))

  const list = (query: RecordQuery): Effect.Effect<ReadonlyArray<StoredRecord>, StoreError> => {
    if (!kinds.has(query.kind)) return invalid("list", "kind must be a record kind")
    if (query.limit !== undefined && !isCount(query.limit)) {
      return invalid("list", "limit must be a non-negative integer")
    }
    if (query.offset !== undefined && !isCount(query.offset)) {
      return invalid("list", "offset must be a non-negative integer")
    }
    if (query.lookup !== undefined && !isToken(query.lookup)) {
      return invalid("list", `lookup must match ${String(LOOKUP_TOKEN)}`)
    }
    if (query.guarded !== undefined && !isGuarded(query.guarded)) {
      return invalid("list", `guarded must name a record kind, a prefix and a suffix matching ${String(GUARD_PART)}`)
    }
    return p.select(query).pipe(Effect.withSpan("Store.list", undefined, noStackTrace))
  }

  const aggregate = (query: AggregateQuery): Effect.Effect<ReadonlyArray<AggregateRow>, StoreError> => {
    if (!kinds.has(query.kind)) return invalid("aggregate", "kind must be a record kind")
    // Names are checked, never echoed: "tag" and "month" match FACET_NAME too.
    for (const [i, name] of query.groupBy.entries()) {
      if (!FACET_NAME.test(name)) return invalid("aggregate", `groupBy[${i}] must match ${String(FACET_NAME)}`)
    }
    if (new Set(query.groupBy).size !== query.groupBy.length) {
      return invalid("aggregate", "groupBy must not repeat a name")
    }
    for (const [i, name] of (query.sum ?? []).entries()) {
      if (!FACET_NAME.test(name)) return invalid("aggregate", `sum[${i}] must match ${String(FACET_NAME)}`)
    }
    const filterProblem = whereProblem(query)
    if (filterProblem !== undefined) return invalid("aggregate", filterProblem)
    if (query.change !== undefined && (!FACET_NAME.test(query.change) || query.change === "month")) {
      return invalid("aggregate", "change must be a facet name")
    }
    if (query.distinctBy !== undefined && query.distinctBy !== "person" && query.distinctBy !== "code") {
      return invalid("aggregate", "distinctBy must be person or code")
    }
    return p.group(query).pipe(
      Effect.map((rows) =>
        rows.filter((row) => row.count > 0).sort(compareRows(query.groupBy)).map((row) =>
          row.changes === undefined ? row : { ...row, changes: [...row.changes].sort(compareTransitions) }
        )
      ),
      Effect.withSpan("Store.aggregate", undefined, noStackTrace)
    )
  }

  const readAudit = (fromSeq = 1, limit = 1000): Effect.Effect<ReadonlyArray<Audit.AuditEntry>, StoreError> => {
    if (!Number.isSafeInteger(fromSeq) || fromSeq < 1) return invalid("readAudit", "fromSeq must be a positive integer")
    if (!isCount(limit)) return invalid("readAudit", "limit must be a non-negative integer")
    return p.readAudit(fromSeq, limit)
  }

  return {
    name: p.name,
    capabilities: p.capabilities,
    commit,
    get: p.get,
    list,
    page: pageWith(p.select),
    aggregate,
    readAudit,
    auditHead: p.auditHead,
    ...(p.pending === undefined ? {} : { pending: p.pending }),
    ...(p.done === undefined ? {} : { done: p.done })
  }
}
