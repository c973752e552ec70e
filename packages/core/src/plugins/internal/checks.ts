/**
 * The checks the registry runs on plugins before it registers them: shape, labels, codes,
 * references, versions and dependencies. Internal: `Registry.validate` and `Registry.make` run
 * them, and their reasons are `PluginError`'s.
 *
 * @internal
 */
import { Result, SemVer, SemVerRange } from "effect"
import { languages } from "../../model/Common.js"
import * as RegistrationError from "../../principles/RegistrationError.js"
import * as Rule from "../../principles/Rule.js"
import * as Errors from "../errors.js"
import type { Plugin, Plugins } from "../Plugin.js"
import { taxonomyNames } from "../Plugin.js"
import type { CoreConfig } from "../Registry.js"
import { LANGUAGE_TAG, languageSet, looksLikeLabels } from "./labels.js"

const CODE = /^[a-z0-9][a-z0-9-]{0,63}$/

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value)

/** The languages every label of a plugin must have: the four and those it declares (a tag that is not one is `InvalidCode`). */
export const languagesOf = (plugin: Plugin): ReadonlyArray<string> => {
  const declared: ReadonlyArray<unknown> = Array.isArray(plugin.languages) ? plugin.languages : []
  return [
    ...languages,
    ...declared.filter((l): l is string => typeof l === "string" && LANGUAGE_TAG.test(l) && !languageSet.has(l))
  ]
}

/**
 * Every label in a plugin that is missing or blank in a language (the four, and those the plugin
 * declares in `languages`). Walks the whole plugin (any object whose keys are all language tags,
 * one of the four among them, is a label, wherever it sits, so report definitions' own labels and
 * the plugin's messages are checked too) plus every place the contract requires one.
 *
 * @since 0.1.0
 * @category combinators
 */
