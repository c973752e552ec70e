/**
 * Benchmark of audit verification (issue 10): a log of N entries (default 1,000,000) sealed
 * through the store's commits (10,000 entries a commit) on SQLite (a file, WAL) and PostgreSQL (a
 * throwaway cluster started with the test harness's `cluster.ts`), then verified in a fresh
 * process each way, which reports its time and its peak memory (maximum resident set size):
 *   - streaming: `Audit.verifyPages(store.readAudit, { head })`, what `pomoc.verifyAudit` runs:
 *     one page of 5,000 entries at a time, only the running hash kept;
 *   - collect-then-verify (the baseline, as `verifyAudit` did before): every entry read into one
 *     array, then `Audit.verify`.
 *
 * Run: `npm run bench -- audit` (`--entries=100000`, `--sqlite-only`, `--keep=<dir>` to keep the
 * SQLite file there and verify it again in later runs instead of sealing it again).
 */
import { Audit, Store } from "@pomoc/core"
import { PostgresStore } from "@pomoc/store-postgres"
import { SqliteStore } from "@pomoc/store-sqlite"
import { Context, Effect, Exit, Layer, Redacted, Scope } from "effect"
import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { cpus, loadavg, tmpdir, totalmem } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
const ENTRIES = Number(arg("entries") ?? 1_000_000)
const PER_COMMIT = 10_000
const here = dirname(fileURLToPath(import.meta.url))

const layerOf = (db: string): Layer.Layer<Store.Store, Store.StoreError> =>
  db.startsWith("sqlite:")
    ? SqliteStore.layer({ filename: db.slice("sqlite:".length) })
    : PostgresStore.layer({ url: Redacted.make(db.slice("pg:".length)) })

const withStore = async <A>(
  db: string,
  f: (store: Store.StoreShape) => Effect.Effect<A, Store.StoreError>
): Promise<A> => {
  const scope = Scope.makeUnsafe()
  try {
    const context = await Effect.runPromise(Layer.buildWithScope(layerOf(db), scope))
    return await Effect.runPromise(f(Context.get(context, Store.Store)))
  } finally {
    await Effect.runPromise(Scope.close(scope, Exit.void))
  }
}

// ---------------------------------------------------------------------------------------------
// The child: verifies one way and prints time, peak memory and the outcome as JSON.

const child = arg("child")
if (child !== undefined) {
  const db = arg("db")!
  const started = performance.now()
  const verification = await withStore(db, (store) =>
    Effect.gen(function*() {
      const head = yield* store.auditHead
      if (child === "streaming") return yield* Audit.verifyPages(store.readAudit, { head })
      const entries: Array<Audit.AuditEntry> = []
      for (;;) {
        const page = yield* store.readAudit(entries.length + 1, 5000)
        if (page.length === 0) break
        entries.push(...page)
      }
      return Audit.verify(entries, head)
    }))
  const ms = performance.now() - started
  // CPU time too: on a machine shared with other work, the wall time is mostly waiting.
  const usage = process.resourceUsage()
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000
  console.log(JSON.stringify({ ms, cpuMs, maxRssMb: usage.maxRSS / 1024, verification: verification._tag }))
  process.exit(0)
}

// ---------------------------------------------------------------------------------------------
// The parent: fills a log, runs the children.

const fill = (db: string) =>
  withStore(db, (store) =>
    Effect.gen(function*() {
      const started = performance.now()
      for (let done = 0; done < ENTRIES; done += PER_COMMIT) {
        const drafts = Array.from({ length: Math.min(PER_COMMIT, ENTRIES - done) }, (_, i): Audit.AuditDraft => ({
          at: new Date(Date.UTC(2026, 0, 1) + (done + i) * 1000).toISOString(),
          actor: `worker-${(done + i) % 17}`,
          role: "worker",
          operation: "RecordContact",
          outcome: "allowed",
          serviceId: "service-1",
          subjects: [{ kind: "contact", id: `contact-${done + i}` }, {
            kind: "person",
            id: `person-${(done + i) % 5000}`
          }]
        }))
        yield* store.commit({ writes: [], audit: drafts })
      }
      return performance.now() - started
    }))

