// A release rehearsal: build, typecheck, lint and check every public package, then `npm pack`
// each one into `.release/`. Nothing is published; publishing is `changeset publish` in CI.
import { spawnSync } from "node:child_process"
import { mkdirSync, readdirSync, rmSync } from "node:fs"
import { join, relative } from "node:path"
import { publicPackages, root } from "./workspaces.mjs"

const npm = process.platform === "win32" ? "npm.cmd" : "npm"

const step = (label, args, options = {}) => {
  const started = Date.now()
  console.log(`\n== ${label}: npm ${args.join(" ")}`)
  const result = spawnSync(npm, args, { cwd: root, stdio: "inherit", ...options })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (result.status !== 0) {
    console.error(`release:dry: ${label} failed after ${seconds}s (exit ${String(result.status ?? result.signal)})`)
    process.exit(1)
  }
  console.log(`== ${label} ok (${seconds}s)`)
}

step("build", ["run", "build"])
step("typecheck", ["run", "typecheck"])
step("lint", ["run", "lint"])
step("check:packages", ["run", "check:packages"])

const out = join(root, ".release")
rmSync(out, { recursive: true, force: true })
mkdirSync(out)
for (const pkg of publicPackages()) {
  step(`pack ${pkg.name}`, ["pack", "--silent", "--pack-destination", out], { cwd: pkg.dir, stdio: ["ignore", "ignore", "inherit"] })
}

const tarballs = readdirSync(out).filter((f) => f.endsWith(".tgz")).sort()
console.log(`\nrelease:dry: ${tarballs.length} tarballs in ${relative(root, out)}/ (nothing published):`)
for (const tarball of tarballs) console.log(`  ${relative(root, join(out, tarball))}`)
if (tarballs.length !== publicPackages().length) {
  console.error(`release:dry: expected ${publicPackages().length} tarballs`)
  process.exit(1)
}