export const missingLabels = (plugin: Plugin): ReadonlyArray<Errors.MissingLabels> => {
  const problems: Array<Errors.MissingLabels> = []
  const seen = new WeakSet<object>()
  const required = languagesOf(plugin)
  const checkLabels = (value: unknown, path: string) => {
    const missing = required.filter((language) => {
      const text = isPlainObject(value) ? value[language] : undefined
      return typeof text !== "string" || text.trim().length === 0
    })
    if (missing.length > 0) {
      problems.push(new Errors.MissingLabels({ plugin: String(plugin.id), path, languages: missing }))
    }
  }
  const walk = (value: unknown, path: string): void => {
    if (value === null || typeof value !== "object" || seen.has(value)) return
    seen.add(value)
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${path}[${i}]`))
      return
    }
    const record = value as Record<string, unknown>
    if (looksLikeLabels(record)) {
      checkLabels(record, path)
      return
    }
    for (const [key, child] of Object.entries(record)) {
      // A rule's principle is checked where the principle is defined (core or extraPrinciples).
      if (key === "principle" || key === "verdict") continue
      walk(child, path === "" ? key : `${path}.${key}`)
    }
  }
  // Required labels are checked even when absent or malformed (the walk only finds present ones).
  const requiredLabels: Array<readonly [unknown, string]> = [
    [plugin.labels?.name, "labels.name"],
    [plugin.labels?.description, "labels.description"],
    [plugin.targetGroup?.description, "targetGroup.description"]
  ]
  for (const name of taxonomyNames) {
    for (const [code, labels] of Object.entries(plugin.taxonomies?.[name] ?? {})) {
      requiredLabels.push([labels, `taxonomies.${name}.${code}`])
    }
  }
  const listed = <A>(items: ReadonlyArray<A> | undefined, field: string, labelsOf: (a: A) => unknown) =>
    (items ?? []).forEach((item, i) => requiredLabels.push([labelsOf(item), `${field}[${i}].labels`]))
  listed(plugin.extraPrinciples, "extraPrinciples", (p) => p.labels)
  listed(plugin.indicators, "indicators", (i) => i.labels)
  listed(plugin.goals, "goals", (g) => g.labels)
  listed(plugin.reports, "reports", (r) => r.labels)
  for (const [labels, path] of requiredLabels) {
    if (!isPlainObject(labels) || !looksLikeLabels(labels) || required.some((l) => !(l in labels))) {
      checkLabels(labels, path)
      if (isPlainObject(labels)) seen.add(labels)
    }
  }
  walk(plugin, "")
  return problems
}

export const duplicates = <A>(
  plugin: string,
  field: string,
  items: ReadonlyArray<A> | undefined,
  codeOf: (a: A) => string
): ReadonlyArray<Errors.DuplicateCode> => {
  const seen = new Set<string>()
  const problems: Array<Errors.DuplicateCode> = []
  for (const item of items ?? []) {
    const code = codeOf(item)
    if (seen.has(code)) problems.push(new Errors.DuplicateCode({ plugin, field, code }))
    seen.add(code)
  }
  return problems
}

export const invalidCodes = (plugin: Plugin): ReadonlyArray<Errors.InvalidCode> => {
  const problems: Array<Errors.InvalidCode> = []
  const check = (code: unknown, path: string) => {
    if (typeof code !== "string" || !CODE.test(code)) {
      problems.push(new Errors.InvalidCode({ plugin: String(plugin.id), path, code: String(code) }))
    }
  }
  check(plugin.id, "id")
  plugin.languages?.forEach((language, i) => {
    if (typeof language !== "string" || !LANGUAGE_TAG.test(language)) {
      problems.push(
        new Errors.InvalidCode({ plugin: String(plugin.id), path: `languages[${i}]`, code: String(language) })
      )
    }
  })
  for (const name of taxonomyNames) {
    for (const code of Object.keys(plugin.taxonomies?.[name] ?? {})) check(code, `taxonomies.${name}`)
  }
  plugin.indicators?.forEach((indicator, i) => {
    check(indicator.code, `indicators[${i}].code`)
    if (indicator.scale?._tag === "Category") {
      indicator.scale.categories.forEach((c, j) => check(c, `indicators[${i}].scale.categories[${j}]`))
    }
  })
  plugin.goals?.forEach((goal, i) => check(goal.code, `goals[${i}].code`))
  return problems
}

export const unknownReferences = (
  plugin: Plugin,
  principleIds: ReadonlySet<string>
): ReadonlyArray<Errors.UnknownReference> => {
  const id = String(plugin.id)
  const problems: Array<Errors.UnknownReference> = []
  const indicators = new Set((plugin.indicators ?? []).map((i) => i.code))
  plugin.goals?.forEach((goal, i) =>
    goal.indicators.forEach((reference, j) => {
      if (!indicators.has(reference)) {
        problems.push(
          new Errors.UnknownReference({
            plugin: id,
            path: `goals[${i}].indicators[${j}]`,
            kind: "indicator",
            reference
          })
        )
      }
    })
  )
  plugin.derivations?.forEach((derivation, i) => {
    if (!indicators.has(derivation.indicator)) {
      problems.push(
        new Errors.UnknownReference({
          plugin: id,
          path: `derivations[${i}].indicator`,
          kind: "indicator",
          reference: derivation.indicator
        })
      )
    }
  })
  plugin.principles?.forEach((reference, i) => {
    if (!principleIds.has(reference)) {
      problems.push(new Errors.UnknownReference({ plugin: id, path: `principles[${i}]`, kind: "principle", reference }))
    }
  })
  const ruleLists = [["rules", plugin.rules], ["eligibility", plugin.eligibility]] as const
  for (const [field, rules] of ruleLists) {
    rules?.forEach((rule, i) => {
      const reference = rule.principle?.id
      if (typeof reference !== "string" || !principleIds.has(reference)) {
        problems.push(
          new Errors.UnknownReference({
            plugin: id,
            path: `${field}[${i}].principle`,
            kind: "principle",
            reference: String(reference)
          })
        )
      }
    })
  }
  return problems
}

const parseRange = (plugin: string, field: string, value: string) => {
  if (typeof value !== "string") {
    return { range: undefined, problem: new Errors.InvalidVersion({ plugin, field, value: String(value) }) }
  }
  const range = SemVerRange.parse(value)
  return Result.isSuccess(range)
    ? { range: range.success, problem: undefined }
    : { range: undefined, problem: new Errors.InvalidVersion({ plugin, field, value: String(value) }) }
}

export const versionProblems = (plugins: Plugins, core: string): ReadonlyArray<Errors.RegistrationReason> => {
  const problems: Array<Errors.RegistrationReason> = []
  const coreParsed = SemVer.parse(core)
  const versions = new Map<string, SemVer.SemVer | undefined>()
  for (const plugin of plugins) {
    const version = SemVer.parse(plugin.version)
    if (Result.isFailure(version)) {
      problems.push(new Errors.InvalidVersion({ plugin: plugin.id, field: "version", value: String(plugin.version) }))
    }
    if (!versions.has(plugin.id)) versions.set(plugin.id, Result.isSuccess(version) ? version.success : undefined)
  }
  for (const plugin of plugins) {
    const required = parseRange(plugin.id, "requires.core", plugin.requires?.core)
    if (required.problem !== undefined) problems.push(required.problem)
    else if (Result.isSuccess(coreParsed) && !SemVerRange.matches(required.range, coreParsed.success)) {
      problems.push(
        new Errors.PluginIncompatible({ plugin: plugin.id, range: plugin.requires.core, coreVersion: core })
      )
    }
    for (const [dependency, rangeText] of Object.entries(plugin.dependencies ?? {})) {
      const parsed = parseRange(plugin.id, `dependencies.${dependency}`, rangeText)
      if (parsed.problem !== undefined) {
        problems.push(parsed.problem)
        continue
      }
      if (!versions.has(dependency)) {
        problems.push(new Errors.PluginDependencyMissing({ plugin: plugin.id, dependency, range: rangeText }))
        continue
      }
      const found = versions.get(dependency)
      if (found !== undefined && !SemVerRange.matches(parsed.range, found)) {
        problems.push(
          new Errors.PluginDependencyMismatch({
            plugin: plugin.id,
            dependency,
            range: rangeText,
            found: SemVer.format(found)
          })
        )
      }
    }
  }
  return problems
}

/**
 * Sorts plugins so that each comes after the plugins it depends on, keeping the given order
 * otherwise. Fails with the plugins of a dependency circle.
 */
export const dependencyOrder = <P extends Plugin>(
  plugins: ReadonlyArray<P>
): Result.Result<ReadonlyArray<P>, Errors.PluginDependencyCycle> => {
  const byId = new Map(plugins.map((p) => [p.id, p]))
  const placed = new Set<string>()
  const visiting: Array<string> = []
  const order: Array<P> = []
  let cycle: ReadonlyArray<string> | undefined
  const visit = (plugin: P): void => {
    if (placed.has(plugin.id) || cycle !== undefined) return
    const at = visiting.indexOf(plugin.id)
    if (at >= 0) {
      cycle = [...visiting.slice(at), plugin.id]
      return
    }
    visiting.push(plugin.id)
    for (const dependency of Object.keys(plugin.dependencies ?? {})) {
      const other = byId.get(dependency)
      if (other !== undefined) visit(other)
    }
    visiting.pop()
    if (cycle === undefined) {
      placed.add(plugin.id)
      order.push(plugin)
    }
  }
  plugins.forEach(visit)
  return cycle === undefined ? Result.succeed(order) : Result.fail(new Errors.PluginDependencyCycle({ plugins: cycle }))
}

export const eligibilityMisplaced = (plugin: Plugin): ReadonlyArray<Errors.PluginRuleRefused> =>
  (plugin.eligibility ?? [])
    .filter((rule) => !Rule.appliesTo(rule as Rule.Rule<Rule.AnyCommand, never>, "AssessEligibility"))
    .map((rule) =>
      new Errors.PluginRuleRefused({
        plugin: plugin.id,
        reason: new RegistrationError.InvalidRule({
          rule: rule.id,
          field: "appliesTo",
          reason: "an eligibility rule must apply to AssessEligibility; put other rules in the plugin's rules"
        })
      })
    )

export const crossPluginDuplicates = (plugins: Plugins, core: CoreConfig): ReadonlyArray<Errors.DuplicateCode> => {
  const problems: Array<Errors.DuplicateCode> = []
  const principleOwner = new Map<string, string>(core.principles.map((p) => [p.id, "core"]))
  const ruleOwner = new Map<string, string>()
  for (const rule of [...(core.engine.rules ?? []), ...(core.engine.ruleSets ?? []).flatMap((s) => s.rules)]) {
    ruleOwner.set(rule.id, "core")
  }
  for (const plugin of plugins) {
    for (const principle of plugin.extraPrinciples ?? []) {
      const other = principleOwner.get(principle.id)
      if (other !== undefined && other !== plugin.id) {
        problems.push(
          new Errors.DuplicateCode({
            plugin: plugin.id,
            field: "extraPrinciples",
            code: principle.id,
            otherPlugin: other
          })
        )
      } else principleOwner.set(principle.id, plugin.id)
    }
    for (const rule of [...(plugin.rules ?? []), ...(plugin.eligibility ?? [])]) {
      const other = ruleOwner.get(rule.id)
      // Overriding a core rule is the engine's CorePrincipleRemoved (or an allowed override of a
      // non-core core rule); only clashes between plugins are reported here.
      if (other !== undefined && other !== "core" && other !== plugin.id) {
        problems.push(
          new Errors.DuplicateCode({ plugin: plugin.id, field: "rules", code: rule.id, otherPlugin: other })
        )
      } else if (other === undefined) ruleOwner.set(rule.id, plugin.id)
    }
  }
  return problems
}
