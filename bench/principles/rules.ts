/**
 * Generates N distinct rules of 4–5 conditions each (numeric thresholds, string equality,
 * membership) as data, and renders each one three ways: a TypeScript expression (for the plain
 * functions and for the engine's rules, written out as source code so both are real code, not
 * an interpreter), and a json-rules-engine rule.
 */
import type { Engine, Rule } from "@pomoc/core"
import { type Command, type Facts, flatFacts, type RecordContact } from "./model.js"

/** What the generated module exports. */
export interface GeneratedRules {
  readonly plain: ReadonlyArray<(c: RecordContact, f: Facts) => boolean>
  readonly engineRules: ReadonlyArray<Rule.Rule<Command, Facts>>
}

/** Used by main.ts to type the engine it builds from the generated rules. */
export type BenchEngine = Engine.Engine<Command, Facts>

type NumericField =
  | "durationMinutes"
  | "participants"
  | "age"
  | "monthsInService"
  | "contactsThisMonth"
  | "yearsOfPractice"
  | "hour"
type StringField = "channel" | "location" | "identityLevel" | "role" | "serviceType" | "region"

const numericFields: ReadonlyArray<NumericField> = [
  "durationMinutes",
  "participants",
  "age",
  "monthsInService",
  "contactsThisMonth",
  "yearsOfPractice",
  "hour"
]
const stringFields: ReadonlyArray<StringField> = [
  "channel",
  "location",
  "identityLevel",
  "role",
  "serviceType",
  "region"
]

/** Where each field lives in the typed command (`c`) and facts (`f`). */
const access: Readonly<Record<NumericField | StringField, { readonly expr: string; readonly fact?: string }>> = {
  durationMinutes: { expr: "c.durationMinutes" },
  participants: { expr: "c.participants" },
  channel: { expr: "c.channel" },
  location: { expr: "c.location" },
  age: { expr: "f.person.age", fact: "person.age" },
  identityLevel: { expr: "f.person.identityLevel", fact: "person.identityLevel" },
  monthsInService: { expr: "f.person.monthsInService", fact: "person.monthsInService" },
  contactsThisMonth: { expr: "f.person.contactsThisMonth", fact: "person.contactsThisMonth" },
  role: { expr: "f.actor.role", fact: "actor.role" },
  yearsOfPractice: { expr: "f.actor.yearsOfPractice", fact: "actor.yearsOfPractice" },
  serviceType: { expr: "f.service.type", fact: "service.type" },
  region: { expr: "f.service.region", fact: "service.region" },
  hour: { expr: "f.time.hour", fact: "time.hour" }
}

const otherStrings: Readonly<Record<StringField, ReadonlyArray<string>>> = {
  channel: ["street", "phone", "email", "social", "message-box", "online-game"],
  location: ["park", "club", "school", "shopping-centre", "event", "online"],
  identityLevel: ["anonymous", "pseudonymous", "identified"],
  role: ["worker", "coordinator", "administrator", "auditor", "volunteer"],
  serviceType: ["low-threshold-club", "street-work", "debt-counselling", "community-centre", "children-in-care"],
  region: ["north", "south", "east", "west", "centre"]
}

export type Condition =
  | {
    readonly kind: "number"
    readonly field: NumericField
    readonly op: ">" | ">=" | "<" | "<="
    readonly value: number
  }
  | { readonly kind: "equal"; readonly field: StringField; readonly op: "===" | "!=="; readonly value: string }
  | { readonly kind: "in"; readonly field: StringField; readonly values: ReadonlyArray<string> }

export interface RuleSpec {
  readonly id: string
  readonly conditions: ReadonlyArray<Condition>
}

/** A small deterministic PRNG (mulberry32), so every run benchmarks the same rules. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

/**
 * A condition over a random field that is true (or false) for the benchmark's command. Every
 * rule's conditions are true except the last, so evaluation walks all of them (the `&&` chain
 * cannot stop early) and the rule allows: the common path of a real write.
 */
const condition = (next: () => number, holds: boolean): Condition => {
  const pick = <A>(xs: ReadonlyArray<A>): A => xs[Math.floor(next() * xs.length)]!
  const shape = next()
  if (shape < 0.45) {
    const field = pick(numericFields)
    const actual = flatFacts[field] as number
    const delta = 1 + Math.floor(next() * 40)
    const above = next() < 0.5
    // holds: a threshold the actual value passes; otherwise one it fails.
    if (above) {
      return { kind: "number", field, op: next() < 0.5 ? ">" : ">=", value: holds ? actual - delta : actual + delta }
    }
    return { kind: "number", field, op: next() < 0.5 ? "<" : "<=", value: holds ? actual + delta : actual - delta }
  }
  const field = pick(stringFields)
  const actual = flatFacts[field] as string
  const others = otherStrings[field].filter((s) => s !== actual)
  if (shape < 0.75) {
    const equal = next() < 0.5
    return { kind: "equal", field, op: equal ? "===" : "!==", value: equal === holds ? actual : pick(others) }
  }
  const values = others.filter(() => next() < 0.5)
  return { kind: "in", field, values: holds ? [...values, actual] : values.length === 0 ? [others[0]!] : values }
}

