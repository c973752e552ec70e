/**
 * Decisions on stale facts, on PostgreSQL: two runtimes, each with its own connection pool into
 * one schema, race a withdrawal against a disclosure on the same consent, and two starts of
 * cooperation for the same person. No disclosure may be committed after the withdrawal it should
 * have seen, and nobody may be left with two active cooperations.
 */
import { KeyMaterial } from "@pomoc/core"
import { PostgresStore } from "@pomoc/store-postgres"
import { Effect } from "effect"
import { describe, it } from "vitest"
import { clientConfig, createSchema, freshSchema } from "../../../packages/stores/postgres/test/stores.js"
import { expectNoStaleDecision, moves, outcome, prepare, racer } from "./races.js"

const RACES = Number(process.env["POMOC_RACES"] ?? 100)

describe("races on PostgreSQL (two connection pools, one database)", () => {
  it(`${RACES} disclose-vs-withdraw and ${RACES} double startCooperation races commit no stale decision`, {
    timeout: 600_000
  }, async () => {
    const schema = freshSchema()
    await Effect.runPromise(createSchema(schema))
    const key = KeyMaterial.generate()
    const layer = () => PostgresStore.layer(clientConfig(schema))
    const a = racer(layer(), key)
    const b = racer(layer(), key)
    try {
      await prepare(a, RACES)
      // b opens its pool before the races start
      await b.run((_, store) => store.auditHead)
      const outcomes: Array<string> = []
      for (let i = 0; i < RACES; i++) {
        const [w, d] = await Promise.all([
          a.run((api) => outcome(moves.withdraw(api, i))),
          b.run((api) => outcome(moves.disclose(api, i)))
        ])
        outcomes.push(`${w}/${d}`)
        const [s1, s2] = await Promise.all([
          a.run((api) => outcome(moves.start(0)(api, i))),
          b.run((api) => outcome(moves.start(1)(api, i)))
        ])
        outcomes.push(`${s1}/${s2}`)
      }
      await expectNoStaleDecision(a, RACES, outcomes)
    } finally {
      await a.dispose()
      await b.dispose()
    }
  })
})
