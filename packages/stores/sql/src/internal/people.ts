/**
 * An aggregate counted here rather than by the database: a dialect whose grouping sorts every
 * row (SQLite sorts the period's rows by shape, and its `count(DISTINCT …)` builds a B-tree of
 * every (group, person) pair) hands over the period's report rows as compact text, a chunk at a
 * time, and the groups of each shape; one pass over each chunk then counts records, sums and
 * parts, and marks people in one bit set per group (person numbers are small integers). Exact,
 * like the SQL it replaces. Distinct people by code are counted from the same marks: each person
 * number stands for its code's class (`classOf`) when the groups' people are counted.
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

/** A set of person numbers: bits while the budget lasts, a hash set beyond it or above `words`. */
class People {
  private bits: Uint32Array | undefined
  private set: Set<number> | undefined
  constructor(words: number) {
    if (words > 0) this.bits = new Uint32Array(words)
    else this.set = new Set()
  }
  add(n: number): void {
    const bits = this.bits
    if (bits !== undefined && n >>> 5 < bits.length) bits[n >>> 5]! |= 1 << (n & 31)
    else this.toSet().add(n)
  }
  /** Calls `f` with each number once. */
  each(f: (n: number) => void): void {
    const bits = this.bits
    if (bits !== undefined) {
      for (let w = 0; w < bits.length; w++) {
        let v = bits[w]!
        while (v !== 0) {
          const low = v & -v
          f((w << 5) + 31 - Math.clz32(low))
          v ^= low
        }
      }
    }
    this.set?.forEach(f)
  }
  size(): number {
    let count = this.set?.size ?? 0
    const bits = this.bits
    if (bits !== undefined) {
      for (let v of bits) {
        // Population count of a 32-bit word.
        v = v - ((v >>> 1) & 0x55555555)
        v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
        count += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
      }
    }
    return count
  }
  // A number above the bits (a person numbered after the bits were sized): the set holds it.
  private toSet(): Set<number> {
    return this.set ??= new Set()
  }
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
 * What {@link ShapeCounter} counts per group: the records (rows), the sums, the distinct people
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

/** The person numbers of the row being read: a buffer reused row after row. */
interface Numbers {
  values: Int32Array
  length: number
}

/**
 * Reads the encoded rows one by one, character by character (no strings made but the months
 * when `months` is set): `row(shape, month, people)` with the people in a reused buffer (its
 * first `length` values).
 */
const scan = (
  text: string,
  months: boolean,
  row: (shape: number, month: string, people: Numbers) => void
): void => {
  const length = text.length
  const numbers: Numbers = { values: new Int32Array(16), length: 0 }
  const push = (n: number) => {
    if (numbers.length === numbers.values.length) {
      const grown = new Int32Array(numbers.length * 2)
      grown.set(numbers.values)
      numbers.values = grown
    }
    numbers.values[numbers.length++] = n
  }
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
        push(n)
        n = -1
        fraction = false
      } else if (c === DOT) fraction = true
      else if (!fraction) n = (n === -1 ? 0 : n * 10) + c - ZERO
    }
    if (n !== -1) push(n)
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
    for (let k = 0; k < people.length; k++) if (people.values[k]! > maxPerson) maxPerson = people.values[k]!
  })
  return { ids: [...ids], maxPerson }
}

/** Options of {@link shapeCounter}. */
export interface CountOptions {
  /** The position of the month among the group values, if the query groups by month. */
  readonly monthAt: number | undefined
  /** Whether distinct people are counted. */
  readonly people: boolean
  /** The largest person number expected (bit sets are sized for it; larger ones still count). */
  readonly maxPerson: number
  /** How many facets are summed. */
  readonly sums: number
  /** Bit sets hold at most this many 32-bit words in all; hash sets count the rest. */
  readonly bitBudget?: number
}

/** Counts chunk after chunk of encoded rows into the same groups (see {@link countByShape}). */
export interface ShapeCounter {
  /** Counts a chunk; the groups of its shapes are in the map the counter was made with. */
  readonly add: (encoded: string) => void
  /**
   * The counts per group key. With `classOf`, distinct people are distinct classes: each person
   * number counts as `classOf(n)` (the first number of the person's code, for people by code).
   */
  readonly result: (classOf?: (n: number) => number) => Map<string, GroupCount>
}

/**
 * A counter of records, sums, parts and (with `people`) distinct people per group over rows
 * encoded as `shape|month|[n,n,…]` joined by `;` (`month` the JSON text of the row's month when
 * the query groups by month, empty otherwise; the people as a JSON array of person numbers, empty
 * when not counted). Rows of a shape without groups (left out by the filters) are skipped. Groups
 * are keyed by the JSON array of the group values' texts, as the shared store keys its rows.
 */
export const shapeCounter = (
  shapes: ReadonlyMap<number, ReadonlyArray<ShapeGroup>>,
  options: CountOptions
): ShapeCounter => {
  const { monthAt } = options
  const words = (options.maxPerson >>> 5) + 1
  let budget = options.bitBudget ?? BIT_BUDGET
  const people = (): People | undefined => {
    if (!options.people) return undefined
    budget -= words
    return new People(budget >= 0 ? words : 0)
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
  const add = (encoded: string) =>
    scan(encoded, monthAt !== undefined, (shape, month, numbers) => {
      const groups = shapes.get(shape)
      if (groups === undefined) return
      const { length, values } = numbers
      for (const group of groups) {
        const counter = counterOf(group, month)
        counter.records++
        for (let i = 0; i < group.sums.length; i++) counter.sums[i]! += group.sums[i] ?? 0
        if (counter.all !== undefined) { for (let k = 0; k < length; k++) counter.all.add(values[k]!) }
        if (group.part) {
          counter.partRecords++
          if (counter.part !== undefined) { for (let k = 0; k < length; k++) counter.part.add(values[k]!) }
        }
      }
    })
  const distinct = (set: People | undefined, classOf: ((n: number) => number) | undefined): number => {
    if (set === undefined) return 0
    if (classOf === undefined) return set.size()
    const classes = new Set<number>()
    set.each((n) => classes.add(classOf(n)))
    return classes.size
  }
  return {
    add,
    result: (classOf) =>
      new Map(
        [...byKey].map(([key, c]) => [key, {
          records: c.records,
          partRecords: c.partRecords,
          sums: c.sums,
          people: distinct(c.all, classOf),
          partPeople: distinct(c.part, classOf)
        }])
      )
  }
}

/**
 * Counts records, sums, parts and (with `people`) distinct people per group from the period's
 * rows in one text (see {@link shapeCounter}): returns, per group key, what {@link GroupCount}
 * says.
 */
export const countByShape = (
  encoded: string | null | undefined,
  shapes: ReadonlyMap<number, ReadonlyArray<ShapeGroup>>,
  options: CountOptions
): Map<string, GroupCount> => {
  const counter = shapeCounter(shapes, options)
  counter.add(encoded ?? "")
  return counter.result()
}
