/**
 * The `pomoc-import` command line:
 *
 * ```
 * pomoc-import --setup ./pomoc.setup.js --mapping contacts.mapping.json [--dry-run] [--sheet NAME] [--delimiter ;] contacts.xlsx
 * ```
 *
 * The setup module is the host's: it exports `layer` (a layer providing `Casework`: the host's
 * plugins, store and keys) and `actor` (who imports). The mapping is JSON ({@link Mapping.Mapping}).
 * Progress goes to standard error as a bar; problems go to standard output, one per line.
 * Exit codes: 0 imported (or the dry run found no problem), 1 refused (nothing stored), 2 usage
 * or unreadable input.
 *
 * @since 0.2.0
 */
import { type ActorRef, Casework } from "@pomoc/core"
import { Effect, Layer, ManagedRuntime, Result } from "effect"
import { readFileSync } from "node:fs"
import { isAbsolute, resolve } from "node:path"
import { pathToFileURL } from "node:url"
import { parseArgs } from "node:util"
import * as Import from "./Import.js"
import * as Mapping from "./Mapping.js"
import * as Sheet from "./Sheet.js"

/**
 * Where the command line writes: `out` for the report and problems, `err` for the progress bar
 * and failures; `tty` says whether `err` is a terminal (the bar redraws in place there).
 * @since 0.2.0
 * @category models
 */
export interface Io {
  /** Writes to standard output. */
  readonly out: (text: string) => void
  /** Writes to standard error. */
  readonly err: (text: string) => void
  /** Whether standard error is a terminal. */
  readonly tty: boolean
  /** The directory relative paths start from. */
  readonly cwd: string
}

const WIDTH = 30

/**
 * A progress bar as one line: `checking [##########----------]  50% 50,000/100,000 rows`.
 * @since 0.2.0
 * @category formatting
 */
export const bar = (p: Import.Progress): string => {
  const share = p.total === 0 ? 1 : Math.min(1, p.done / p.total)
  const filled = Math.round(share * WIDTH)
  const pct = `${Math.floor(share * 100)}%`.padStart(4)
  return `${p.phase.padEnd(8)} [${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${pct} ${
    p.done.toLocaleString("en")
  }/${p.total.toLocaleString("en")} rows`
}

/** Draws the bar when the whole percent or the phase changes (in place on a terminal, else a line per tenth). */
const drawer = (io: Io) => {
  let last = ""
  return (p: Import.Progress) =>
    Effect.sync(() => {
      const step = io.tty
        ? Math.floor((p.done / Math.max(1, p.total)) * 100)
        : Math.floor((p.done / Math.max(1, p.total)) * 10)
      const key = `${p.phase}:${step}`
      if (key === last) return
      last = key
      io.err(io.tty ? `\r${bar(p)}` : `${bar(p)}\n`)
    })
}

const usage =
  "usage: pomoc-import --setup <module> --mapping <mapping.json> [--dry-run] [--sheet <name>] [--delimiter <c>] <file.csv|file.xlsx>\n"

/**
 * Runs the command line with its arguments (without `node` and the script); resolves to the
 * exit code.
 * @since 0.2.0
 * @category running
 */
export const main = async (args: ReadonlyArray<string>, io: Io): Promise<number> => {
  let parsed
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        setup: { type: "string" },
        mapping: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        sheet: { type: "string" },
        delimiter: { type: "string" },
        help: { type: "boolean", default: false }
      }
    })
  } catch {
    io.err(usage)
    return 2
  }
  const { positionals, values } = parsed
  if (values.help) {
    io.out(usage)
    return 0
  }
  const file = positionals[0]
  if (values.setup === undefined || values.mapping === undefined || file === undefined || positionals.length > 1) {
    io.err(usage)
    return 2
  }
  const path = (p: string) => isAbsolute(p) ? p : resolve(io.cwd, p)
  let mappingJson: unknown
  let bytes: Uint8Array
  try {
    mappingJson = JSON.parse(readFileSync(path(values.mapping), "utf8"))
    bytes = readFileSync(path(file))
  } catch {
    io.err("pomoc-import: cannot read the mapping (JSON) or the file\n")
    return 2
  }
  const mapping = Mapping.decode(mappingJson)
  if (Result.isFailure(mapping)) {
    io.err(`pomoc-import: ${mapping.failure.message}\n`)
    return 2
  }
  const setup = await import(pathToFileURL(path(values.setup)).href) as {
    readonly layer?: Layer.Layer<Casework.Casework>
    readonly actor?: ActorRef
  }
  if (setup.layer === undefined || !Layer.isLayer(setup.layer) || setup.actor === undefined) {
    io.err("pomoc-import: the setup module must export `layer` (providing Casework) and `actor`\n")
    return 2
  }
  const sheet = await Effect.runPromise(Effect.result(Sheet.fromFile(file, bytes, {
    ...(values.sheet !== undefined ? { sheet: /^\d+$/.test(values.sheet) ? Number(values.sheet) : values.sheet } : {}),
    ...(values.delimiter !== undefined ? { delimiter: values.delimiter } : {})
  })))
  if (Result.isFailure(sheet)) {
    io.err(`pomoc-import: ${sheet.failure.message}\n`)
    return 2
  }
  const actor = setup.actor
  const runtime = ManagedRuntime.make(setup.layer)
  try {
    const dryRun = values["dry-run"]
    const outcome = await runtime.runPromise(
      Effect.result(
        Casework.Casework.use((api) =>
          Import.run(api, actor, mapping.success, sheet.success, { dryRun, onProgress: drawer(io) })
        )
      )
    )
    if (io.tty) io.err("\n")
    if (Result.isSuccess(outcome)) {
      const r = outcome.success
      io.out(`${r.rows} row(s) ${r.stored ? "imported" : "checked (dry run: nothing stored)"} with ${r.operation}\n`)
      for (const w of r.warnings) {
        io.out(`warning ${w.principle}/${w.rule} on ${w.count} row(s) (first: ${w.rows.join(", ")}): ${w.reason}\n`)
      }
      return 0
    }
    const error = outcome.failure
    if (error._tag === "ImportRefused") {
      for (const p of error.problems) io.out(`${Import.formatProblem(p)}\n`)
      io.out(`${error.problems.length} problem(s) in ${error.rows} row(s): nothing stored\n`)
      return 1
    }
    io.err(`pomoc-import: ${error._tag}: nothing stored\n`)
    return 1
  } finally {
    await runtime.dispose()
  }
}
