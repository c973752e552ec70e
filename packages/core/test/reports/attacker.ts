// Attackers that know every visible value and margin of a suppressed table and that counts are
// non-negative integers. Written independently of the suppression engine.
import type { Cell, SuppressedOneWay, SuppressedTwoWay } from "../../src/reports/index.js"

/** The full grid of a two-way result: (R + 1) × (C + 1), margins last; `undefined` = hidden. */
export const fullGrid = (t: SuppressedTwoWay): Array<Array<number | undefined>> => {
  const v = (c: Cell) => (c._tag === "Value" ? c.count : undefined)
  return [
    ...t.cells.map((row, i) => [...row.map(v), v(t.rowTotals[i]!)]),
    [...t.columnTotals.map(v), v(t.total)]
  ]
}

/**
 * Brute force: every table `truth + d` with `d` in `[-k, k]` on each hidden inner cell that keeps
 * every count non-negative and every visible value (cells and margins) unchanged is a table the
 * attacker cannot tell apart from the truth. Returns, for every hidden position of the full grid
 * (`"i,j"`, margins last), the values it takes over those tables. Finding two values is a proof
 * that the position is protected (a failure to find them within `k` would only make a test fail).
 */
export const feasibleValues = (
  t: SuppressedTwoWay,
  truth: ReadonlyArray<ReadonlyArray<number>>,
  k = 2
): Map<string, Set<number>> => {
  const grid = fullGrid(t)
  const R = grid.length - 1
  const C = grid[0]!.length - 1
  const hiddenInner: Array<[number, number]> = []
  for (let i = 0; i < R; i++) for (let j = 0; j < C; j++) if (grid[i]![j] === undefined) hiddenInner.push([i, j])
  const seen = new Map<string, Set<number>>()
  for (let i = 0; i <= R; i++) {
    for (let j = 0; j <= C; j++) if (grid[i]![j] === undefined) seen.set(`${i},${j}`, new Set([truth[i]![j]!]))
  }
  const d = new Array<number>(hiddenInner.length).fill(-k)
  const done = () => [...seen.values()].every((s) => s.size >= 2)
  for (;;) {
    // The table truth + d, as a full grid.
    const x = truth.slice(0, R).map((row) => row.slice(0, C))
    hiddenInner.forEach(([i, j], n) => (x[i]![j] = x[i]![j]! + d[n]!))
    const rowSums = x.map((row) => row.reduce((a, b) => a + b, 0))
    const colSums = Array.from({ length: C }, (_, j) => x.reduce((a, row) => a + row[j]!, 0))
    const full = [...x.map((row, i) => [...row, rowSums[i]!]), [...colSums, rowSums.reduce((a, b) => a + b, 0)]]
    const consistent = full.every((row, i) =>
      row.every((v, j) => v >= 0 && (grid[i]![j] === undefined || grid[i]![j] === v))
    )
    if (consistent) {
      for (const [key, s] of seen) {
        const [i, j] = key.split(",").map(Number) as [number, number]
        s.add(full[i]![j]!)
      }
    }
    if (done()) break
    let n = 0
    while (n < d.length && d[n] === k) d[n++] = -k
    if (n === d.length) break
    d[n]!++
  }
  return seen
}

/** The same for a one-way table (`truth` are the counts followed by the total). */
export const feasibleValuesOneWay = (
  t: SuppressedOneWay,
  truth: ReadonlyArray<number>,
  k = 2
): Map<string, Set<number>> => {
  const visible = [...t.cells, t.total].map((c) => (c._tag === "Value" ? c.count : undefined))
  const n = t.cells.length
  const hiddenIdx = t.cells.flatMap((c, i) => (c._tag === "Suppressed" ? [i] : []))
  const seen = new Map<string, Set<number>>()
  visible.forEach((v, i) => v === undefined && seen.set(i === n ? "total" : String(i), new Set([truth[i]!])))
  const d = new Array<number>(hiddenIdx.length).fill(-k)
  for (;;) {
    const x = truth.slice(0, n)
    hiddenIdx.forEach((i, m) => (x[i] = x[i]! + d[m]!))
    const all = [...x, x.reduce((a, b) => a + b, 0)]
    if (all.every((v, i) => v >= 0 && (visible[i] === undefined || visible[i] === v))) {
      all.forEach((v, i) => seen.get(i === n ? "total" : String(i))?.add(v))
    }
    if ([...seen.values()].every((s) => s.size >= 2)) break
    let m = 0
    while (m < d.length && d[m] === k) d[m++] = -k
    if (m === d.length) break
    d[m]!++
  }
  return seen
}

/**
 * Linear attacker for tables of any size: is a hidden position determined by the row and column
 * relations alone? Rank over GF(p) of the relations restricted to hidden unknowns (the relation
 * matrix is totally unimodular, so this equals the rank over the rationals).
 */
export const linearlyDetermined = (t: SuppressedTwoWay): Array<[number, number]> => {
  const grid = fullGrid(t)
  const R = grid.length - 1
  const C = grid[0]!.length - 1
  const unknowns: Array<[number, number]> = []
  for (let i = 0; i <= R; i++) for (let j = 0; j <= C; j++) if (grid[i]![j] === undefined) unknowns.push([i, j])
  const index = new Map(unknowns.map(([i, j], k) => [`${i},${j}`, k]))
  const P = 1_000_003
  const rows: Array<Array<number>> = []
  const relation = (members: Array<[number, number, number]>) => {
    const r = new Array<number>(unknowns.length).fill(0)
    for (const [i, j, sign] of members) {
      const k = index.get(`${i},${j}`)
      if (k !== undefined) r[k] = (r[k]! + sign + P) % P
    }
    rows.push(r)
  }
  // Row i: cells − total = 0; column j likewise; the margins' own relations too.
  for (let i = 0; i <= R; i++) {
    relation(Array.from({ length: C + 1 }, (_, j) => [i, j, j === C ? -1 : 1] as [number, number, number]))
  }
  for (let j = 0; j <= C; j++) {
    relation(Array.from({ length: R + 1 }, (_, i) => [i, j, i === R ? -1 : 1] as [number, number, number]))
  }
  const pow = (b: number, e: number): number => {
    let r = 1
    let base = b % P
    while (e > 0) {
      if (e & 1) r = Number((BigInt(r) * BigInt(base)) % BigInt(P))
      base = Number((BigInt(base) * BigInt(base)) % BigInt(P))
      e >>= 1
    }
    return r
  }
  const rank = (m: Array<Array<number>>): number => {
    const a = m.map((r) => [...r])
    let rk = 0
    const n = unknowns.length
    for (let col = 0; col < n && rk < a.length; col++) {
      const pivot = a.findIndex((r, idx) => idx >= rk && r[col] !== 0)
      if (pivot < 0) continue
      ;[a[rk], a[pivot]] = [a[pivot]!, a[rk]!]
      const inv = pow(a[rk]![col]!, P - 2)
      for (let r = 0; r < a.length; r++) {
        if (r === rk || a[r]![col] === 0) continue
        const f = Number((BigInt(a[r]![col]!) * BigInt(inv)) % BigInt(P))
        for (let c = col; c < n; c++) {
          a[r]![c] = (a[r]![c]! - Number((BigInt(f) * BigInt(a[rk]![c]!)) % BigInt(P)) + P) % P
        }
      }
      rk++
    }
    return rk
  }
  const base = rank(rows)
  return unknowns.filter((_, k) => {
    const e = new Array<number>(unknowns.length).fill(0)
    e[k] = 1
    return rank([...rows, e]) === base
  })
}
