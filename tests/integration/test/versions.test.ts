// Versions in step: one version for every @pomoc package (a changesets `fixed` group), the core
// version constant equal to core's package.json, every internal dependency on exactly that
// version, and every plugin requiring the core it is released with. `npm run version`
// (scripts/sync-core-version.mjs) keeps them so; this test fails when something falls behind.
import { Registry } from "@pomoc/core"
import { childrenInCare } from "@pomoc/service-children-in-care"
import { communityCentre } from "@pomoc/service-community-centre"
import { debtCounselling } from "@pomoc/service-debt-counselling"
import { lowThresholdClub } from "@pomoc/service-low-threshold-club"
import { streetWork } from "@pomoc/service-street-work"
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const root = new URL("../../../", import.meta.url).pathname
const read = (path: string) => JSON.parse(readFileSync(join(root, path), "utf8")) as Record<string, unknown>

/** The workspace folders, from the root package.json's globs ("a/b" and "a/*"). */
const workspaces = (): Array<string> =>
  (read("package.json")["workspaces"] as Array<string>).flatMap((pattern) =>
    pattern.endsWith("/*")
      ? readdirSync(join(root, pattern.slice(0, -2)), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) =>
        `${pattern.slice(0, -2)}/${e.name}`
      )
      : [pattern]
  ).filter((dir) => existsSync(join(root, dir, "package.json")))

const core = read("packages/core/package.json")["version"] as string

describe("versions", () => {
  it("the core version constant is core's package version, and a released one", () => {
    expect(core).not.toBe("0.0.0")
    expect(Registry.coreVersion).toBe(core)
  })

  it("every @pomoc package has core's version, and depends on the others at exactly that version", () => {
    const problems: Array<string> = []
    for (const dir of workspaces()) {
      const manifest = read(`${dir}/package.json`)
      if (manifest["version"] !== core) problems.push(`${dir}: version ${String(manifest["version"])}`)
      for (const field of ["dependencies", "devDependencies", "peerDependencies"]) {
        for (const [name, range] of Object.entries((manifest[field] ?? {}) as Record<string, string>)) {
          if (name.startsWith("@pomoc/") && range !== core) problems.push(`${dir}: ${field}.${name} ${range}`)
        }
      }
    }
    expect(problems).toEqual([])
  })

  it("every plugin requires the core it is released with, and registers with it", () => {
    const plugins = [lowThresholdClub, streetWork, debtCounselling, communityCentre, childrenInCare]
    for (const plugin of plugins) expect(plugin.requires.core, plugin.id).toBe(`^${core}`)
    expect(Registry.makeResult(plugins)._tag).toBe("Success")
  })

  it("the test kits' vitest peers are bounded to what is tested (the root's range), never open to vitest 5", () => {
    const vitest = (read("package.json")["devDependencies"] as Record<string, string>)["vitest"]
    const testkit = read("packages/stores/testkit/package.json")
    expect((testkit["peerDependencies"] as Record<string, string>)["vitest"]).toBe(vitest)
    for (const dir of workspaces()) {
      const peer = ((read(`${dir}/package.json`)["peerDependencies"] ?? {}) as Record<string, string>)["vitest"]
      if (peer !== undefined) expect(peer, dir).toBe(vitest)
    }
  })

  it("every peer range is the range the repository tests with (the root's devDependency), and the installed version is in it", () => {
    const tested = read("package.json")["devDependencies"] as Record<string, string>
    // A `^` or `~` range: the floor's major (and minor, for `~` or a 0.x `^`) bound it above.
    const within = (version: string, range: string): boolean => {
      const match = /^([~^])(\d+)\.(\d+)\.(\d+)$/.exec(range)
      const [major, minor, patch] = version.split(".").map((part) => Number.parseInt(part, 10)) as [
        number,
        number,
        number
      ]
      if (match === null) return false
      const [, op, a, b, c] = match as unknown as [string, string, string, string, string]
      const floor = [Number(a), Number(b), Number(c)] as const
      const atLeast = major > floor[0] ||
        (major === floor[0] && (minor > floor[1] || (minor === floor[1] && patch >= floor[2])))
      const sameMinor = op === "~" || floor[0] === 0
      return atLeast && major === floor[0] && (!sameMinor || minor === floor[1])
    }
    const problems: Array<string> = []
    for (const dir of workspaces()) {
      for (
        const [name, range] of Object.entries(
          (read(`${dir}/package.json`)["peerDependencies"] ?? {}) as Record<string, string>
        )
      ) {
        if (range !== tested[name]) {
          problems.push(`${dir}: peer ${name} ${range}, tested with ${tested[name] ?? "nothing"}`)
        }
        const installed = read(`node_modules/${name}/package.json`)["version"] as string
        if (!within(installed, range)) {
          problems.push(`${dir}: peer ${name} ${range} does not hold the installed ${installed}`)
        }
      }
    }
    expect(problems).toEqual([])
  })
})
