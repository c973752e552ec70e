import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { Import } from "../src/index.js"
import { readJson } from "./support.js"

const options: Import.ImportOptions = { serviceType: "community-centre", registeredAt: "2026-11-27T10:00:00.000Z" }

/** A stand-in for a case-work API with `batch`: records what it is asked, refuses command `refuse`. */
const writer = (refuse?: number) => {
  const calls: Array<string> = []
  const single = (op: string) => () => Effect.sync(() => void calls.push(op))
  const api: Import.DirectoryWriter = {
    registerOrganisation: single("registerOrganisation"),
    registerLocation: single("registerLocation"),
    registerService: single("registerService"),
    batch: (_actor, commands) =>
      refuse === undefined
        ? Effect.sync(() => void calls.push(`batch:${commands.map((c) => c.op).join(",")}`))
        : Effect.fail({
          _tag: "BatchRefused",
          index: refuse,
          error: { _tag: "InvalidCommand", field: "type", rule: "no registered plugin defines this service type" }
        })
  }
  return { api, calls }
}

describe("Import.importDocument with a batch", () => {
  it("sends every record in one batch, organisations first", async () => {
    const { api, calls } = writer()
    await Effect.runPromise(
      Import.importDocument(api, "jana", "organization", readJson("organization_full.json"), options)
    )
    expect(calls).toEqual(["batch:registerOrganisation,registerLocation,registerService"])
  })

  it("names the HSDS path of the refused command, with nothing stored", async () => {
    const { api } = writer(2)
    const error = await Effect.runPromise(
      Effect.flip(Import.importDocument(api, "jana", "organization", readJson("organization_full.json"), options))
    )
    expect(error).toMatchObject({
      _tag: "ImportRefused",
      path: "$.services[0]",
      reason: "InvalidCommand",
      rule: "type: no registered plugin defines this service type",
      stored: []
    })
  })
})
