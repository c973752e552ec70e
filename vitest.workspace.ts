/**
 * The test projects of the monorepo. Vitest 4 no longer reads this file by itself: the root
 * `vitest.config.ts` imports `projects` from here.
 */
import type { TestProjectInlineConfiguration } from "vitest/config"

const project = (
  name: string,
  dir: string,
  extra: TestProjectInlineConfiguration["test"] = {}
): TestProjectInlineConfiguration => ({
  extends: true,
  test: {
    name,
    root: dir,
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    ...extra
  }
})

export const projects: Array<TestProjectInlineConfiguration> = [
  project("core", "packages/core"),
  project("store-memory", "packages/stores/memory"),
  project("store-sql", "packages/stores/sql"),
  project("store-sqlite", "packages/stores/sqlite"),
  project("store-postgres", "packages/stores/postgres", {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ["./test/globalSetup.ts"]
  }),
  project("store-testkit", "packages/stores/testkit"),
  project("report-html", "packages/faces/report-html", { testTimeout: 120_000, hookTimeout: 120_000 }),
  project("service-low-threshold-club", "packages/services/low-threshold-club"),
  project("service-street-work", "packages/services/street-work"),
  project("service-debt-counselling", "packages/services/debt-counselling"),
  project("service-community-centre", "packages/services/community-centre"),
  project("service-children-in-care", "packages/services/children-in-care"),
  project("hsds", "packages/interop/hsds"),
  project("import", "packages/interop/import", { testTimeout: 60_000 }),
  project("examples", "examples", { include: ["*/test/**/*.test.ts"], testTimeout: 60_000 }),
  project("integration", "tests/integration", {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    globalSetup: ["../../packages/stores/postgres/test/globalSetup.ts"]
  })
]
