import { Store } from "@pomoc/core"
import {
  arbAuditDraft,
  arbBadFacetName,
  arbFacetName,
  arbJson,
  arbRecordWrite,
  arbText,
  Model
} from "@pomoc/store-testkit"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

describe("arbitraries", () => {
  it("text never holds NUL and does reach astral code points and control characters", () => {
    const samples = fc.sample(arbText({ minLength: 1 }), 2000)
    expect(samples.some((s) => s.includes("\u0000"))).toBe(false)
    expect(samples.some((s) => [...s].some((c) => c.codePointAt(0)! > 0xffff))).toBe(true)
    expect(samples.some((s) => /[\u0001-\u001f]/.test(s))).toBe(true)
    expect(samples.some((s) => s.includes("'") || s.includes("\\"))).toBe(true)
  })

  it("facet names are accepted and bad facet names refused by Store.FACET_NAME", () => {
    fc.assert(fc.property(arbFacetName, (name) => Store.FACET_NAME.test(name) && name !== "tag" && name !== "month"))
    fc.assert(fc.property(arbBadFacetName, (name) => !Store.FACET_NAME.test(name)))
  })

  it("JSON values and records survive JSON serialisation unchanged", () => {
    fc.assert(fc.property(arbJson, (v) => {
      expect(JSON.parse(JSON.stringify(v))).toEqual(v)
    }))
    fc.assert(fc.property(arbRecordWrite, (w) => {
      expect(JSON.parse(JSON.stringify(w))).toEqual(w)
    }))
    fc.assert(fc.property(arbAuditDraft, (d) => {
      expect(JSON.parse(JSON.stringify(d))).toEqual(d)
    }))
  })

  it("Model.compareText orders by code point, unlike UTF-16 comparison", () => {
    expect(Model.compareText("\uffee", "\u{1f600}")).toBeLessThan(0)
    expect("\uffee" < "\u{1f600}").toBe(false)
    fc.assert(fc.property(arbText(), arbText(), (a, b) => {
      const bytes = (s: string) => [...new TextEncoder().encode(s)]
      const x = bytes(a)
      const y = bytes(b)
      let byteOrder = 0
      for (let i = 0; i < Math.min(x.length, y.length) && byteOrder === 0; i++) byteOrder = x[i]! - y[i]!
      if (byteOrder === 0) byteOrder = x.length - y.length
      return Math.sign(Model.compareText(a, b)) === Math.sign(byteOrder)
    }))
  })
})
