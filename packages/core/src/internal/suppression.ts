/**
 * The suppression engine behind `Suppression.apply`: members with values, relations (lines) over
 * them, and (for two-way tables) each member as an edge between its row and its column in the
 * full grid. See `Suppression` for the rules.
 *
 * @internal
 */

// ---------------------------------------------------------------------------------------------
// The engine: members with values, relations (lines) over them, and (for two-way tables) each
// member as an edge between its row and its column in the full grid.

export interface Grid {
  readonly values: ReadonlyArray<number>
  readonly lines: ReadonlyArray<ReadonlyArray<number>>
  /** Margins are preferred last as complements. */
  readonly margin: ReadonlyArray<boolean>
  /** For two-way tables: member → [row vertex, column vertex]. */
  readonly edges?: ReadonlyArray<readonly [number, number]>
  /** For two-way tables: +1 for inner cells and the grand total, −1 for row and column totals. */
  readonly sign?: ReadonlyArray<1 | -1>
  readonly vertices?: number
  /** Members chosen as complements before the others. */
  readonly preferred?: ReadonlyArray<boolean>
}

const better = (grid: Grid, a: number, b: number): boolean => {
  const va = grid.values[a]!
  const vb = grid.values[b]!
  if ((va === 0) !== (vb === 0)) return vb === 0
  if (va !== vb) return va < vb
  if (grid.margin[a] !== grid.margin[b]) return !grid.margin[a]
  return a < b
}

const pick = (grid: Grid, candidates: Iterable<number>, nonZeroOnly: boolean): number | undefined => {
  let best: number | undefined
  let preferred: number | undefined
  for (const c of candidates) {
    if (nonZeroOnly && grid.values[c] === 0) continue
    if (best === undefined || better(grid, c, best)) best = c
    if (grid.preferred?.[c] === true && (preferred === undefined || better(grid, c, preferred))) preferred = c
  }
  return preferred ?? best
}

/** A relation gives its hidden members away: one hidden member, or hidden members summing to 0. */
const lineRule = (grid: Grid, hidden: Array<boolean>): boolean => {
  let changed = false
  for (const line of grid.lines) {
    const hiddenMembers = line.filter((m) => hidden[m])
    if (hiddenMembers.length === 0) continue
    const visible = line.filter((m) => !hidden[m])
    let complement: number | undefined
    if (hiddenMembers.length === 1) complement = pick(grid, visible, false)
    else if (hiddenMembers.every((m) => grid.values[m] === 0)) complement = pick(grid, visible, true)
    if (complement !== undefined) {
      hidden[complement] = true
      changed = true
    }
  }
  return changed
}

/**
 * Moving counts around a cycle of hidden cells (one unit up, the next one down, …) keeps every
 * relation's sum, so it gives another table the attacker cannot tell from the true one, provided
 * no count goes below zero. Walking from a row to a column adds one unit to an inner cell (and to
 * the grand total) and takes one from a margin; walking back does the opposite. A zero may only
 * go up, so it may be walked in one direction only: `steps` lists the walks a cell allows.
 */
const steps = (grid: Grid, e: number): Array<readonly [number, number]> => {
  const [row, column] = grid.edges![e]!
  if (grid.values[e]! > 0) return [[row, column], [column, row]]
  const sign = grid.sign![e]!
  return [sign > 0 ? [row, column] : [column, row]]
}

/** Vertices reachable from `start` (or, with `reverse`, that reach it) over allowed walks, without edge `skip`. */
const walk = (
  grid: Grid,
  hidden: ReadonlyArray<boolean>,
  adjacency: ReadonlyArray<ReadonlyArray<number>>,
  start: number,
  skip: number,
  reverse: boolean
): Set<number> => {
  const seen = new Set([start])
  const stack = [start]
  while (stack.length > 0) {
    const v = stack.pop()!
    for (const e of adjacency[v]!) {
      if (e === skip || !hidden[e]) continue
      for (const [from, to] of steps(grid, e)) {
        const [a, b] = reverse ? [to, from] : [from, to]
        if (a === v && !seen.has(b)) {
          seen.add(b)
          stack.push(b)
        }
      }
    }
  }
  return seen
}

/**
 * A hidden cell that lies on no cycle it can move around is still determined (by the relations
 * of the rows and columns on either side of it, and by counts being non-negative): hide a
 * visible cell that closes such a cycle.
 */
const cycleRule = (grid: Grid, hidden: Array<boolean>): boolean => {
  const edges = grid.edges
  if (edges === undefined) return false
  const adjacency: Array<Array<number>> = Array.from({ length: grid.vertices ?? 0 }, () => [])
  edges.forEach(([a, b], e) => {
    adjacency[a]!.push(e)
    adjacency[b]!.push(e)
  })
  for (let e = 0; e < edges.length; e++) {
    if (!hidden[e]) continue
    const ways = steps(grid, e).map(([from, to]) => ({
      from,
      ahead: walk(grid, hidden, adjacency, to, e, false),
      back: walk(grid, hidden, adjacency, from, e, true)
    }))
    if (ways.some((w) => w.ahead.has(w.from))) continue
    // A visible cell walkable from somewhere ahead to somewhere back closes a cycle through e.
    const closing: Array<number> = []
    edges.forEach((_, c) => {
      if (hidden[c]) return
      if (steps(grid, c).some(([p, q]) => ways.some((w) => w.ahead.has(p) && w.back.has(q)))) closing.push(c)
    })
    const complement = pick(grid, closing, true) ?? pick(grid, closing, false)
    if (complement !== undefined) {
      hidden[complement] = true
      return true
    }
  }
  return false
}

export const protect = (grid: Grid, hidden: Array<boolean>): Array<boolean> => {
  for (;;) {
    if (lineRule(grid, hidden)) continue
    if (cycleRule(grid, hidden)) continue
    return hidden
  }
}
