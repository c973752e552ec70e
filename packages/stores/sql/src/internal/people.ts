/**
 * An aggregate counted here rather than by the database: a dialect whose grouping sorts every
 * row (SQLite sorts the period's rows by shape, and its `count(DISTINCT …)` builds a B-tree of
 * every (group, person) pair) hands over the period's report rows as one compact text instead,
 * and the groups of each shape; one pass over the rows then counts records, sums and parts, and
 * marks people in one bit set per group (person numbers are small integers). Exact, like the
 * SQL it replaces.
 *
 * @internal
 */

/**
 * A group one shape falls in: the group values as JSON text (a month slot empty), whether the
 * part's filters keep the shape, and the shape's value of each summed facet (`null` when it is
 * not a number).
 */
export interface ShapeGroup {
  readonly values: ReadonlyArray<string>
  readonly part: boolean
  readonly sums: ReadonlyArray<number | null>
}

/** A set of person numbers. */
interface People {
  readonly add: (n: number) => void
  readonly size: () => number
}

/** Bits for numbers below `2^5 × words`. */
const bitSet = (words: number): People => {
  const bits = new Uint32Array(words)
  return {
    add: (n) => {
      bits[n >>> 5]! |= 1 << (n & 31)
    },
    size: () => {
      let count = 0
      for (let v of bits) {
        // Population count of a 32-bit word.
        v = v - ((v >>> 1) & 0x55555555)
        v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
        count += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
      }
      return count
    }
  }
}

const hashSet = (): People => {
  const set = new Set<number>()
  return { add: (n) => void set.add(n), size: () => set.size }
}

/** Bit sets are used while all of them together stay below this many 32-bit words (32 MiB). */
const BIT_BUDGET = 8 * 1024 * 1024

/** Records, sums and distinct people of a group and of its part. */
interface Counter {
  records: number
  partRecords: number
  readonly sums: Array<number>
  readonly all: People | undefined
  readonly part: People | undefined
}

/**
 * What {@link countByShape} counts per group: the records (rows), the sums, the distinct people
 * (0 unless asked for), and the records and people of the part.
 */
export interface GroupCount {
  readonly records: number
  readonly partRecords: number
  readonly sums: ReadonlyArray<number>
  readonly people: number
  readonly partPeople: number
}

const BAR = 124 // |
const COMMA = 44
const DOT = 46
const CLOSE = 93 // ]
const ZERO = 48

/**
 * Reads the encoded rows one by one, character by character (no strings made but the months
 * when `months` is set): `row(shape, month, people)` with the people in a reused array.
 */
const scan = (
  text: string,
  months: boolean,
  row: (shape: number, month: string, people: ReadonlyArray<number>) => void
): void => {
  const length = text.length
  const numbers: Array<number> = []
  let i = 0
  while (i < length) {
    let shape = 0
    let c = text.charCodeAt(i)
    while (c !== BAR) {
      shape = shape * 10 + c - ZERO
      c = text.charCodeAt(++i)
    }
    const monthFrom = ++i
    while (text.charCodeAt(i) !== BAR) i++
    const month = months ? text.slice(monthFrom, i) : ""
    i += 2 // "|["
    numbers.length = 0
    let n = -1
    // A number may come as a real (`1.0`: SQLite keeps a number bound as a double so): person
    // numbers are integers, so its fraction is zero and skipped.
    let fraction = false
    for (c = text.charCodeAt(i); c !== CLOSE; c = text.charCodeAt(++i)) {
      if (c === COMMA) {
        numbers.push(n)
        n = -1
        fraction = false
      } else if (c === DOT) fraction = true
      else if (!fraction) n = (n === -1 ? 0 : n * 10) + c - ZERO
    }
    if (n !== -1) numbers.push(n)
    i += 2 // "];"
    row(shape, month, numbers)
  }
}

/** The distinct shape ids of the encoded rows (see {@link countByShape}), and the largest person number. */
export const shapeIds = (encoded: string): { readonly ids: Array<number>; readonly maxPerson: number } => {
  const ids = new Set<number>()
  let maxPerson = 0
  scan(encoded, false, (shape, _, people) => {
    ids.add(shape)
    for (const n of people) if (n > maxPerson) maxPerson = n
  })
  return { ids: [...ids], maxPerson }
}

/**
 * Counts records, sums, parts and (with `people`) distinct people per group from the period's
 * rows, encoded as `shape|month|[n,n,…]` joined by `;` (`month` the JSON text of the row's month
 * when the query groups by month, empty otherwise; the people as a JSON array of person numbers,
 * none above `maxPerson`, empty when not counted). `monthAt` is the position of the month among
 * the group values, if any. Rows of a shape without groups (left out by the filters) are
 * skipped. Returns, per group key (the JSON array of the group values' texts, as the shared
 * store keys its rows), what {@link GroupCount} says. Bit sets hold at most `bitBudget` words in
 * all; hash sets count the rest.
 */
export const countByShape = (
  encoded: string | null | undefined,
  shapes: ReadonlyMap<number, ReadonlyArray<ShapeGroup>>,
  options: {
    readonly monthAt: number | undefined
    readonly people: boolean
    readonly maxPerson: number
    readonly sums: number
    readonly bitBudget?: number
  }
): Map<string, GroupCount> => {
  const { maxPerson, monthAt } = options
  const words = (maxPerson >>> 5) + 1
  let budget = options.bitBudget ?? BIT_BUDGET
  const people = (): People | undefined => {
    if (!options.people) return undefined
    budget -= words
    return budget >= 0 ? bitSet(words) : hashSet()
  }
  const byKey = new Map<string, Counter>()
  // Each (shape group, month) finds its counter once.
  const cache = new Map<ShapeGroup, Map<string, Counter>>()
  const counterOf = (group: ShapeGroup, month: string): Counter => {
    let months = cache.get(group)
    if (months === undefined) cache.set(group, months = new Map<string, Counter>())
    let counter = months.get(month)
    if (counter === undefined) {
      const values = monthAt === undefined ? group.values : group.values.map((v, i) => (i === monthAt ? month : v))
      const key = JSON.stringify(values)
      counter = byKey.get(key)
      if (counter === undefined) {
        counter = {
          records: 0,
          partRecords: 0,
          sums: new Array<number>(options.sums).fill(0),
          all: people(),
          part: people()
        }
        byKey.set(key, counter)
      }
      months.set(month, counter)
    }
    return counter
  }
  scan(encoded ?? "", monthAt !== undefined, (shape, month, numbers) => {
    const groups = shapes.get(shape)
    if (groups === undefined) return
    for (const group of groups) {
      const counter = counterOf(group, month)
      counter.records++
      for (let i = 0; i < group.sums.length; i++) counter.sums[i]! += group.sums[i] ?? 0
      if (counter.all !== undefined) { for (const n of numbers) counter.all.add(n) }
      if (group.part) {
        counter.partRecords++
        if (counter.part !== undefined) { for (const n of numbers) counter.part.add(n) }
      }
    }
  })
  return new Map(
    [...byKey].map(([key, c]) => [key, {
      records: c.records,
      partRecords: c.partRecords,
      sums: c.sums,
      people: c.all?.size() ?? 0,
      partPeople: c.part?.size() ?? 0
    }])
  )
}
