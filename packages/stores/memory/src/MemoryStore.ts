/**
 * The in-memory reference adapter of the `Store` contract: for tests, examples and quick starts.
 * Everything lives in one JavaScript `Map` and is lost when the process ends.
 *
 * @since 0.1.0
 */
import { Audit, Store } from "@pomoc/core"
import { Effect, Layer, Option } from "effect"

/**
 * Raw access to what a memory store holds, bypassing the contract: the conformance kit's probe
 * uses it to check what was really stored. Values are copies; only {@link Inspector.tamperAudit}
 * and {@link Inspector.truncateAudit} change state (to prove that tampering is detected).
 * @since 0.1.0
 * @category models
 */
export interface Inspector {
  /** The stored record, as the store holds it. */
  readonly record: (kind: Store.RecordKind, id: string) => Store.StoredRecord | undefined
  /** Every stored record. */
  readonly records: () => ReadonlyArray<Store.StoredRecord>
  /** The whole audit log. */
  readonly audit: () => ReadonlyArray<Audit.AuditEntry>
  /** Overwrites one field of a stored audit entry without re-sealing the chain. */
  readonly tamperAudit: (seq: number, field: string, value: unknown) => void
  /**
   * Drops every audit entry after `keep` (the head follows the last entry kept).
   * @since 0.2.0
   */
  readonly truncateAudit: (keep: number) => void
}

/**
 * A memory store together with its {@link Inspector}.
 * @since 0.1.0
 * @category models
 */
export interface Inspected {
  readonly store: Store.StoreShape
  readonly inspector: Inspector
}

const kinds: ReadonlySet<string> = new Set(Store.RecordKind.literals)
const keyOf = (kind: string, id: string): string => `${kind}\u0000${id}`

/** Orders strings by Unicode code point (the order of UTF-8 bytes and of the SQL `C` collation). */
const compareStrings = (a: string, b: string): number => {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x !== y) return fixUp(x) - fixUp(y)
  }
  return a.length - b.length
}
// UTF-16 puts astral code points (surrogates, 0xD800–0xDFFF) below 0xE000–0xFFFF; move them above.
const fixUp = (unit: number): number => (unit >= 0xe000 ? unit - 0x800 : unit >= 0xd800 ? unit + 0x2000 : unit)

const typeRank = (v: Store.FacetValue | undefined): number =>
  v === null || v === undefined ? 0 : typeof v === "boolean" ? 1 : typeof v === "number" ? 2 : 3

/** null first, then booleans (false < true), numbers ascending, strings by code point. */
const compareValues = (a: Store.FacetValue | undefined, b: Store.FacetValue | undefined): number => {
  const ra = typeRank(a)
  const rb = typeRank(b)
  if (ra !== rb) return ra - rb
  if (typeof a === "string" && typeof b === "string") return compareStrings(a, b)
  if (typeof a === "number" && typeof b === "number") return a - b
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b)
  return 0
}

const compareRecords = (a: Store.StoredRecord, b: Store.StoredRecord): number =>
  compareValues(a.at, b.at) || compareStrings(a.id, b.id)

const isCount = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n) && n >= 0

const invalid = (operation: string, detail: string) =>
  Effect.fail(Store.fail(operation, new Store.InvalidQuery({ detail })))

const constraint = (detail: string) =>
  Store.fail("commit", new Store.ConstraintViolation({ detail }))

const clone = <A>(a: A): A => structuredClone(a)

