import { Location, Organisation, Service } from "@pomoc/core"
import { arbId, arbLocation, arbOrganisation, arbService } from "@pomoc/core/testing"
import { Result, Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Export, Import, Schemas, Tabular } from "../src/index.js"
import { recordsOf } from "./support.js"

const registeredAt = "2026-11-27T10:00:00.000Z"

/** A random directory whose emails and web addresses are well formed (HSDS checks their format). */
const arbDirectory = fc
  .record({
    organisation: arbOrganisation,
    email: fc.option(fc.emailAddress(), { nil: undefined }),
    website: fc.option(fc.webUrl(), { nil: undefined }),
    locations: fc.uniqueArray(arbLocation, { maxLength: 4, selector: (l) => l.id }),
    services: fc.uniqueArray(
      fc.tuple(
        arbService,
        fc.subarray([0, 1, 2, 3]),
        fc.option(fc.constantFrom("general", "open-youth-work"), { nil: undefined })
      ),
      {
        maxLength: 4,
        selector: ([s]) => s.id
      }
    )
  })
  .filter(({ organisation, locations, services }) => {
    const ids = [organisation.id, ...locations.map((l) => l.id), ...services.map(([s]) => s.id)]
    return new Set(ids).size === ids.length
  })
  .map(({ organisation, email, website, locations, services }) => {
    const { email: _e, website: _w, ...rest } = organisation
    const org = { ...rest, ...(email === undefined ? {} : { email }), ...(website === undefined ? {} : { website }) }
    const locs = locations.map((l) => ({ ...l, organisationId: org.id }))
    return {
      organisation: org,
      locations: locs,
      services: services.map(([s, picks, programme]) => {
        const { retentionMonths: _r, config: _c, ...service } = s
        return {
          ...service,
          organisationId: org.id,
          registeredAt,
          localities: picks.flatMap((i) => (locs[i] === undefined ? [] : [locs[i].id])),
          ...(programme === undefined ? {} : { config: { programme } })
        }
      })
    }
  })

const decode = {
  organisation: Schema.decodeUnknownSync(Organisation),
  service: Schema.decodeUnknownSync(Service),
  location: Schema.decodeUnknownSync(Location)
}

/** What a public directory shows of a directory: confidential locations hidden or without address. */
type Generated = typeof arbDirectory extends fc.Arbitrary<infer T> ? T : never

/** An empty list exports as nothing, so it reads back as absent. */
const withoutEmptyLists = <A extends object>(a: A): A =>
  Object.fromEntries(
    Object.entries(a).filter(([k, v]) =>
      !(Array.isArray(v) && v.length === 0 && ["phones", "languages", "serviceAreas", "schedule"].includes(k))
    )
  ) as A

const published = (d: Generated) => {
  const locations = d.locations.flatMap((l) => {
    if (!l.confidential) {
      const { listing: _l, ...rest } = l
      return [withoutEmptyLists(rest)]
    }
    if (l.listing !== "without-address") return []
    const { address: _a, municipality: _m, ...rest } = l
    return [withoutEmptyLists(rest)]
  })
  const shown = new Set(locations.map((l) => l.id))
  return {
    organisations: [withoutEmptyLists(d.organisation)],
    locations: locations.sort((a, b) => a.id.localeCompare(b.id)),
    services: d.services.map((s) => withoutEmptyLists({ ...s, localities: s.localities.filter((l) => shown.has(l)) }))
      .sort((a, b) => a.id.localeCompare(b.id))
  }
}

const read = (kind: Schemas.DocumentKind, document: unknown) => {
  const result = Import.decode(kind, document, { registeredAt })
  if (Result.isFailure(result)) throw new Error(JSON.stringify(result.failure.problems))
  return recordsOf(result.success)
}

describe("export then import (property)", () => {
  it("gives back every directory as a public directory shows it, in both forms, valid HSDS", () => {
    fc.assert(
      fc.property(arbDirectory, (d) => {
        const directory: Export.Directory = {
          organisation: decode.organisation(d.organisation),
          services: d.services.map((s) => decode.service(s)),
          locations: d.locations.map((l) => decode.location(l))
        }
        const document = Export.toOrganization(directory)
        expect(Schemas.validate("organization", document)).toEqual([])
        const expected = published(d)
        expect(read("organization", document)).toEqual(expected)
        const tables = Tabular.toTables("organization", [document])
        expect(Schemas.validate("tabular", tables)).toEqual([])
        expect(read("tabular", Tabular.fromDataPackage(Tabular.toDataPackage(tables)).tables)).toEqual(expected)
      }),
      { numRuns: 60 }
    )
  })

  it("never publishes anything of a confidential location that asks to be left out", () => {
    fc.assert(
      fc.property(arbLocation, arbId, (l, orgId) => {
        const shelter = decode.location({ ...l, organisationId: orgId, confidential: true, listing: "omit" })
        const document = Export.toOrganization({
          organisation: decode.organisation({ id: orgId, name: "Org" }),
          services: [],
          locations: [shelter]
        })
        expect(document).toEqual(
          Export.toOrganization({
            organisation: decode.organisation({ id: orgId, name: "Org" }),
            services: [],
            locations: []
          })
        )
      })
    )
  })
})
