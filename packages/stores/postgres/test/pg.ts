/**
 * What the test workers of `store-postgres` see of the cluster started by `./globalSetup.ts`.
 */
import { Redacted } from "effect"
import { inject } from "vitest"
import type { PgConnectionInfo } from "./cluster.js"
import "./provided.js"

export type { PgConnectionInfo }

/** Connection info of the cluster of this test run. */
export const pgConnection = (): PgConnectionInfo => inject("pg")

/** The cluster of this test run as `PgClient.layer` options. */
export const pgClientConfig = (info: PgConnectionInfo = pgConnection()) => ({
  url: Redacted.make(info.url)
})
