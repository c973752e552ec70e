/**
 * The smallest possible model of the store contract, written for obviousness rather than speed:
 * the model-based test runs the same operations against it and against the adapter and expects
 * the same answers after every step.
 *
 * @since 0.1.0
 */
import { Audit, Store } from "@pomoc/core"

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
 * Compares strings by Unicode code point (UTF-8 byte order, SQL `C` collation).
 * @since 0.1.0
 * @category combinators
 */
export const compareText = (a: string, b: string): number => {
  const x = Array.from(a, (c) => c.codePointAt(0)!)
  const y = Array.from(b, (c) => c.codePointAt(0)!)
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]! - y[i]!
  }
  return x.length - y.length
}

const rank = (v: Store.FacetValue): number => (v === null ? 0 : typeof v === "boolean" ? 1 : typeof v === "number" ? 2 : 3)

/**
 * The order of group values: null, then false < true, numbers, strings by code point.
 * @since 0.1.0
 * @category combinators
 */
export const compareFacetValues = (a: Store.FacetValue, b: Store.FacetValue): number => {
  if (rank(a) !== rank(b)) return rank(a) - rank(b)
  if (typeof a === "string") return compareText(a, b as string)
  if (typeof a === "number") return a - (b as number)
  if (typeof a === "boolean") return Number(a) - Number(b)
  return 0
}

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
 * What a commit does to the model: the committed result, or the conflict it must fail with.
 * Writes are checked and applied in order, then deletes, then renames; each sees the ones before it.
 * @since 0.1.0
 * @category combinators
 */
export const commit = (
  m: Model,
  unit: Store.UnitOfWork
): { readonly _tag: "Committed"; readonly committed: Store.Committed } | { readonly _tag: "Conflict"; readonly conflict: { kind: string; id: string; expectedVersion: number; actualVersion: number } } => {
  const next = new Map(m.records)
  const versions: Array<number> = []
  for (const w of unit.writes) {
    const actualVersion = next.get(key(w.kind, w.id))?.version ?? 0
    if (actualVersion !== w.expectedVersion) return { _tag: "Conflict", conflict: { kind: w.kind, id: w.id, expectedVersion: w.expectedVersion, actualVersion } }
    const { expectedVersion: _, ...rest } = w
    next.set(key(w.kind, w.id), structuredClone({ ...rest, version: actualVersion + 1 }))
    versions.push(actualVersion + 1)
  }
  for (const d of unit.deletes ?? []) {
    const actualVersion = next.get(key(d.kind, d.id))?.version ?? 0
    if (actualVersion !== d.expectedVersion) return { _tag: "Conflict", conflict: { kind: d.kind, id: d.id, expectedVersion: d.expectedVersion, actualVersion } }
    next.delete(key(d.kind, d.id))
  }
  for (const { from, to } of unit.renamePeople ?? []) {
    for (const [k, r] of next) {
      if (!r.personIds.includes(from)) continue
      next.set(k, { ...r, version: r.version + 1, personIds: r.personIds.map((p) => (p === from ? to : p)), data: Store.renameValue(r.data, from, to) })
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
 * A list query (valid limit and offset assumed).
 * @since 0.1.0
 * @category combinators
 */
export const list = (m: Model, q: Store.RecordQuery): Array<Store.StoredRecord> => {
  const all = [...m.records.values()]
    .filter(inQuery(q))
    .filter((r) => q.personId === undefined || r.personIds.includes(q.personId))
    .sort((a, b) => compareFacetValues(a.at, b.at) || compareText(a.id, b.id))
  const from = q.offset ?? 0
  return all.slice(from, q.limit === undefined ? undefined : from + q.limit)
}

/**
 * An aggregate query (valid names assumed).
 * @since 0.1.0
 * @category combinators
 */
export const aggregate = (m: Model, q: Store.AggregateQuery): Array<Store.AggregateRow> => {
  const rows: Array<{ values: Array<Store.FacetValue>; records: Array<Store.StoredRecord> }> = []
  for (const r of [...m.records.values()].filter(inQuery(q))) {
    let combos: Array<Array<Store.FacetValue>> = [[]]
    for (const name of q.groupBy) {
      const options: Array<Store.FacetValue> =
        name === "tag" ? [...new Set(r.tags)] : name === "month" ? [r.at === null ? null : r.at.slice(0, 7)] : [r.facets[name] ?? null]
      combos = combos.flatMap((c) => options.map((o) => [...c, o]))
    }
    for (const values of combos) {
      const row = rows.find((x) => x.values.every((v, i) => v === values[i]))
      if (row === undefined) rows.push({ values, records: [r] })
      else row.records.push(r)
    }
  }
  rows.sort((a, b) => {
    for (let i = 0; i < a.values.length; i++) {
      const c = compareFacetValues(a.values[i]!, b.values[i]!)
      if (c !== 0) return c
    }
    return 0
  })
  return rows.map(({ records, values }) => {
    const group = Object.fromEntries(q.groupBy.map((name, i) => [name, values[i]!]))
    const sums = Object.fromEntries((q.sum ?? []).map((name) => [name, records.reduce((s, r) => s + (typeof r.facets[name] === "number" ? r.facets[name] : 0), 0)]))
    const row: Store.AggregateRow = { group, count: records.length, sums }
    return q.distinctPeople === true ? { ...row, distinctPeople: new Set(records.flatMap((r) => r.personIds)).size } : row
  })
}
