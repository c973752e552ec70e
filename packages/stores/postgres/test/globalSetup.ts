/**
 * Vitest global setup of the `store-postgres` project: one throwaway cluster for the whole run,
 * handed to the test workers as `inject("pg")` (see `./pg.ts`), stopped at teardown.
 */
import type { TestProject } from "vitest/node"
import { startCluster } from "./cluster.js"
import "./provided.js"

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startCluster()
  project.provide("pg", cluster.info)
  return () => cluster.stop()
}
