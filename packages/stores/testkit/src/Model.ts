/**
 * The smallest possible model of the store contract, written for obviousness rather than speed:
 * the model-based test runs the same operations against it and against the adapter and expects
 * the same answers after every step.
 *
 * @since 0.1.0
 */
import { Audit, Store } from "@pomoc/core"
import { Effect } from "effect"

/**
 * The model's state: records by `kind/id`, and the audit log.
 * @since 0.1.0
 * @category models
 */
export interface Model {
  records: Map<string, Store.StoredRecord>
  audit: Array<Audit.AuditEntry>
}

/**
 * An empty model.
 * @since 0.1.0
 * @category constructors
 */
export const empty = (): Model => ({ records: new Map(), audit: [] })

const key = (kind: string, id: string) => JSON.stringify([kind, id])

/**
 * Compares strings by Unicode code point (UTF-8 byte order, SQL `C` collation): core's order.
 * @since 0.1.0
 * @category combinators
 */
export const compareText: (a: string, b: string) => number = Store.compareText

/**
 * The order of group values: null, then false < true, numbers, strings by code point: core's order.
 * @since 0.1.0
 * @category combinators
 */
export const compareFacetValues: (a: Store.FacetValue, b: Store.FacetValue) => number = Store.compareFacetValues

/**
 * The head of the model's audit chain.
 * @since 0.1.0
 * @category combinators
 */
export const head = (m: Model): Audit.Head => {
  const last = m.audit.at(-1)
  return last === undefined ? Audit.emptyHead : { seq: last.seq, hash: last.hash }
}

/**
 * A conflict a commit must fail with: a stale version or precondition, or (with `heldBy`) a guard
 * key another record of the kind holds.
 * @since 0.2.0
 * @category models
 */
export interface ModelConflict {
  readonly kind: string
  readonly id: string
  readonly expectedVersion: number
  readonly actualVersion: number
  readonly heldBy?: string
  /** For a unit decided before the log's last entry (`kind: "audit"`): that entry's time. */
  readonly notBefore?: string
}

/**
 * What a commit does to the model: the committed result, or the conflict it must fail with.
 * Preconditions are checked first, then writes in order, then deletes (each sees the ones before
 * it), then the guard keys of the final state, then renames.
 * @since 0.1.0
 * @category combinators
 */
