/**
 * The in-memory adapter: primitives over one JavaScript `Map`, for tests, examples and quick
 * starts. Everything is lost when the process ends. Its `group` is the reference GROUP BY that
 * test fakes and models use instead of their own.
 *
 * @internal
 */
import { Effect, Exit, Layer, Option, Semaphore } from "effect"
import * as Audit from "../Audit.js"
import { CODE_SUFFIX, ConstraintViolation, fail, renameKey, renameValue, Store } from "./contract.js"
import type {
  AggregateQuery,
  AggregateRow,
  FacetValue,
  RecordKind,
  StoredRecord,
  StoreShape,
  Transition
} from "./contract.js"
import { make } from "./make.js"
import { compareRecords, compareText } from "./order.js"
import type { KeyHolder, SelectQuery, StorePrimitives } from "./primitives.js"

/**
 * Raw access to what a memory store holds, bypassing the contract: the conformance kit's probe
 * uses it to check what was really stored. Values are copies; only
 * {@link MemoryInspector.tamperAudit} and {@link MemoryInspector.truncateAudit} change state (to
 * prove that tampering is detected).
 * @since 0.2.0
 * @category models
 */
export interface MemoryInspector {
  /** The stored record, as the store holds it. */
  readonly record: (kind: RecordKind, id: string) => StoredRecord | undefined
  /** Every stored record. */
  readonly records: () => ReadonlyArray<StoredRecord>
  /** The whole audit log. */
  readonly audit: () => ReadonlyArray<Audit.AuditEntry>
  /** Overwrites one field of a stored audit entry without re-sealing the chain. */
  readonly tamperAudit: (seq: number, field: string, value: unknown) => void
  /** Drops every audit entry after `keep` (the head follows the last entry kept). */
  readonly truncateAudit: (keep: number) => void
}

/**
 * A memory store together with its {@link MemoryInspector}.
 * @since 0.2.0
 * @category models
 */
export interface InspectedMemory {
  readonly store: StoreShape
  readonly inspector: MemoryInspector
}

const keyOf = (kind: string, id: string): string => `${kind}\u0000${id}`
const clone = <A>(a: A): A => structuredClone(a)

type Period = { readonly kind: string; readonly serviceId?: string; readonly from?: string; readonly to?: string }
const inPeriod = (query: Period) => (r: StoredRecord): boolean =>
  r.kind === query.kind &&
  (query.serviceId === undefined || r.serviceId === query.serviceId) &&
  (query.from === undefined || (r.at !== null && compareText(r.at, query.from) >= 0)) &&
  (query.to === undefined || (r.at !== null && compareText(r.at, query.to) < 0))

/**
 * The contract's GROUP BY over records in memory: one group per combination of values (one per
 * distinct tag when grouping by `tag`, `YYYY-MM` of `at` for `month`, a facet's value or null
 * otherwise), with counts, numeric sums and distinct people (by id, or by the code on each
 * person's record: `distinctBy`). Rows come unordered.
 */
export const groupRecords = (records: Iterable<StoredRecord>, query: AggregateQuery): Array<AggregateRow> => {
  const all = [...records]
  let codes: Map<string, string> | undefined
  const inRange = inPeriod(query)
  const filters = query.where ?? []
  const matches = (r: StoredRecord): boolean =>
    inRange(r) &&
    filters.every((f) => f.by === "tag" ? r.tags.some((t) => f.in.includes(t)) : f.in.includes(r.facets[f.by] ?? null))
  const groups = new Map<
    string,
    { readonly values: ReadonlyArray<FacetValue>; readonly members: Array<StoredRecord> }
  >()
  for (const r of all) {
    if (!matches(r)) continue
    let combos: Array<ReadonlyArray<FacetValue>> = [[]]
    for (const name of query.groupBy) {
      const values: ReadonlyArray<FacetValue> = name === "tag"
        ? [...new Set(r.tags)]
        : name === "month"
        ? [r.at === null ? null : r.at.slice(0, 7)]
        : [r.facets[name] ?? null]
      combos = combos.flatMap((c) => values.map((v) => [...c, v]))
    }
    for (const values of combos) {
      const id = JSON.stringify(values)
      const g = groups.get(id)
      if (g === undefined) groups.set(id, { values, members: [r] })
      else g.members.push(r)
    }
  }
  return [...groups.values()].map(({ members, values }): AggregateRow => {
    const sums: Record<string, number> = {}
    for (const name of query.sum ?? []) {
      sums[name] = members.reduce((acc, r) => {
        const v = r.facets[name]
        return acc + (typeof v === "number" ? v : 0)
      }, 0)
    }
    const group: Record<string, FacetValue> = {}
    query.groupBy.forEach((name, i) => {
      group[name] = values[i] ?? null
    })
    const row: AggregateRow = {
      group,
      count: members.length,
      sums,
      ...(query.change !== undefined ? { changes: transitions(members, query.change) } : {})
    }
    if (query.distinctPeople !== true) return row
    const people = new Set(members.flatMap((r) => r.personIds))
    const who = query.distinctBy === "code" ? (codes ??= codesOf(all)) : undefined
    return {
      ...row,
      distinctPeople: who === undefined ? people.size : new Set([...people].map((p) => who.get(p) ?? `p:${p}`)).size
    }
  })
}

