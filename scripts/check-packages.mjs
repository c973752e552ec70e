// Checks that every public package would publish correctly: `publint --strict` and
// `attw --pack <dir> --profile esm-only` on its built `dist/`. Run `npm run build` first.
import { spawnSync } from "node:child_process"
import { existsSync, readFileSync } from "node:fs"
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

const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" } })
  return { ok: result.status === 0, output: `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? String(result.error) : ""}` }
}

const verdicts = []
for (const pkg of packages) {
  const checks = [
    ["publint", run(bin("publint"), ["--strict", pkg.dir])],
    ["attw", run(bin("attw"), ["--pack", pkg.dir, "--profile", "esm-only", "--format", "table-flipped"])]
  ]
  const failed = checks.filter(([, r]) => !r.ok)
  for (const [tool, r] of failed) {
    console.error(`\n--- ${tool} ${pkg.rel} ---\n${r.output.replace(/^npm warn Unknown user config.*\n/gm, "").trim()}`)
  }
  verdicts.push(`${failed.length === 0 ? "ok  " : "FAIL"} ${pkg.name} (${pkg.rel})${failed.length === 0 ? "" : `: ${failed.map(([t]) => t).join(", ")} failed`}`)
}
console.log(verdicts.join("\n"))
const failures = verdicts.filter((v) => v.startsWith("FAIL")).length
console.log(failures === 0 ? `check:packages: all ${packages.length} public packages pass publint --strict and attw` : `check:packages: ${failures} of ${packages.length} packages failed`)
process.exit(failures === 0 ? 0 : 1)
