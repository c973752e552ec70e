/**
 * The conformance suite: sub-suites of checks, registered as vitest `describe` blocks.
 * @since 0.1.0
 */
import type { Store } from "@pomoc/core"
import { describe, it } from "vitest"
import { audit } from "./checks/audit.js"
import { concurrentGuards, concurrentWriters, durable, migrations } from "./checks/capabilities.js"
import { measures } from "./checks/measures.js"
import { modelBased } from "./checks/modelBased.js"
import { paging } from "./checks/paging.js"
import { reportPlans } from "./checks/plans.js"
import { guardKeys, preconditions } from "./checks/preconditions.js"
import { aggregate, list } from "./checks/queries.js"
import { roundTrip } from "./checks/roundTrip.js"
import { atomicity, concurrency, deletes, versions } from "./checks/writes.js"
import { makeHarness } from "./Harness.js"
import type { Check, SuiteOptions } from "./Harness.js"

/**
 * Every check of the kit, by sub-suite, to run one directly with `runCheck`.
 * @since 0.1.0
 * @category constructors
 */
export const checks = {
  versions,
  atomicity,
  deletes,
  concurrency,
  preconditions,
  guardKeys,
  list,
  paging,
  aggregate,
  measures,
  reportPlans,
  audit,
  roundTrip,
  modelBased,
  durable,
  concurrentWriters,
  concurrentGuards,
  migrations
} as const

/**
 * A named group of checks; `requires` names the capability an adapter must declare for it to run.
 * @since 0.1.0
 * @category models
 */
export interface SubSuite {
  readonly name: keyof typeof checks
  readonly requires?: keyof Store.Capabilities
  readonly checks: ReadonlyArray<Check>
}

/**
 * The sub-suites in the order they run.
 * @since 0.1.0
 * @category constructors
 */
export const subSuites: ReadonlyArray<SubSuite> = [
  { name: "versions", checks: versions },
  { name: "atomicity", checks: atomicity },
  { name: "deletes", checks: deletes },
  { name: "concurrency", checks: concurrency },
  { name: "preconditions", checks: preconditions },
  { name: "guardKeys", checks: guardKeys },
  { name: "list", checks: list },
  { name: "paging", checks: paging },
  { name: "aggregate", checks: aggregate },
  { name: "measures", checks: measures },
  { name: "reportPlans", checks: reportPlans },
  { name: "audit", checks: audit },
  { name: "roundTrip", checks: roundTrip },
  { name: "modelBased", checks: modelBased },
  { name: "durable", requires: "durable", checks: durable },
  { name: "concurrentWriters", requires: "concurrentWriters", checks: concurrentWriters },
  { name: "concurrentGuards", requires: "concurrentWriters", checks: concurrentGuards },
  { name: "migrations", requires: "migrations", checks: migrations }
]

/**
 * Registers the conformance suite for an adapter: one `describe` per sub-suite, one test per
 * check. A sub-suite whose capability the adapter does not declare is skipped; one it declares
 * runs, and fails if the options it needs (`reopen`, `markDatabaseNewer`) are missing.
 *
 * @example
 * ```ts
 * import { Store } from "@pomoc/core"
 * import { suite } from "@pomoc/store-testkit"
 *
 * suite("memory", { layer: Store.layerMemory })
 * ```
 * @since 0.1.0
 * @category constructors
 */
export const suite = <E>(name: string, options: SuiteOptions<E>): void => {
  const harness = makeHarness(options)
  let capabilities: Promise<Store.Capabilities> | undefined
  const declared = () => (capabilities ??= harness.fresh(({ store }) => Promise.resolve(store.capabilities)))
  describe(`${name}: store conformance`, () => {
    for (const sub of subSuites) {
      describe(sub.name, () => {
        for (const check of sub.checks) {
          it(check.name, { timeout: options.timeout ?? 60_000 }, async (ctx) => {
            if (sub.requires !== undefined && !(await declared())[sub.requires]) {
              ctx.skip(`${name} does not declare the ${sub.requires} capability`)
            }
            await check.run(harness)
          })
        }
      })
    }
  })
}
