/**
 * The chart library's code, read once from the installed packages so that it can be inlined:
 * the report must open offline and make no network request.
 */
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"

const require = createRequire(import.meta.url)

/** The folder of an installed package: its entry resolved, then up to the folder named after it. */
const packageDir = (name: string): string => {
  let dir = dirname(require.resolve(name))
  while (!dir.endsWith(join("node_modules", name))) {
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`cannot find the folder of ${name}`)
    dir = parent
  }
  return dir
}

/** Closing tags inside inlined code would end the script element early. */
const inlineable = (code: string): string => code.replace(/<\/(script)/gi, "<\\/$1")

export interface ChartCode {
  readonly d3: string
  readonly plot: string
  readonly plotVersion: string
}

let cached: ChartCode | undefined

export const chartCode = (): ChartCode => {
  if (cached === undefined) {
    const d3 = packageDir("d3")
    const plot = packageDir("@observablehq/plot")
    cached = {
      d3: inlineable(readFileSync(join(d3, "dist", "d3.min.js"), "utf8")),
      plot: inlineable(readFileSync(join(plot, "dist", "plot.umd.min.js"), "utf8")),
      plotVersion: (JSON.parse(readFileSync(join(plot, "package.json"), "utf8")) as { version: string }).version
    }
  }
  return cached
}
