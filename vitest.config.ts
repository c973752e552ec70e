import { defineConfig } from "vitest/config"
import { projects } from "./vitest.workspace.ts"

export default defineConfig({
  // Tests run against sources: packages resolve through the `@pomoc/source` export condition.
  ssr: { resolve: { conditions: ["@pomoc/source"] } },
  resolve: { conditions: ["@pomoc/source"] },
  test: {
    projects,
    testTimeout: 30_000,
    reporters: process.env.CI ? ["default"] : ["default"]
  }
})