/** Each person's code token (the least, if several), from their person record, keyed apart from ids. */
const codesOf = (records: Iterable<StoredRecord>): Map<string, string> => {
  const out = new Map<string, string>()
  for (const r of records) {
    if (r.kind !== "person") continue
    const code = (r.lookup ?? []).filter((t) => t.endsWith(CODE_SUFFIX)).sort(compareText)[0]
    if (code !== undefined) out.set(r.id, `c:${code}`)
  }
  return out
}

/** Each person's value of `facet` on their first and last record (by `at`, then `id`), counted per pair. */
const transitions = (members: ReadonlyArray<StoredRecord>, facet: string): Array<Transition> => {
  const ends = new Map<string, { first: FacetValue; last: FacetValue }>()
  for (const r of [...members].sort(compareRecords)) {
    const value = r.facets[facet] ?? null
    for (const person of r.personIds) {
      const seen = ends.get(person)
      if (seen === undefined) ends.set(person, { first: value, last: value })
      else seen.last = value
    }
  }
  const counts = new Map<string, Transition>()
  for (const { first, last } of ends.values()) {
    const id = JSON.stringify([first, last])
    const t = counts.get(id)
    counts.set(id, { first, last, people: (t?.people ?? 0) + 1 })
  }
  return [...counts.values()]
}