const makeUnsafe = (): Inspected => {
  const records = new Map<string, Store.StoredRecord>()
  let audit: Array<Audit.AuditEntry> = []
  const head = (): Audit.Head => {
    const last = audit[audit.length - 1]
    return last === undefined ? Audit.emptyHead : { seq: last.seq, hash: last.hash }
  }

  const commit = (unit: Store.UnitOfWork): Effect.Effect<Store.Committed, Store.StoreError> =>
    Effect.suspend(() => {
      // Everything below is synchronous, so no other fiber can interleave: validate against a
      // working copy, and only then replace the state.
      let input: Store.UnitOfWork
      try {
        input = clone(unit)
      } catch {
        return Effect.fail(constraint("unit must be structured-cloneable JSON data"))
      }
      const working = new Map<string, Store.StoredRecord | undefined>()
      const current = (kind: string, id: string) => {
        const key = keyOf(kind, id)
        return working.has(key) ? working.get(key) : records.get(key)
      }
      const versions: Array<number> = []
      for (const [i, w] of input.writes.entries()) {
        if (!kinds.has(w.kind)) return Effect.fail(constraint(`writes[${i}].kind must be a record kind`))
        if (!isCount(w.expectedVersion)) return Effect.fail(constraint(`writes[${i}].expectedVersion must be a non-negative integer`))
        const actualVersion = current(w.kind, w.id)?.version ?? 0
        if (actualVersion !== w.expectedVersion) {
          return Effect.fail(Store.fail("commit", new Store.Conflict({ kind: w.kind, id: w.id, expectedVersion: w.expectedVersion, actualVersion })))
        }
        const { expectedVersion: _, ...rest } = w
        const version = actualVersion + 1
        working.set(keyOf(w.kind, w.id), { ...rest, version })
        versions.push(version)
      }
      for (const [i, d] of (input.deletes ?? []).entries()) {
        if (!kinds.has(d.kind)) return Effect.fail(constraint(`deletes[${i}].kind must be a record kind`))
        if (!isCount(d.expectedVersion)) return Effect.fail(constraint(`deletes[${i}].expectedVersion must be a non-negative integer`))
        const actualVersion = current(d.kind, d.id)?.version ?? 0
        if (actualVersion !== d.expectedVersion) {
          return Effect.fail(Store.fail("commit", new Store.Conflict({ kind: d.kind, id: d.id, expectedVersion: d.expectedVersion, actualVersion })))
        }
        working.set(keyOf(d.kind, d.id), undefined)
      }
      const renameProblem = Store.renameProblem(input)
      if (renameProblem !== undefined) return Effect.fail(constraint(renameProblem))
      for (const { from, to } of input.renamePeople ?? []) {
        const keys = new Set([...records.keys(), ...working.keys()])
        for (const key of keys) {
          const record = working.has(key) ? working.get(key) : records.get(key)
          if (record === undefined || !record.personIds.includes(from)) continue
          working.set(key, {
            ...record,
            version: record.version + 1,
            personIds: record.personIds.map((p) => (p === from ? to : p)),
            data: Store.renameValue(record.data, from, to)
          })
        }
      }
      const sealed = Audit.seal(head(), input.audit)
      for (const [key, record] of working) {
        if (record === undefined) records.delete(key)
        else records.set(key, record)
      }
      audit = [...audit, ...sealed]
      return Effect.succeed({ versions, audit: clone(sealed) })
    })

  const get = (kind: Store.RecordKind, id: string) =>
    Effect.sync(() => Option.map(Option.fromNullishOr(records.get(keyOf(kind, id))), clone))

  const matches = (query: { readonly kind: string; readonly serviceId?: string; readonly from?: string; readonly to?: string }) =>
    (r: Store.StoredRecord): boolean =>
      r.kind === query.kind &&
      (query.serviceId === undefined || r.serviceId === query.serviceId) &&
      (query.from === undefined || (r.at !== null && compareStrings(r.at, query.from) >= 0)) &&
      (query.to === undefined || (r.at !== null && compareStrings(r.at, query.to) < 0))

  const list = (query: Store.RecordQuery): Effect.Effect<ReadonlyArray<Store.StoredRecord>, Store.StoreError> =>
    Effect.suspend(() => {
      if (!kinds.has(query.kind)) return invalid("list", "kind must be a record kind")
      if (query.limit !== undefined && !isCount(query.limit)) return invalid("list", "limit must be a non-negative integer")
      if (query.offset !== undefined && !isCount(query.offset)) return invalid("list", "offset must be a non-negative integer")
      const found = [...records.values()]
        .filter(matches(query))
        .filter((r) => query.personId === undefined || r.personIds.includes(query.personId))
        .sort(compareRecords)
      const offset = query.offset ?? 0
      const page = query.limit === undefined ? found.slice(offset) : found.slice(offset, offset + query.limit)
      return Effect.succeed(page.map(clone))
    })

  const aggregate = (query: Store.AggregateQuery): Effect.Effect<ReadonlyArray<Store.AggregateRow>, Store.StoreError> =>
    Effect.suspend(() => {
      if (!kinds.has(query.kind)) return invalid("aggregate", "kind must be a record kind")
      for (const [i, name] of query.groupBy.entries()) {
        if (!Store.FACET_NAME.test(name)) return invalid("aggregate", `groupBy[${i}] must match ${String(Store.FACET_NAME)}`)
      }
      if (new Set(query.groupBy).size !== query.groupBy.length) return invalid("aggregate", "groupBy must not repeat a name")
      const sum = query.sum ?? []
      for (const [i, name] of sum.entries()) {
        if (!Store.FACET_NAME.test(name)) return invalid("aggregate", `sum[${i}] must match ${String(Store.FACET_NAME)}`)
      }
      // Expand each record into its group keys (one per tag when grouping by tag).
      const groups = new Map<string, { group: Array<Store.FacetValue>; records: Array<Store.StoredRecord> }>()
      for (const r of records.values()) {
        if (!matches(query)(r)) continue
        let keys: Array<Array<Store.FacetValue>> = [[]]
        for (const name of query.groupBy) {
          const values: Array<Store.FacetValue> = name === "tag"
            ? [...new Set(r.tags)]
            : name === "month"
            ? [r.at === null ? null : r.at.slice(0, 7)]
            : [r.facets[name] ?? null]
          keys = keys.flatMap((k) => values.map((v) => [...k, v]))
        }
        for (const k of keys) {
          const id = JSON.stringify(k)
          const g = groups.get(id)
          if (g === undefined) groups.set(id, { group: k, records: [r] })
          else g.records.push(r)
        }
      }
      const rows = [...groups.values()]
        .sort((a, b) => {
          for (let i = 0; i < a.group.length; i++) {
            const c = compareValues(a.group[i], b.group[i])
            if (c !== 0) return c
          }
          return 0
        })
        .map((g): Store.AggregateRow => {
          const sums: Record<string, number> = {}
          for (const name of sum) {
            sums[name] = g.records.reduce((acc, r) => {
              const v = r.facets[name]
              return acc + (typeof v === "number" ? v : 0)
            }, 0)
          }
          const group: Record<string, Store.FacetValue> = {}
          query.groupBy.forEach((name, i) => {
            group[name] = g.group[i] ?? null
          })
          const row = { group, count: g.records.length, sums }
          return query.distinctPeople === true
            ? { ...row, distinctPeople: new Set(g.records.flatMap((r) => r.personIds)).size }
            : row
        })
      return Effect.succeed(rows)
    })

  const readAudit = (fromSeq = 1, limit = 1000): Effect.Effect<ReadonlyArray<Audit.AuditEntry>, Store.StoreError> =>
    Effect.suspend(() => {
      if (!Number.isInteger(fromSeq) || fromSeq < 1) return invalid("readAudit", "fromSeq must be a positive integer")
      if (!isCount(limit)) return invalid("readAudit", "limit must be a non-negative integer")
      return Effect.succeed(audit.slice(fromSeq - 1, fromSeq - 1 + limit).map(clone))
    })

  const store: Store.StoreShape = {
    name: "memory",
    capabilities: { concurrentWriters: false, durable: false, migrations: false },
    commit,
    get,
    list,
    aggregate,
    readAudit,
    auditHead: Effect.sync(head)
  }
  const inspector: Inspector = {
    record: (kind, id) => {
      const r = records.get(keyOf(kind, id))
      return r === undefined ? undefined : clone(r)
    },
    records: () => [...records.values()].map(clone),
    audit: () => audit.map(clone),
    tamperAudit: (seq, field, value) => {
      audit = audit.map((e) => (e.seq === seq ? ({ ...e, [field]: value }) : e))
    },
    truncateAudit: (keep) => {
      audit = audit.filter((e) => e.seq <= keep)
    }
  }
  return { store, inspector }
}

/**
 * Makes an empty memory store.
 *
 * @example
 * ```ts
 * import { MemoryStore } from "@pomoc/store-memory"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const store = yield* MemoryStore.make()
 *   return store.capabilities
 * })
 * ```
 * @since 0.1.0
 * @category constructors
 */
export const make = (): Effect.Effect<Store.StoreShape> => Effect.sync(() => makeUnsafe().store)

/**
 * Makes an empty memory store and an {@link Inspector} into it (for tests and conformance probes).
 * @since 0.1.0
 * @category constructors
 */
export const makeWithInspector = (): Effect.Effect<Inspected> => Effect.sync(makeUnsafe)

/**
 * Provides `Store` with a fresh, empty memory store each time the layer is built.
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Store.Store> = Layer.effect(Store.Store, make())