const key = (c: Condition): string => JSON.stringify(c)

/** `n` distinct rules (no two with the same conditions), deterministically. */
export const generate = (n: number, seed = 20261121): ReadonlyArray<RuleSpec> => {
  const next = random(seed)
  const seen = new Set<string>()
  const specs: Array<RuleSpec> = []
  while (specs.length < n) {
    const size = next() < 0.5 ? 4 : 5
    const conditions = Array.from({ length: size }, (_, i) => condition(next, i < size - 1))
    const signature = conditions.map(key).join("&")
    if (seen.has(signature)) continue
    seen.add(signature)
    specs.push({ id: `bench/rule-${specs.length}`, conditions })
  }
  return specs
}

/** A condition as a TypeScript expression over `c` (command) and `f` (facts). */
const expression = (c: Condition): string => {
  switch (c.kind) {
    case "number":
      return `${access[c.field].expr} ${c.op} ${c.value}`
    case "equal":
      return `${access[c.field].expr} ${c.op} ${JSON.stringify(c.value)}`
    case "in":
      return `IN_${c.field}_${c.values.join("_").replace(/[^a-z_]/g, "_")}.has(${access[c.field].expr})`
  }
}

/** The fact paths a rule reads (command fields are not facts). */
export const reads = (spec: RuleSpec): ReadonlyArray<string> => [
  ...new Set(spec.conditions.flatMap((c) => {
    const fact = access[c.field].fact
    return fact === undefined ? [] : [fact]
  }))
]

/**
 * A TypeScript module with the rules as plain functions (`plain`: true when the rule is
 * violated) and as engine rules (`engineRules`), both with the same inline condition code.
 * Membership tests use module-level `Set`s, shared by both.
 */
export const renderModule = (specs: ReadonlyArray<RuleSpec>, engineImport: string, modelImport: string): string => {
  const sets = new Map<string, string>()
  for (const spec of specs) {
    for (const c of spec.conditions) {
      if (c.kind === "in") {
        sets.set(`IN_${c.field}_${c.values.join("_").replace(/[^a-z_]/g, "_")}`, JSON.stringify(c.values))
      }
    }
  }
  const lines: Array<string> = [
    "// Generated by bench/principles/rules.ts: do not edit.",
    `import { defineRule, Principle } from ${JSON.stringify(engineImport)}`,
    `import type { Command, Facts } from ${JSON.stringify(modelImport)}`,
    "",
    ...[...sets].map(([name, values]) => `const ${name}: ReadonlySet<string> = new Set(${values})`),
    "",
    `const principle = Principle.make({ id: "bench", labels: { en: "Bench", cs: "Bench", lt: "Bench", bg: "Bench" } })`,
    `const rule = defineRule<Command, Facts>()`,
    "",
    "export const plain: ReadonlyArray<(c: Command & { _tag: \"RecordContact\" }, f: Facts) => boolean> = ["
  ]
  for (const spec of specs) lines.push(`  (c, f) => ${spec.conditions.map(expression).join(" && ")},`)
  lines.push("]", "", "export const engineRules = [")
  for (const spec of specs) {
    lines.push(
      `  rule({ id: ${JSON.stringify(spec.id)}, principle, appliesTo: ["RecordContact"], reads: ${
        JSON.stringify(reads(spec))
      }, verdicts: ["Deny"],`,
      `    check: (c, f, v) => ${spec.conditions.map(expression).join(" && ")} ? v.deny("conditions met", ${
        JSON.stringify(spec.id)
      }) : v.allow }),`
    )
  }
  lines.push("]", "")
  return lines.join("\n")
}

const jsonOperator = {
  ">": "greaterThan",
  ">=": "greaterThanInclusive",
  "<": "lessThan",
  "<=": "lessThanInclusive",
  "===": "equal",
  "!==": "notEqual"
} as const

/** The same rule for json-rules-engine: `all` conditions over flat facts, a "deny" event. */
export const toJson = (spec: RuleSpec) => ({
  name: spec.id,
  conditions: {
    all: spec.conditions.map((c) =>
      c.kind === "in"
        ? { fact: c.field, operator: "in", value: [...c.values] }
        : { fact: c.field, operator: jsonOperator[c.op], value: c.value }
    )
  },
  event: { type: "deny", params: { rule: spec.id } }
})