const makeUnsafe = (initial: Iterable<StoredRecord> = []): InspectedMemory => {
  const records = new Map<string, StoredRecord>()
  /** kind + guard key → id */
  const guards = new Map<string, string>()
  for (const r of initial) {
    records.set(keyOf(r.kind, r.id), clone(r))
    if (typeof r.key === "string") guards.set(keyOf(r.kind, r.key), r.id)
  }
  let audit: Array<Audit.AuditEntry> = []
  /** Undo steps of the open transaction, newest last. */
  let journal: Array<() => void> | undefined
  const lock = Semaphore.makeUnsafe(1)

  const head = (): Audit.Head => {
    const last = audit[audit.length - 1]
    return last === undefined ? Audit.emptyHead : { seq: last.seq, hash: last.hash }
  }
  const setRecord = (k: string, next: StoredRecord | undefined): void => {
    const prev = records.get(k)
    if (typeof prev?.key === "string" && guards.get(keyOf(prev.kind, prev.key)) === prev.id) {
      guards.delete(keyOf(prev.kind, prev.key))
    }
    if (next === undefined) records.delete(k)
    else {
      records.set(k, next)
      if (typeof next.key === "string") guards.set(keyOf(next.kind, next.key), next.id)
    }
    journal?.push(() => setRecord(k, prev))
  }

  const primitives: StorePrimitives = {
    name: "memory",
    capabilities: { concurrentWriters: false, durable: false, migrations: false },
    transaction: (body) =>
      lock.withPermits(1)(
        Effect.suspend(() => {
          journal = []
          const auditLength = audit.length
          return Effect.onExit(body, (exit) =>
            Effect.sync(() => {
              const undo = journal ?? []
              journal = undefined
              if (Exit.isFailure(exit)) {
                for (let i = undo.length - 1; i >= 0; i--) undo[i]!()
                journal = undefined
                audit = audit.slice(0, auditLength)
              }
            }))
        })
      ),
    lockHead: Effect.sync(head),
    readVersions: (keys) =>
      Effect.sync(() =>
        keys.flatMap(({ id, kind }) => {
          const r = records.get(keyOf(kind, id))
          return r === undefined ? [] : [{ kind, id, version: r.version }]
        })
      ),
    readKeys: (kind, keys) =>
      Effect.sync(() =>
        keys.flatMap((key): Array<KeyHolder> => {
          const id = guards.get(keyOf(kind, key))
          const r = id === undefined ? undefined : records.get(keyOf(kind, id))
          return r === undefined || id === undefined ? [] : [{ kind, id, version: r.version, key }]
        })
      ),
    deleteRecords: (keys) =>
      Effect.sync(() => {
        for (const { id, kind } of keys) setRecord(keyOf(kind, id), undefined)
      }),
    putRecords: (puts) =>
      Effect.suspend(() => {
        for (const { record } of puts) {
          let copy: StoredRecord
          try {
            copy = clone(record)
          } catch {
            return Effect.fail(
              fail("commit", new ConstraintViolation({ detail: "unit must be structured-cloneable JSON data" }))
            )
          }
          setRecord(keyOf(record.kind, record.id), copy)
        }
        return Effect.void
      }),
    renamePerson: (from, to) =>
      Effect.sync(() => {
        for (const [k, record] of [...records]) {
          if (!record.personIds.includes(from)) continue
          setRecord(k, {
            ...record,
            version: record.version + 1,
            personIds: record.personIds.map((id) => (id === from ? to : id)),
            data: renameValue(record.data, from, to),
            ...(typeof record.key === "string" ? { key: renameKey(record.key, from, to) } : {})
          })
        }
      }),
    appendAudit: (entries) =>
      Effect.suspend(() => {
        try {
          audit = [...audit, ...clone(entries)]
          return Effect.void
        } catch {
          return Effect.fail(
            fail("commit", new ConstraintViolation({ detail: "unit must be structured-cloneable JSON data" }))
          )
        }
      }),
    get: (kind, id) => Effect.sync(() => Option.map(Option.fromNullishOr(records.get(keyOf(kind, id))), clone)),
    select: (query: SelectQuery) =>
      Effect.sync(() => {
        const after = query.after
        const found = [...records.values()]
          .filter(inPeriod(query))
          .filter((r) => query.personId === undefined || r.personIds.includes(query.personId))
          .filter((r) => query.lookup === undefined || (r.lookup ?? []).includes(query.lookup))
          .filter((r) => {
            const g = query.guarded
            return g === undefined || guards.has(keyOf(g.kind, `${g.prefix}${r.id}${g.suffix}`)) === g.present
          })
          .filter((r) => after === undefined || compareRecords(r, after) > 0)
          .sort(compareRecords)
        const offset = query.offset ?? 0
        const page = query.limit === undefined ? found.slice(offset) : found.slice(offset, offset + query.limit)
        return page.map(clone)
      }),
    group: (query) => Effect.sync(() => groupRecords(records.values(), query)),
    readAudit: (fromSeq, limit) => Effect.sync(() => audit.slice(fromSeq - 1, fromSeq - 1 + limit).map(clone)),
    auditHead: Effect.sync(head)
  }

  const inspector: MemoryInspector = {
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
  return { store: make(primitives), inspector }
}

/**
 * Makes an empty memory store.
 *
 * @example
 * ```ts
 * import { Store } from "@pomoc/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const store = yield* Store.makeMemory()
 *   return store.capabilities
 * })
 * ```
 * @since 0.2.0
 * @category constructors
 */
export const makeMemory = (): Effect.Effect<StoreShape> => Effect.sync(() => makeUnsafe().store)

/**
 * Makes an empty memory store and a {@link MemoryInspector} into it (for tests and conformance probes).
 * @since 0.2.0
 * @category constructors
 */
export const makeMemoryWithInspector = (): Effect.Effect<InspectedMemory> => Effect.sync(makeUnsafe)

/**
 * Makes a memory store holding the given records (at their versions), without audit entries:
 * for tests of code that only reads (reports, fakes of the store).
 * @since 0.2.0
 * @category constructors
 */
export const memoryOf = (stored: Iterable<StoredRecord>): StoreShape => makeUnsafe(stored).store

/**
 * Provides `Store` with a fresh, empty memory store each time the layer is built.
 * @since 0.2.0
 * @category layers
 */
export const layerMemory: Layer.Layer<Store> = Layer.effect(Store, makeMemory())
