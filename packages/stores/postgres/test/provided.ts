/**
 * The values the `store-postgres` global setup provides to test workers (`inject(key)`).
 */
import type { PgConnectionInfo } from "./cluster.js"

declare module "vitest" {
  export interface ProvidedContext {
    pg: PgConnectionInfo
  }
}

export {}
