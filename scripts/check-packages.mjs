// Checks that every public package would publish correctly: `publint --strict` and
// `attw --pack <dir> --profile esm-only` on its built `dist/`. Run `npm run build` first.
import { spawn } from "node:child_process"
import { existsSync, readFileSync } from "node:fs"
import { availableParallelism } from "node:os"
import { join } from "node:path"
import { bin, publicPackages, root } from "./workspaces.mjs"

const packages = publicPackages()

// typedoc only enforces doc comments in the packages it is told about: keep that list complete.
const typedoc = JSON.parse(readFileSync(join(root, "typedoc.json"), "utf8"))
const undocumented = packages.filter((p) => !(typedoc.packagesRequiringDocumentation ?? []).includes(p.name))
if (undocumented.length > 0) {
  console.error(`check:packages: add ${undocumented.map((p) => p.name).join(", ")} to "packagesRequiringDocumentation" in typedoc.json`)
  process.exit(1)
}

const unbuilt = packages.filter((p) => !existsSync(join(p.dir, "dist")))
if (unbuilt.length > 0) {
  console.error(`check:packages: no dist/ in ${unbuilt.map((p) => p.rel).join(", ")}. Run \`npm run build\` first.`)
  process.exit(1)
}

const run = (command, args) =>
  new Promise((resolve) => {
    let output = ""
    const child = spawn(command, args, { cwd: root, env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" } })
    child.stdout.on("data", (chunk) => (output += chunk))
    child.stderr.on("data", (chunk) => (output += chunk))
    child.on("error", (error) => resolve({ ok: false, output: `${output}${String(error)}` }))
    child.on("close", (code) => resolve({ ok: code === 0, output }))
  })

const check = async (pkg) => {
  // Both tools pack the package with npm; running them side by side halves the wall time.
  const [publint, attw] = await Promise.all([
    run(bin("publint"), ["--strict", pkg.dir]),
    run(bin("attw"), ["--pack", pkg.dir, "--profile", "esm-only", "--format", "table-flipped"])
  ])
  return { pkg, failed: [["publint", publint], ["attw", attw]].filter(([, r]) => !r.ok) }
}

// A few packages at a time: each check is mostly npm start-up and packing.
const results = new Array(packages.length)
let next = 0
const worker = async () => {
  while (next < packages.length) {
    const index = next++
    results[index] = await check(packages[index])
  }
}
await Promise.all(Array.from({ length: Math.min(4, Math.max(2, availableParallelism())) }, worker))

for (const { pkg, failed } of results) {
  for (const [tool, r] of failed) {
    console.error(`\n--- ${tool} ${pkg.rel} ---\n${r.output.replace(/^npm warn Unknown user config.*\n/gm, "").trim()}`)
  }
}
let failures = 0
for (const { pkg, failed } of results) {
  if (failed.length > 0) failures++
  console.log(`${failed.length === 0 ? "ok  " : "FAIL"} ${pkg.name} (${pkg.rel})${failed.length === 0 ? "" : `: ${failed.map(([t]) => t).join(", ")} failed`}`)
}
console.log(
  failures === 0
    ? `check:packages: all ${packages.length} public packages pass publint --strict and attw --profile esm-only`
    : `check:packages: ${failures} of ${packages.length} packages failed`
)
process.exit(failures === 0 ? 0 : 1)
