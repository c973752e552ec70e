// After `changeset version`: keep everything that names @pomoc/core's version in step with it.
// All public packages share one version (a changesets `fixed` group), so a plugin is released
// together with the core it was tested against:
// - packages/core/src/version.ts: the version plugins' `requires.core` ranges are checked against;
// - every plugin's `requires: { core: "^X.Y.Z" }` (the service plugins and the examples).
// tests/integration/test/versions.test.ts checks that nothing is out of step.
import { readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { root } from "./workspaces.mjs"

const { version } = JSON.parse(readFileSync(join(root, "packages/core/package.json"), "utf8"))

const constant = join(root, "packages/core/src/version.ts")
const source = readFileSync(constant, "utf8")
const next = source.replace(/export const version = "[^"]*"/, `export const version = ${JSON.stringify(version)}`)
if (next === source && !source.includes(`"${version}"`)) throw new Error(`could not update ${constant}`)
writeFileSync(constant, next)
console.log(`@pomoc/core version constant: ${version}`)

const REQUIRES = /requires: \{ core: "\^\d+\.\d+\.\d+" \}/g
const sources = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : []
  )
const folders = ["packages/services", "examples"].flatMap((parent) =>
  readdirSync(join(root, parent), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(root, parent, e.name, "src"))
)
for (const file of folders.flatMap((dir) => { try { return sources(dir) } catch { return [] } })) {
  const text = readFileSync(file, "utf8")
  const updated = text.replace(REQUIRES, `requires: { core: "^${version}" }`)
  if (updated !== text) {
    writeFileSync(file, updated)
    console.log(`requires.core ^${version}: ${file.slice(root.length + 1)}`)
  }
}
