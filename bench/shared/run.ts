/**
 * What the store benchmarks share: medians, opening a layer in a scope of its own, the test
 * harness's throwaway PostgreSQL cluster, and the runner loop that times variants alternately.
 * (No `main.ts` here: `npm run bench` does not run this folder.)
 */
import { Effect, Exit, Layer, Scope } from "effect"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

/** The median of some times. */
export const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

/** Builds a layer in a scope of its own; `close` closes the scope. */
export const open = async <A, E>(layer: Layer.Layer<A, E>) => {
  const scope = Scope.makeUnsafe()
  const context = await Effect.runPromise(Layer.buildWithScope(layer, scope))
  return { context, close: () => Effect.runPromise(Scope.close(scope, Exit.void)) }
}

/** A running throwaway PostgreSQL cluster. */
export interface Cluster {
  readonly info: { readonly url: string }
  readonly stop: () => Promise<void>
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..")

/**
 * Starts the PostgreSQL test harness's throwaway cluster (`cluster.ts`, not part of any
 * package's sources, so it is loaded at run time).
 */
export const startCluster = async (): Promise<Cluster> => {
  const path = join(root, "packages", "stores", "postgres", "test", "cluster.ts")
  const module = (await import(pathToFileURL(path).href)) as { startCluster: () => Promise<Cluster> }
  return module.startCluster()
}

/** One variant of a race: its name, and the call timed on a round's input. */
export type Variant<I, R> = readonly [name: string, call: (input: I) => Promise<R>]

/**
 * Times each variant `calls` times on the same input per round (`input(i)`), alternating which
 * goes first; `check` sees every answer (and throws when one is wrong). Medians in ms by name.
 */
export const alternate = async <I, R>(options: {
  readonly calls: number
  readonly input: (round: number) => I
  readonly variants: ReadonlyArray<Variant<I, R>>
  readonly check: (name: string, answer: R, input: I) => void
}): Promise<ReadonlyMap<string, number>> => {
  const times = new Map<string, Array<number>>(options.variants.map(([name]) => [name, []]))
  for (let i = 0; i < options.calls; i++) {
    const input = options.input(i)
    for (const [name, call] of i % 2 === 0 ? options.variants : [...options.variants].reverse()) {
      const started = performance.now()
      const answer = await call(input)
      times.get(name)!.push(performance.now() - started)
      options.check(name, answer, input)
    }
  }
  return new Map([...times].map(([name, ts]) => [name, median(ts)]))
}
