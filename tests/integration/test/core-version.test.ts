import { Registry } from "@pomoc/core"
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"

describe("core version", () => {
  it("is the package's version (or, while unreleased at 0.0.0, the version being prepared)", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../../packages/core/package.json", import.meta.url), "utf8")) as { version: string }
    if (pkg.version === "0.0.0") expect(Registry.coreVersion).toMatch(/^0\.1\.0$/)
    else expect(Registry.coreVersion).toBe(pkg.version)
  })
})
