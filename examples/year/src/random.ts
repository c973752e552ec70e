/**
 * The demo's randomness: one seeded generator (pure-rand's xoroshiro128+), so the same seed gives
 * the same year, figure for figure.
 */
import { uniformInt } from "pure-rand/distribution/uniformInt"
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus"

export interface Random {
  /** A whole number from `min` to `max`, both included. */
  readonly int: (min: number, max: number) => number
  /** True with probability `p`. */
  readonly chance: (p: number) => boolean
  /** One element of a non-empty list. */
  readonly pick: <A>(items: ReadonlyArray<A>) => A
  /** `n` distinct elements of a list (all of them when it is shorter), in the list's order. */
  readonly sample: <A>(items: ReadonlyArray<A>, n: number) => Array<A>
}

export const make = (seed: number): Random => {
  const rng = xoroshiro128plus(seed)
  const int = (min: number, max: number) => uniformInt(rng, min, max)
  return {
    int,
    chance: (p) => int(0, 9_999) < p * 10_000,
    pick: (items) => items[int(0, items.length - 1)]!,
    sample: (items, n) => {
      const chosen = new Set<number>()
      const k = Math.min(n, items.length)
      while (chosen.size < k) chosen.add(int(0, items.length - 1))
      return [...chosen].sort((a, b) => a - b).map((i) => items[i]!)
    }
  }
}
