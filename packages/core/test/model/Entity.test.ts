import { Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Entity, FieldCrypto, LongText, Personal, personal, Records, Store } from "../../src/index.js"

describe("the entity catalogue", () => {
  it("describes every record kind once, and the store's kinds are its kinds", () => {
    expect([...Store.RecordKind.literals].sort()).toEqual([...Entity.kinds].sort())
    for (const kind of Entity.kinds) expect(Entity.catalogue[kind].kind).toBe(kind)
    expect(Records.mappings).toBe(Entity.catalogue)
  })

  it("reads personal fields from the schema's marks, and the encryption table from it", () => {
    for (const kind of Entity.kinds) {
      expect(FieldCrypto.sensitiveFields[kind]).toEqual(Entity.catalogue[kind].personal.map((p) => p.path))
    }
    expect(FieldCrypto.sensitiveFields.consent).toEqual(
      expect.arrayContaining(["grantee.name", "grantee.id", "givenOnBehalf.by.name"])
    )
    expect(FieldCrypto.sensitiveFields.disclosure).toEqual(
      expect.arrayContaining(["recipient.name", "summary", "basis.explanation"])
    )
    expect(FieldCrypto.sensitiveFields.referral).toEqual(
      expect.arrayContaining(["to.name", "to.id", "history[].reason"])
    )
    // An activity's personal custom fields (a plugin's `PluginField.personal`) are encrypted too.
    expect(FieldCrypto.sensitiveFields.activity).toEqual(["title", "description", "personalFields"])
    expect(FieldCrypto.sensitiveFields.location).toEqual(["name", "address"])
    // Codes, counts and times are never personal: reports read them.
    expect(FieldCrypto.sensitiveFields.disclosure).not.toContain("basis.legalGround")
    expect(FieldCrypto.sensitiveFields.measurement).toEqual([])
  })

  it("finds marks at any depth, in arrays and unions, optional or required", () => {
    const A = Schema.Struct({
      _tag: Schema.Literal("a"),
      secret: personal(LongText),
      shared: Schema.optionalKey(personal(LongText))
    })
    const B = Schema.Struct({
      _tag: Schema.Literal("b"),
      shared: personal(LongText),
      items: Schema.Array(Schema.Struct({ note: Schema.optionalKey(personal(LongText)), code: Schema.String }))
    })
    expect(Personal.personalPaths(Schema.Union([A, B]))).toEqual([
      { path: "secret", optional: false },
      // Required in one member: erased to a placeholder, never dropped.
      { path: "shared", optional: false },
      { path: "items[].note", optional: true }
    ])
  })

  it("places every history section once", () => {
    const sections = Entity.historyEntries.map((e) => e.history)
    expect(new Set(sections).size).toBe(sections.length)
    expect([...sections].sort()).toEqual([
      "activities",
      "consents",
      "contacts",
      "cooperations",
      "disclosures",
      "measurements",
      "plans",
      "referrals"
    ])
  })
})

describe("Store.renameValue", () => {
  it("replaces every string equal to the id, keys included, at any depth, and nothing else; the input is unchanged", () => {
    // What a SQL store does on JSON text, for data whose strings hold no double quote.
    const noQuotes = fc.jsonValue().filter((v) => !JSON.stringify(v).includes("\\\""))
    fc.assert(fc.property(noQuotes, fc.constantFrom("p-1", "a"), (value, from) => {
      const before = JSON.stringify(value)
      const renamed = Store.renameValue(value, from, "new-id")
      expect(JSON.stringify(value)).toBe(before)
      // Compared as JSON (like the SQL store's text): JSON has no -0, which fc.jsonValue generates.
      expect(JSON.parse(JSON.stringify(renamed))).toEqual(
        JSON.parse(before.split(JSON.stringify(from)).join(JSON.stringify("new-id")))
      )
    }))
  })
})
