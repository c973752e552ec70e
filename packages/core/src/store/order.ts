/**
 * The orders of the store contract, in one place: strings by Unicode code point (the order of
 * UTF-8 bytes, SQLite's `BINARY` and PostgreSQL's `"C"` collation), and group values as null,
 * then false < true, numbers ascending, strings.
 *
 * @internal
 */
import type { AggregateRow, FacetValue, StoredRecord, Transition } from "./contract.js"

// UTF-16 puts astral code points (surrogates, 0xD800–0xDFFF) below 0xE000–0xFFFF; move them above.
const codePointOrder = (unit: number): number => (unit >= 0xe000 ? unit - 0x800 : unit >= 0xd800 ? unit + 0x2000 : unit)

/**
 * Orders strings by Unicode code point: the order of UTF-8 bytes, of SQLite's `BINARY` and of
 * PostgreSQL's `"C"` collation, in which every store returns ids, times and group values.
 * @since 0.2.0
 * @category combinators
 */
export const compareText = (a: string, b: string): number => {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x !== y) return codePointOrder(x) - codePointOrder(y)
  }
  return a.length - b.length
}

const typeRank = (v: FacetValue | undefined): number =>
  v === null || v === undefined ? 0 : typeof v === "boolean" ? 1 : typeof v === "number" ? 2 : 3

/**
 * The order of group values in `aggregate` results: null first, then booleans (false < true),
 * numbers ascending, strings by code point.
 * @since 0.2.0
 * @category combinators
 */
export const compareFacetValues = (a: FacetValue | undefined, b: FacetValue | undefined): number => {
  const ra = typeRank(a)
  const rb = typeRank(b)
  if (ra !== rb) return ra - rb
  if (typeof a === "string" && typeof b === "string") return compareText(a, b)
  if (typeof a === "number" && typeof b === "number") return a - b
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b)
  return 0
}

/** The order of `list`: by `at` (records without a time first), then `id`. */
export const compareRecords = (a: Pick<StoredRecord, "at" | "id">, b: Pick<StoredRecord, "at" | "id">): number =>
  compareFacetValues(a.at, b.at) || compareText(a.id, b.id)

/** The order of `aggregate` rows: by each grouped value in turn. */
export const compareRows = (groupBy: ReadonlyArray<string>) => (a: AggregateRow, b: AggregateRow): number => {
  for (const name of groupBy) {
    const c = compareFacetValues(a.group[name] ?? null, b.group[name] ?? null)
    if (c !== 0) return c
  }
  return 0
}

/** The order of an aggregate row's `changes`: by first value, then last value. */
export const compareTransitions = (a: Transition, b: Transition): number =>
  compareFacetValues(a.first, b.first) || compareFacetValues(a.last, b.last)
