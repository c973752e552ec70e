/**
 * Benchmark of the principles engine (issue 3): 10, 100 and 1,000 distinct rules of 4–5
 * conditions each against one command, evaluated
 *   (1) as plain TypeScript functions in a loop (the floor),
 *   (2) by the engine: `check`, `explain`, and `checkEffect` run with `Effect.runSync`,
 *   (3) by json-rules-engine with the same rules as JSON (its `run` is async: awaited one by one).
 * All variants are measured in the same process, interleaved in rounds; the table shows the
 * median of the rounds, and each ratio is the median of per-round ratios. Run: `node_modules/.bin/tsx --conditions=@pomoc/source bench/principles/main.ts`
 * (or `npm run bench`). `--quick` runs fewer rounds.
 */
import { Decision, Engine } from "@pomoc/core"
import { Effect } from "effect"
import { Engine as JsonRulesEngine } from "json-rules-engine"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { cpus, loadavg, tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { type Command, command, type Facts, facts, flatFacts, type RecordContact } from "./model.js"
import { generate, type GeneratedRules, renderModule, toJson } from "./rules.js"

const quick = process.argv.includes("--quick")
const sizes = [10, 100, 1000] as const
const here = dirname(fileURLToPath(import.meta.url))

// The rules, written out as TypeScript source and imported: plain functions and engine rules
// are compiled code, not an interpreter over the rule data. The module goes to a temporary
// folder, outside the type-checked and linted tree.
const specs = generate(Math.max(...sizes))
const generatedDir = mkdtempSync(join(tmpdir(), "pomoc-bench-principles-"))
const generatedFile = join(generatedDir, "rules.generated.ts")
writeFileSync(
  generatedFile,
  renderModule(specs, join(here, "../../packages/core/src/principles/index.ts"), join(here, "model.ts"))
)
const generated = (await import(pathToFileURL(generatedFile).href)) as GeneratedRules
rmSync(generatedDir, { recursive: true, force: true })

type Plain = GeneratedRules["plain"][number]

/** The floor: call each function, collect the indices of violated rules (lazily, like the engine). */
const runPlain = (rules: ReadonlyArray<Plain>, c: RecordContact, f: Facts): Array<number> | undefined => {
  let violated: Array<number> | undefined
  for (let i = 0; i < rules.length; i++) {
    if (rules[i]!(c, f)) (violated ??= []).push(i)
  }
  return violated
}

const fromFlat = (flat: Readonly<Record<string, string | number>>): { c: RecordContact; f: Facts } => ({
  c: {
    _tag: "RecordContact",
    durationMinutes: flat["durationMinutes"] as number,
    participants: flat["participants"] as number,
    channel: flat["channel"] as string,
    location: flat["location"] as string
  },
  f: {
    person: {
      age: flat["age"] as number,
      identityLevel: flat["identityLevel"] as string,
      monthsInService: flat["monthsInService"] as number,
      contactsThisMonth: flat["contactsThisMonth"] as number
    },
    actor: { role: flat["role"] as string, yearsOfPractice: flat["yearsOfPractice"] as number },
    service: { type: flat["serviceType"] as string, region: flat["region"] as string },
    time: { hour: flat["hour"] as number }
  }
})

interface Variant {
  readonly name: string
  readonly run: (iterations: number) => number | Promise<number>
}

const median = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** Nanoseconds per command of each variant in each round (a batch calibrated to ~`sampleMs`). */
const benchmark = async (variants: ReadonlyArray<Variant>, rounds: number, sampleMs: number, warmupMs: number) => {
  const batch = new Map<string, number>()
  const samples = new Map<string, Array<number>>()
  let sink = 0
  for (const variant of variants) {
    // Warm up long enough for every rule function to be optimised (at 1,000 rules each one is
    // called once per command, so a short warm-up would measure the interpreter).
    // The JIT compiles in background threads, which a busy machine delays: keep warming up in
    // chunks until a chunk is no longer faster than the best one so far (at least `warmupMs`,
    // at most ten times that).
    const started = performance.now()
    let best = Infinity
    let stable = 0
    while (performance.now() - started < warmupMs * 10) {
      const chunkStart = performance.now()
      let calls = 0
      while (performance.now() - chunkStart < 200) {
        sink += await variant.run(1)
        calls++
      }
      const perCall = (performance.now() - chunkStart) / calls
      stable = perCall < best * 0.97 ? 0 : stable + 1
      best = Math.min(best, perCall)
      if (stable >= 3 && performance.now() - started >= warmupMs) break
    }
    // Calibrate: grow the batch until one sample takes `sampleMs`.
    let iterations = 1
    for (;;) {
      const start = performance.now()
      sink += await variant.run(iterations)
      const elapsed = performance.now() - start
      if (elapsed >= sampleMs) break
      iterations = Math.ceil(iterations * Math.min(10, Math.max(1.5, (sampleMs * 1.2) / Math.max(elapsed, 0.01))))
    }
    batch.set(variant.name, iterations)
    samples.set(variant.name, [])
  }
  for (let round = 0; round < rounds; round++) {
    for (const variant of variants) {
      const iterations = batch.get(variant.name)!
      const start = performance.now()
      sink += await variant.run(iterations)
      samples.get(variant.name)!.push(((performance.now() - start) * 1e6) / iterations)
    }
  }
  return { samples, sink }
}

/** The three ways must agree on which rules a command violates before we time them. */
const agree = async (size: number, engine: Engine.Engine<Command, Facts>, jre: JsonRulesEngine) => {
  const plain = generated.plain.slice(0, size)
  const ids = specs.slice(0, size).map((s) => s.id)
  let next = 7
  const rand = () => ((next = (next * 1103515245 + 12345) % 2147483648) / 2147483648)
  let nonEmpty = 0
  // The input whose number of violated rules is closest to 5 % of the rules (at least one).
  const wanted = Math.max(1, Math.round(size * 0.05))
  let sample: { flat: Record<string, string | number>; violated: number } = { flat: { ...flatFacts }, violated: 0 }
  for (let trial = 0; trial < 200; trial++) {
    const flat: Record<string, string | number> = { ...flatFacts }
    for (const [key, value] of Object.entries(flat)) {
      if (rand() < 0.3) {
        flat[key] = typeof value === "number"
          ? value + Math.floor(rand() * 60) - 30
          : ["street", "school", "club", "identified", "coordinator", "south", "street-work"][Math.floor(rand() * 7)]!
      }
    }
    const { c, f } = fromFlat(flat)
    const fromPlain = (runPlain(plain, c, f) ?? []).map((i) => ids[i]!).join(",")
    const decision = engine.check(c, f)
    const fromEngine = (decision._tag === "Denied" ? decision.violations.map((v) => v.rule) : []).join(",")
    const result = await jre.run({ ...flat })
    const fromJson = result.events.map((e) => (e.params as { rule: string }).rule).sort((a, b) =>
      ids.indexOf(a) - ids.indexOf(b)
    ).join(",")
    if (fromPlain !== fromEngine || fromPlain !== fromJson) {
      throw new Error(
        `The variants disagree at ${size} rules, trial ${trial}: plain [${fromPlain}] engine [${fromEngine}] json [${fromJson}]`
      )
    }
    if (fromPlain !== "") nonEmpty++
    const violated = fromPlain === "" ? 0 : fromPlain.split(",").length
    if (violated > 0 && Math.abs(violated - wanted) < Math.abs(sample.violated - wanted)) sample = { flat, violated }
  }
  return { nonEmpty, sample }
}

const format = (
  n: number
) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} k` : n.toFixed(0))

const variantsFor = (
  plain: ReadonlyArray<Plain>,
  engine: Engine.Engine<Command, Facts>,
  jre: JsonRulesEngine,
  input: { c: RecordContact; f: Facts; flat: Readonly<Record<string, string | number>> }
): Array<Variant> => {
  const { c, f, flat } = input
  const cmd: Command = c
  return [
    {
      name: "plain",
      run: (n) => {
        let s = 0
        for (let i = 0; i < n; i++) s += runPlain(plain, c, f)?.length ?? 0
        return s
      }
    },
    {
      name: "check",
      run: (n) => {
        let s = 0
        for (let i = 0; i < n; i++) s += engine.check(cmd, f) === Decision.allowed ? 0 : 1
        return s
      }
    },
    {
      name: "explain",
      run: (n) => {
        let s = 0
        for (let i = 0; i < n; i++) s += engine.explain(cmd, f).steps.length
        return s
      }
    },
    {
      name: "checkEffect",
      run: (n) => {
        let s = 0
        for (let i = 0; i < n; i++) {
          s += Effect.runSync(Effect.match(engine.checkEffect(cmd, f), { onFailure: () => 1, onSuccess: () => 0 }))
        }
        return s
      }
    },
    {
      // The same check inside an already-running program (as in a real write pipeline): one
      // runSync for the whole batch, so the figure is the wrapper's cost, not fiber start-up.
      name: "checkEffectInFiber",
      run: (n) =>
        Effect.runSync(
          Effect.gen(function*() {
            let s = 0
            for (let i = 0; i < n; i++) {
              s += yield* Effect.match(engine.checkEffect(cmd, f), { onFailure: () => 1, onSuccess: () => 0 })
            }
            return s
          })
        )
    },
    {
      name: "jsonRulesEngine",
      run: async (n) => {
        let s = 0
        for (let i = 0; i < n; i++) s += (await jre.run({ ...flat })).events.length
        return s
      }
    }
  ]
}

/**
 * One measured row. Throughput is the median of the rounds; a ratio is the median over rounds of
 * the two variants' times in the same round, so that load on the machine (which shifts whole
 * rounds) cancels out.
 */
interface Row {
  readonly label: string
  readonly opsPerSecond: (variant: string) => number
  /** How many times longer `a` takes than `b`. */
  readonly times: (a: string, b: string) => number
}

const row = (label: string, samples: ReadonlyMap<string, ReadonlyArray<number>>): Row => ({
  label,
  opsPerSecond: (variant) => 1e9 / median(samples.get(variant)!),
  times: (a, b) => median(samples.get(a)!.map((ns, round) => ns / samples.get(b)![round]!))
})

const allowRows: Array<Row> = []
const denyRows: Array<Row> = []
const agreement: Array<string> = []
for (const size of sizes) {
  const plain = generated.plain.slice(0, size)
  const engine = Engine.makeUnsafe<Command, Facts>({ rules: generated.engineRules.slice(0, size) })
  const jre = new JsonRulesEngine(specs.slice(0, size).map(toJson), { allowUndefinedFacts: true })
  const { nonEmpty, sample } = await agree(size, engine, jre)
  agreement.push(`${nonEmpty} of 200 denied at ${size} rules`)
  const rounds = quick ? 5 : 21
  const sampleMs = quick ? 20 : 50
  const warmupMs = quick ? 300 : 1500

  const allowing = await benchmark(
    variantsFor(plain, engine, jre, { c: command, f: facts, flat: flatFacts }),
    rounds,
    sampleMs,
    warmupMs
  )
  allowRows.push(row(String(size), allowing.samples))

  const denying = await benchmark(
    variantsFor(plain, engine, jre, { ...fromFlat(sample.flat), flat: sample.flat }),
    rounds,
    sampleMs,
    warmupMs
  )
  denyRows.push(row(`${size} (${sample.violated} denied)`, denying.samples))
  process.stderr.write(`measured ${size} rules\n`)
}

const x = (n: number) => `${n.toFixed(2)}×`
const table = (rows: ReadonlyArray<Row>) => [
  "| rules | plain | check | explain | checkEffect | checkEffect in a fiber | json-rules-engine | check ÷ plain | explain ÷ check | checkEffect ÷ plain | in a fiber ÷ plain | json-rules-engine ÷ check |",
  "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...rows.map((r) =>
    `| ${r.label} | ${format(r.opsPerSecond("plain"))} | ${format(r.opsPerSecond("check"))} | ${
      format(r.opsPerSecond("explain"))
    } | ${format(r.opsPerSecond("checkEffect"))} | ${format(r.opsPerSecond("checkEffectInFiber"))} | ${
      format(r.opsPerSecond("jsonRulesEngine"))
    } | ${x(r.times("check", "plain"))} | ${x(r.times("explain", "check"))} | ${x(r.times("checkEffect", "plain"))} | ${
      x(r.times("checkEffectInFiber", "plain"))
    } | ${x(r.times("jsonRulesEngine", "check"))} |`
  )
]
const lines = [
  `Machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? "unknown"}), Node ${process.version}, ${
    new Date().toISOString().slice(0, 16)
  }Z, load average at the end ${loadavg().map((l) => l.toFixed(1)).join(" / ")}`,
  "",
  "Commands per second (median of interleaved rounds). The ratio columns are time ratios (median over rounds of the two",
  "variants' times in the same round): check ÷ plain = 1.00× means as fast as plain functions; json-rules-engine ÷ check",
  "is how many times faster check is. checkEffect is one `Effect.runSync` per command (fiber start-up included); \"in a",
  "fiber\" runs the commands inside one running program, as a write pipeline does. The targets apply to the allow path.",
  "",
  "Allow path: a command every rule allows (the common case of a write).",
  "",
  ...table(allowRows),
  "",
  "Deny path: a command that breaks about 5 % of the rules (each denial builds a `PrincipleViolation` error).",
  "",
  ...table(denyRows),
  ""
]
const at = (size: number) => allowRows[sizes.indexOf(size as (typeof sizes)[number])]!
const targets: Array<[string, number, boolean]> = [
  ["check within 1.5× of plain at 10 rules", at(10).times("check", "plain"), at(10).times("check", "plain") <= 1.5],
  ["check within 1.5× of plain at 100 rules", at(100).times("check", "plain"), at(100).times("check", "plain") <= 1.5],
  [
    "checkEffect within 3× of plain at 100 rules",
    at(100).times("checkEffect", "plain"),
    at(100).times("checkEffect", "plain") <= 3
  ],
  [
    "check ≥ 100× faster than json-rules-engine at 100 rules",
    at(100).times("jsonRulesEngine", "check"),
    at(100).times("jsonRulesEngine", "check") >= 100
  ],
  ...sizes.map((size): [string, number, boolean] => [
    `explain ≤ 2× check at ${size} rules`,
    at(size).times("explain", "check"),
    at(size).times("explain", "check") <= 2
  ])
]
lines.push(
  "| target | measured | met |",
  "| --- | ---: | :---: |",
  ...targets.map(([name, value, met]) => `| ${name} | ${x(value)} | ${met ? "yes" : "**no**"} |`)
)
lines.push(
  "",
  `Before timing, the three variants agreed on the violated rules for 200 perturbed inputs per size (${
    agreement.join(", ")
  }).`
)
console.log(lines.join("\n"))