interface Outcome {
  readonly ms: number
  /** CPU time of the whole child process (start-up included). */
  readonly cpuMs: number
  readonly maxRssMb: number
  readonly verification: string
}

const verifyIn = (way: "streaming" | "collect", db: string): Outcome => {
  const result = spawnSync(process.execPath, [
    ...process.execArgv,
    fileURLToPath(import.meta.url),
    `--child=${way}`,
    `--db=${db}`
  ], {
    encoding: "utf8",
    maxBuffer: 1 << 20
  })
  const line = result.stdout.trim().split("\n").at(-1) ?? ""
  if (result.status !== 0 || !line.startsWith("{")) {
    throw new Error(`verification (${way}) failed: ${result.stderr.slice(-2000)}`)
  }
  const outcome = JSON.parse(line) as Outcome
  if (outcome.verification !== "Intact") throw new Error(`verification (${way}) found the log ${outcome.verification}`)
  return outcome
}

const results: Array<{ readonly database: string; readonly streaming: Outcome; readonly collect: Outcome }> = []

const keep = arg("keep")

const section = async (database: string, db: string, reuse = false) => {
  if (reuse) console.log(`${database}: ${ENTRIES.toLocaleString("en-US")} entries reused from ${db}`)
  else {
    const fillMs = await fill(db)
    console.log(`${database}: ${ENTRIES.toLocaleString("en-US")} entries sealed in ${(fillMs / 1000).toFixed(1)} s`)
  }
  const streaming = verifyIn("streaming", db)
  const collect = verifyIn("collect", db)
  console.log(
    `${database}: streaming ${(streaming.ms / 1000).toFixed(1)} s (CPU ${(streaming.cpuMs / 1000).toFixed(1)} s), ${
      streaming.maxRssMb.toFixed(0)
    } MB; collect ${(collect.ms / 1000).toFixed(1)} s (CPU ${(collect.cpuMs / 1000).toFixed(1)} s), ${
      collect.maxRssMb.toFixed(0)
    } MB; load average ${loadavg().map((l) => l.toFixed(1)).join(", ")}`
  )
  results.push({ database, streaming, collect })
}

interface Cluster {
  readonly info: { readonly url: string }
  readonly stop: () => Promise<void>
}

const dir = mkdtempSync(join(tmpdir(), "pomoc-bench-audit-"))
try {
  console.log(
    `Audit verification of ${ENTRIES.toLocaleString("en-US")} entries; node ${process.version}, ${
      cpus()[0]?.model ?? "unknown CPU"
    } × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB`
  )
  const file = join(keep ?? dir, `audit-${ENTRIES}.db`)
  await section("SQLite (file, WAL)", `sqlite:${file}`, keep !== undefined && existsSync(file))
  if (!process.argv.includes("--sqlite-only")) {
    const clusterPath = join(here, "..", "..", "packages", "stores", "postgres", "test", "cluster.ts")
    const { startCluster } = (await import(pathToFileURL(clusterPath).href)) as { startCluster: () => Promise<Cluster> }
    const cluster = await startCluster()
    try {
      await section("PostgreSQL (loopback)", `pg:${cluster.info.url}`)
    } finally {
      await cluster.stop()
    }
  }
  const fmt = (o: Outcome) =>
    `${(o.ms / 1000).toFixed(1)} s (CPU ${(o.cpuMs / 1000).toFixed(1)} s), ${o.maxRssMb.toFixed(0)} MB`
  console.log(
    "\n| database | entries | streaming (time, peak memory) | collect then verify | time ratio | memory ratio | target (< 15 s, < 200 MB) |"
  )
  console.log("| --- | --- | --- | --- | --- | --- | --- |")
  for (const r of results) {
    const met = r.streaming.ms < 15_000 && r.streaming.maxRssMb < 200 ? "met" : "MISSED"
    console.log(
      `| ${r.database} | ${ENTRIES.toLocaleString("en-US")} | ${fmt(r.streaming)} | ${fmt(r.collect)} | ${
        (r.streaming.ms / r.collect.ms).toFixed(2)
      }× | ${(r.streaming.maxRssMb / r.collect.maxRssMb).toFixed(2)}× | ${met} |`
    )
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
