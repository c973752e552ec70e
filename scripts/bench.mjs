// Runs every benchmark `bench/<name>/main.ts` in sequence, on sources (`@pomoc/source`).
// `npm run bench -- <name>` runs only `bench/<name>/`.
import { spawnSync } from "node:child_process"
import { existsSync, readdirSync } from "node:fs"
import { join } from "node:path"
import { bin, root } from "./workspaces.mjs"

const benchDir = join(root, "bench")
const filter = process.argv[2]
const all = readdirSync(benchDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(benchDir, entry.name, "main.ts")))
  .map((entry) => entry.name)
  .sort()
const selected = filter === undefined ? all : all.filter((name) => name === filter)

if (selected.length === 0) {
  console.error(
    filter === undefined
      ? "bench: no bench/*/main.ts found"
      : `bench: no bench/${filter}/main.ts (available: ${all.join(", ") || "none"})`
  )
  process.exit(1)
}

let failed = 0
for (const name of selected) {
  console.log(`\n== bench/${name}`)
  const started = Date.now()
  // Options after the name (`npm run bench -- reports --sizes=100000`) go to the benchmark.
  const result = spawnSync(bin("tsx"), ["--conditions=@pomoc/source", join("bench", name, "main.ts"), ...process.argv.slice(3)], {
    cwd: root,
    stdio: "inherit"
  })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (result.status !== 0) {
    failed++
    console.error(`== bench/${name} failed (exit ${String(result.status ?? result.signal)}) after ${seconds}s`)
  } else {
    console.log(`== bench/${name} done in ${seconds}s`)
  }
}
process.exit(failed === 0 ? 0 : 1)
