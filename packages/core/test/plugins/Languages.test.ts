/**
 * The open language set (issue 13): a plugin adds a language (any BCP 47 tag) to the four by
 * declaring it in `languages` and writing every one of its labels in it; the registry refuses a
 * label missing that language (naming its path), answers labels and rule messages in it, and
 * says which languages every label of the host is in.
 */
import { describe, expect, it } from "@effect/vitest"
import * as fc from "fast-check"
import * as Plugin from "../../src/plugins/Plugin.js"
import * as Registry from "../../src/plugins/Registry.js"
import { broken, debts, shelter } from "./fixtures.js"

/** Every label object of a plugin (an object whose keys include "en"), with Ukrainian added. */
const withUkrainian = <A>(value: A, skip?: string): A => {
  const go = (v: unknown, path: string): unknown => {
    if (Array.isArray(v)) return v.map((item, i) => go(item, `${path}[${i}]`))
    if (v === null || typeof v !== "object") return v
    const record = v as Record<string, unknown>
    if (typeof record["en"] === "string") return path === skip ? record : { ...record, uk: `${record["en"]} (uk)` }
    return Object.fromEntries(
      Object.entries(record).map((
        [k, child]
      ) => [k, k === "principle" ? child : go(child, path === "" ? k : `${path}.${k}`)])
    )
  }
  return go(value, "") as A
}

// docs/plugins.md, "Languages": a plugin written in Ukrainian too, with a message of its own.
const l = (en: string, cs: string, lt: string, bg: string, uk: string) => ({ en, cs, lt, bg, uk })
const ukrainianShelter = {
  ...withUkrainian(shelter),
  languages: ["uk"],
  messages: {
    "nightShelter.noSuchBed": l(
      "No such bed",
      "Takové lůžko není",
      "Tokios lovos nėra",
      "Няма такова легло",
      "Такого ліжка немає"
    )
  }
} as unknown as Plugin.Plugin

describe("a plugin that adds a language", () => {
  it("registers when every label carries it, and answers labels and messages in it", () => {
    const registry = Registry.makeUnsafe([ukrainianShelter])
    expect(registry.label("interventions", "bed-night", "uk")).toBe(
      `${shelter.taxonomies.interventions["bed-night"].en} (uk)`
    )
    expect(registry.languages).toEqual(["en", "cs", "lt", "bg", "uk"])
    expect(registry.message("nightShelter.noSuchBed", "uk")).toBe("Такого ліжка немає")
    // Core's own messages are written in Ukrainian too.
    expect(registry.message("principles.freeOfCharge.fee", "uk")).toMatch(/безоплатна/)
    expect(registry.message("principles.freeOfCharge.fee", "de")).toBeUndefined()
    expect(registry.message("no.such.key", "en")).toBeUndefined()
  })

  it("a language only some plugins declare is not one every label is in", () => {
    expect(Registry.makeUnsafe([ukrainianShelter, debts]).languages).toEqual(["en", "cs", "lt", "bg"])
    expect(Registry.makeUnsafe([debts]).label("interventions", "counselling", "uk")).toBeUndefined()
  })

  it("refuses a label that lacks a declared language, naming its path (property over every label)", () => {
    const paths: Array<string> = []
    const collect = (v: unknown, path: string): void => {
      if (Array.isArray(v)) return v.forEach((item, i) => collect(item, `${path}[${i}]`))
      if (v === null || typeof v !== "object") return
      const record = v as Record<string, unknown>
      if (typeof record["en"] === "string") return void paths.push(path)
      Object.entries(record).forEach(([k, child]) => {
        if (k !== "principle") collect(child, path === "" ? k : `${path}.${k}`)
      })
    }
    collect(shelter, "")
    expect(paths.length).toBeGreaterThan(10)
    fc.assert(
      fc.property(fc.constantFrom(...paths), (path) => {
        const plugin = { ...withUkrainian(shelter, path), languages: ["uk"] } as unknown as Plugin.Plugin
        const problems = Registry.validate([plugin]).map((e) => e.reason)
        expect(problems.map((p) => [p._tag, "path" in p ? p.path : "", "languages" in p ? p.languages : []])).toEqual([
          ["MissingLabels", path, ["uk"]]
        ])
        expect(problems[0]!.message).toContain("uk")
      })
    )
  })

  it("refuses a language that is not a BCP 47 tag, naming the field", () => {
    const problems = Registry.validate([broken(shelter, { languages: ["Ukrainian"] })]).map((e) => e.reason)
    expect(problems.map((p) => [p._tag, "path" in p ? p.path : ""])).toEqual([["InvalidCode", "languages[0]"]])
  })
})

