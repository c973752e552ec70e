// Builds every workspace package that has a "build" script, dependencies first: a package's
// declaration build reads the `dist/` of the @pomoc packages it imports, so they must exist.
// `npm run build --workspaces` would go in folder order instead. Independent packages build
// side by side.
import { spawn } from "node:child_process"
import { availableParallelism } from "node:os"
import { workspaces } from "./workspaces.mjs"

const npm = process.platform === "win32" ? "npm.cmd" : "npm"
const all = workspaces()
const byName = new Map(all.map((w) => [w.name, w]))
const buildable = all.filter((w) => typeof w.manifest.scripts?.build === "string")
const internalDeps = (w) =>
  Object.keys({ ...w.manifest.dependencies, ...w.manifest.devDependencies, ...w.manifest.peerDependencies }).filter(
    (name) => byName.has(name) && name !== w.name
  )

const pending = new Map(buildable.map((w) => [w.name, new Set(internalDeps(w).filter((d) => buildable.some((b) => b.name === d)))]))
const started = Date.now()
const concurrency = Math.max(1, Math.min(4, availableParallelism()))
let running = 0
let failed = false

const build = (w) =>
  new Promise((resolve) => {
    const t0 = Date.now()
    let output = ""
    const child = spawn(npm, ["run", "build", "--silent"], { cwd: w.dir, env: process.env })
    child.stdout.on("data", (chunk) => (output += chunk))
    child.stderr.on("data", (chunk) => (output += chunk))
    child.on("error", (error) => resolve({ ok: false, output: `${output}${String(error)}`, seconds: 0 }))
    child.on("close", (code) => resolve({ ok: code === 0, output, seconds: (Date.now() - t0) / 1000 }))
  })

await new Promise((done) => {
  const pump = () => {
    if (failed && running === 0) return done()
    const ready = failed ? [] : [...pending].filter(([, deps]) => deps.size === 0).map(([name]) => name)
    if (ready.length === 0 && running === 0) {
      if (pending.size > 0 && !failed) {
        console.error(`build: dependency cycle among ${[...pending.keys()].join(", ")}`)
        failed = true
      }
      return done()
    }
    for (const name of ready.slice(0, concurrency - running)) {
      pending.delete(name)
      running++
      const w = byName.get(name)
      void build(w).then((result) => {
        running--
        const quiet = result.output.replace(/^npm warn Unknown user config.*\n/gm, "")
        if (!result.ok) {
          failed = true
          console.error(`FAIL ${w.name} (${w.rel})\n${quiet.trim()}`)
        } else {
          console.log(`ok   ${w.name} (${result.seconds.toFixed(1)}s)`)
        }
        for (const deps of pending.values()) deps.delete(name)
        pump()
      })
    }
  }
  pump()
})

const seconds = ((Date.now() - started) / 1000).toFixed(1)
if (failed) {
  console.error(`build: failed after ${seconds}s`)
  process.exit(1)
}
console.log(`build: ${buildable.length} packages built in ${seconds}s`)
