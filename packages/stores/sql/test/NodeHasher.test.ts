import { Audit } from "@pomoc/core"
import { Context } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { NodeHasher } from "../src/index.js"

const portable = Context.get(Context.empty(), Audit.Hasher)

describe("NodeHasher", () => {
  it("gives core's digests for any text (Unicode, long, empty)", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), fc.string({ maxLength: 2000 })),
        (text) => {
          expect(NodeHasher.sha256(text)).toBe(portable(text))
        }
      ),
      { numRuns: 500 }
    )
    expect(NodeHasher.sha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  })
})