describe("a plugin's messages", () => {
  it("are answered by the registry in each language, and checked like every label", () => {
    const messages = {
      "shelter.quietHours": { en: "Quiet hours", cs: "Noční klid", lt: "Tylos valandos", bg: "Тишина" }
    }
    const registry = Registry.makeUnsafe([broken(shelter, { messages })])
    expect(registry.message("shelter.quietHours", "cs")).toBe("Noční klid")
    const blank = { "shelter.quietHours": { ...messages["shelter.quietHours"], lt: " " } }
    expect(Registry.validate([broken(shelter, { messages: blank })]).map((e) => e.reason)).toMatchObject([
      { _tag: "MissingLabels", path: "messages.shelter.quietHours", languages: ["lt"] }
    ])
  })
})

describe("Plugin.translate", () => {
  /** The label paths of the shelter and their texts (the table a translator fills in), a list item named by `item`. */
  const tableOf = (item: (value: unknown, i: number) => string): Record<string, string> => {
    const table: Record<string, string> = {}
    const collect = (v: unknown, path: string): void => {
      if (Array.isArray(v)) return v.forEach((child, i) => collect(child, `${path}${item(child, i)}`))
      if (v === null || typeof v !== "object") return
      const record = v as Record<string, unknown>
      if (typeof record["en"] === "string") return void (table[path] = `${record["en"]} (uk)`)
      Object.entries(record).forEach(([k, child]) => {
        if (k !== "principle") collect(child, path === "" ? k : `${path}.${k}`)
      })
    }
    collect(shelter, "")
    return table
  }
  const table = tableOf((_, i) => `[${i}]`)
  // The same table with list items named by their code or id (`indicators.came-back.labels`).
  const byCode = tableOf((v, i) => {
    const item = (typeof v === "object" && v !== null ? v : {}) as { readonly code?: unknown; readonly id?: unknown }
    const name = typeof item.code === "string" ? item.code : typeof item.id === "string" ? item.id : undefined
    return name === undefined ? `[${i}]` : `.${name}`
  })

  it("writes every label of the table in the language: the same plugin as one written by hand", () => {
    const translated = Plugin.translate(shelter, "uk", table)
    expect(JSON.stringify(translated)).toEqual(JSON.stringify({ ...withUkrainian(shelter), languages: ["uk"] }))
    expect(Registry.validate([translated])).toEqual([])
    expect(Registry.makeUnsafe([translated]).languages).toEqual(["en", "cs", "lt", "bg", "uk"])
    // Rules, derivations and the original plugin stay as they were.
    expect(translated.rules.map((r) => r.check)).toEqual(shelter.rules.map((r) => r.check))
    expect(translated.derivations[0]).toBe(shelter.derivations[0])
    expect("languages" in shelter).toBe(false)
    expect(Object.isFrozen(translated) && Object.isFrozen(translated.taxonomies.interventions)).toBe(true)
  })

  it("names a list item by its code or id as well as by its place: the same plugin either way", () => {
    expect(Object.keys(byCode)).toContain(`indicators.${shelter.indicators[0].code}.labels`)
    expect(Object.keys(byCode)).toContain(`reports.${shelter.reports[0].id}.labels`)
    expect(Object.keys(byCode).some((key) => /\[\d+\]/.test(key))).toBe(false)
    const translated = Plugin.translate(shelter, "uk", byCode)
    expect(JSON.stringify(translated)).toEqual(JSON.stringify(Plugin.translate(shelter, "uk", table)))
    expect(Registry.validate([translated])).toEqual([])
  })

  it("a label left out of a table keyed by code is named by the registry too (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(byCode)), (path) => {
        const { [path]: _, ...rest } = byCode
        const problems = Registry.validate([Plugin.translate(shelter, "uk", rest)]).map((e) => e.reason)
        expect(problems).toMatchObject([{ _tag: "MissingLabels", languages: ["uk"] }])
      })
    )
  })

  it("leaves out a label the table lacks, which the registry then names (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(table)), (path) => {
        const { [path]: _, ...rest } = table
        const problems = Registry.validate([Plugin.translate(shelter, "uk", rest)]).map((e) => e.reason)
        expect(problems).toMatchObject([{ _tag: "MissingLabels", path, languages: ["uk"] }])
      })
    )
  })
})
