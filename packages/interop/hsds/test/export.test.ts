import { Funding, Organisation, Program, Registry, Service } from "@pomoc/core"
import { arbFunding, arbProgram } from "@pomoc/core/testing"
import { communityCentre } from "@pomoc/service-community-centre"
import { Result, Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Export, Schemas } from "../src/index.js"

const registry = Registry.makeUnsafe([communityCentre])

describe("Export: labels and validation", () => {
  it("names the taxonomy terms of the plugins' codes by the plugins' labels", () => {
    const organisation = Schema.decodeUnknownSync(Organisation)({ id: "alytus", name: "Alytus" })
    const service = Schema.decodeUnknownSync(Service)({
      id: "youth",
      organisationId: "alytus",
      type: "community-centre",
      name: "Open youth work",
      targetGroup: { description: "14–29" },
      localities: [],
      principles: [communityCentre.principles[0]],
      freeOfCharge: true,
      firstContactChannels: ["walk-in", "no-such-code"],
      registeredAt: "2026-03-02T14:00:00.000Z"
    })
    const document = Export.toOrganization({ organisation, services: [service], locations: [] }, {
      label: Export.registryLabels(registry, "lt")
    })
    expect(Schemas.validate("organization", document)).toEqual([])
    const terms = (document["services"] as Array<
      { attributes: Array<{ taxonomy_term: { taxonomy: string; code: string; name: string } }> }
    >)[0]!.attributes
      .map((a) => [a.taxonomy_term.taxonomy, a.taxonomy_term.code, a.taxonomy_term.name])
    expect(terms).toEqual([
      ["pomoc:service-type", "community-centre", "Bendruomenės centras"],
      [
        "pomoc:principle",
        communityCentre.principles[0],
        registry.principles.find((p) => p.id === communityCentre.principles[0])!.labels.lt
      ],
      ["pomoc:first-contact-channel", "walk-in", "Atėjo į centrą"],
      ["pomoc:first-contact-channel", "no-such-code", "no-such-code"],
      ["pomoc:id", "id", "id"]
    ])
  })

  it("toValidOrganization names what HSDS refuses in a directory, by path", () => {
    const organisation = Schema.decodeUnknownSync(Organisation)({
      id: "alytus",
      name: "Alytus",
      email: "info at alytus",
      website: "alytus.lt"
    })
    const result = Export.toValidOrganization({ organisation, services: [], locations: [] })
    expect(Result.isFailure(result) ? result.failure.problems : []).toEqual([
      { path: "$.email", rule: "must match format \"email\"" },
      { path: "$.website", rule: "must match format \"uri\"" }
    ])
    const fine = Export.toValidOrganization({
      organisation: Schema.decodeUnknownSync(Organisation)({ id: "alytus", name: "Alytus" }),
      services: [],
      locations: []
    })
    expect(Result.isSuccess(fine)).toBe(true)
  })

  it("publishes the organisation's programmes and their funding (property), and no other organisation's", () => {
    const organisation = Schema.decodeUnknownSync(Organisation)({ id: "alytus", name: "Alytus" })
    const ours = <A extends { readonly organisationId: string }>(a: A, i: number, other: boolean) => ({
      ...a,
      id: `${other ? "x" : "p"}${i}`,
      organisationId: other ? "elsewhere" : "alytus"
    })
    fc.assert(
      fc.property(
        fc.array(fc.tuple(arbProgram, fc.boolean()), { maxLength: 4 }),
        fc.array(fc.tuple(arbFunding, fc.boolean()), { maxLength: 4 }),
        (programs, fundings) => {
          const ps = programs.map(([p, other], i) => Schema.decodeUnknownSync(Program)(ours(p, i, other)))
          const fs = fundings.map(([f, other], i) => Schema.decodeUnknownSync(Funding)(ours(f, i, other)))
          const document = Export.toOrganization({
            organisation,
            services: [],
            locations: [],
            programs: ps,
            fundings: fs
          })
          expect(Schemas.validate("organization", document)).toEqual([])
          const published = (document["programs"] as Array<{ name: string; organization_id: string }> | undefined) ?? []
          expect(published.map((p) => p.name)).toEqual(
            ps.filter((p) => p.organisationId === "alytus").map((p) => p.name)
          )
          const funding = (document["funding"] as Array<{ source: string }> | undefined) ?? []
          expect(funding.map((f) => f.source)).toEqual(
            fs.filter((f) => f.organisationId === "alytus").map((f) => f.source)
          )
        }
      ),
      { numRuns: 40 }
    )
  })
})