export const commit = (
  m: Model,
  unit: Store.UnitOfWork
): { readonly _tag: "Committed"; readonly committed: Store.Committed } | {
  readonly _tag: "Conflict"
  readonly conflict: ModelConflict
} => {
  // A unit decided before the log's last entry is never stored back in time.
  const last = m.audit.at(-1)
  if (unit.at !== undefined && last !== undefined && Date.parse(last.at) > Date.parse(unit.at)) {
    return {
      _tag: "Conflict",
      conflict: { kind: "audit", id: String(last.seq), expectedVersion: 0, actualVersion: 0, notBefore: last.at }
    }
  }
  for (const e of unit.expect ?? []) {
    const actualVersion = m.records.get(key(e.kind, e.id))?.version ?? 0
    if (actualVersion !== e.version) {
      return { _tag: "Conflict", conflict: { kind: e.kind, id: e.id, expectedVersion: e.version, actualVersion } }
    }
  }
  const next = new Map(m.records)
  const versions: Array<number> = []
  for (const w of unit.writes) {
    const actualVersion = next.get(key(w.kind, w.id))?.version ?? 0
    if (actualVersion !== w.expectedVersion) {
      return {
        _tag: "Conflict",
        conflict: { kind: w.kind, id: w.id, expectedVersion: w.expectedVersion, actualVersion }
      }
    }
    const { expectedVersion: _, key: guard, lookup, ...rest } = w
    const tokens = [...new Set(lookup ?? [])].sort(compareText)
    const stored = {
      ...rest,
      version: actualVersion + 1,
      ...(guard === undefined || guard === null ? {} : { key: guard }),
      ...(tokens.length === 0 ? {} : { lookup: tokens })
    }
    next.set(key(w.kind, w.id), structuredClone(stored))
    versions.push(actualVersion + 1)
  }
  for (const d of unit.deletes ?? []) {
    const actualVersion = next.get(key(d.kind, d.id))?.version ?? 0
    if (actualVersion !== d.expectedVersion) {
      return {
        _tag: "Conflict",
        conflict: { kind: d.kind, id: d.id, expectedVersion: d.expectedVersion, actualVersion }
      }
    }
    next.delete(key(d.kind, d.id))
  }
  for (const w of unit.writes) {
    const mine = next.get(key(w.kind, w.id))
    if (typeof mine?.key !== "string") continue
    const other = [...next.values()].find((r) => r.kind === mine.kind && r.key === mine.key && r.id !== mine.id)
    if (other !== undefined) {
      return {
        _tag: "Conflict",
        conflict: {
          kind: w.kind,
          id: w.id,
          expectedVersion: w.expectedVersion,
          actualVersion: w.expectedVersion,
          heldBy: other.id
        }
      }
    }
  }
  for (const { from, to } of unit.renamePeople ?? []) {
    for (const [k, r] of next) {
      if (!r.personIds.includes(from)) continue
      next.set(k, {
        ...r,
        version: r.version + 1,
        personIds: r.personIds.map((p) => (p === from ? to : p)),
        data: Store.renameValue(r.data, from, to),
        ...(typeof r.key === "string" ? { key: Store.renameKey(r.key, from, to) } : {})
      })
    }
  }
  const sealed = Audit.seal(head(m), unit.audit)
  m.records = next
  m.audit = [...m.audit, ...sealed]
  return { _tag: "Committed", committed: { versions, audit: sealed } }
}

/**
 * A record by kind and id.
 * @since 0.1.0
 * @category combinators
 */
export const get = (m: Model, kind: string, id: string): Store.StoredRecord | undefined => m.records.get(key(kind, id))

const inQuery = (q: { kind: string; serviceId?: string; from?: string; to?: string }) => (r: Store.StoredRecord) =>
  r.kind === q.kind &&
  (q.serviceId === undefined || r.serviceId === q.serviceId) &&
  (q.from === undefined || (r.at !== null && r.at >= q.from)) &&
  (q.to === undefined || (r.at !== null && r.at < q.to))

/**
 * A list query (valid limit and offset assumed); with `after`, the records after that position.
 * @since 0.1.0
 * @category combinators
 */
export const list = (m: Model, q: Store.SelectQuery): Array<Store.StoredRecord> => {
  const order = (a: Store.Keyset, b: Store.Keyset) => compareFacetValues(a.at, b.at) || compareText(a.id, b.id)
  const after = q.after
  const all = [...m.records.values()]
    .filter(inQuery(q))
    .filter((r) => q.personId === undefined || r.personIds.includes(q.personId))
    .filter((r) => q.lookup === undefined || (r.lookup ?? []).includes(q.lookup))
    .filter((r) => {
      // Another record of the guarded kind holding `prefix + id + suffix` as its guard key.
      const g = q.guarded
      if (g === undefined) return true
      const held = `${g.prefix}${r.id}${g.suffix}`
      return g.present === [...m.records.values()].some((o) => o.kind === g.kind && o.key === held)
    })
    .filter((r) => after === undefined || order(r, after) > 0)
    .sort(order)
  const from = q.offset ?? 0
  return all.slice(from, q.limit === undefined ? undefined : from + q.limit)
}

/**
 * An aggregate query (valid names assumed), answered by core's memory store over the model's
 * records: the contract's GROUP BY lives in one place.
 * @since 0.1.0
 * @category combinators
 */
export const aggregate = (m: Model, q: Store.AggregateQuery): Array<Store.AggregateRow> => [
  ...Effect.runSync(Store.memoryOf(m.records.values()).aggregate(q))
]
