/**
 * The one error of the plugin registry, {@link PluginError}, and its reasons: why the registry
 * refuses plugins at registration (each reason names the plugin and the field, and says what to
 * fix), and why it refuses a contact's codes at run time. Match on `reason._tag`. None carries
 * personal data: plugins are code and labels, not records.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as RegistrationError from "../principles/RegistrationError.js"

/**
 * A plugin is not shaped like a plugin: a required field is missing or of the wrong type (a
 * plugin written in JavaScript, or built from data).
 *
 * @since 0.1.0
 * @category errors
 */
export class MalformedPlugin
  extends Schema.TaggedError<MalformedPlugin>("@pomoc/core/MalformedPlugin")("MalformedPlugin", {
    plugin: Schema.String,
    field: Schema.String,
    expected: Schema.String
  })
{
  override get message(): string {
    return `Plugin "${this.plugin}", field "${this.field}": expected ${this.expected}; define the plugin with definePlugin to have the compiler check its shape.`
  }
}

/**
 * The plugin's `requires.core` range does not include the running core's version.
 *
 * @since 0.1.0
 * @category errors
 */
export class PluginIncompatible extends Schema.TaggedError<PluginIncompatible>("@pomoc/core/PluginIncompatible")(
  "PluginIncompatible",
  {
    plugin: Schema.String,
    range: Schema.String,
    coreVersion: Schema.String
  }
) {
  override get message(): string {
    return `Plugin "${this.plugin}" requires @pomoc/core ${this.range}, but the core is ${this.coreVersion}: ` +
      `install a version of the plugin built for core ${this.coreVersion}, or a core within ${this.range}.`
  }
}

/**
 * A version or version range in a plugin is not valid semver (`version`, `requires.core`, or a
 * range in `dependencies`).
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidVersion extends Schema.TaggedError<InvalidVersion>("@pomoc/core/InvalidVersion")("InvalidVersion", {
  plugin: Schema.String,
  field: Schema.String,
  value: Schema.String
}) {
  override get message(): string {
    return `Plugin "${this.plugin}", field "${this.field}": "${this.value}" is not a valid ` +
      (this.field === "version"
        ? `version; write it as MAJOR.MINOR.PATCH, e.g. "1.0.0".`
        : `version range; write it like "^0.1.0".`)
  }
}

/**
 * A plugin depends on a plugin that is not registered.
 *
 * @since 0.1.0
 * @category errors
 */
export class PluginDependencyMissing extends Schema.TaggedError<PluginDependencyMissing>(
  "@pomoc/core/PluginDependencyMissing"
)("PluginDependencyMissing", {
  plugin: Schema.String,
  dependency: Schema.String,
  range: Schema.String
}) {
  override get message(): string {
    return `Plugin "${this.plugin}" depends on plugin "${this.dependency}" (${this.range}), which is not registered: ` +
      `register "${this.dependency}" too.`
  }
}

/**
 * A plugin depends on a registered plugin whose version is outside the range it needs.
 *
 * @since 0.1.0
 * @category errors
 */
export class PluginDependencyMismatch extends Schema.TaggedError<PluginDependencyMismatch>(
  "@pomoc/core/PluginDependencyMismatch"
)("PluginDependencyMismatch", {
  plugin: Schema.String,
  dependency: Schema.String,
  range: Schema.String,
  found: Schema.String
}) {
  override get message(): string {
    return `Plugin "${this.plugin}" needs plugin "${this.dependency}" ${this.range}, but ${this.found} is registered: ` +
      `register a version of "${this.dependency}" within ${this.range}.`
  }
}

/**
 * Plugins depend on each other in a circle, so no registration order satisfies them.
 *
 * @since 0.1.0
 * @category errors
 */
export class PluginDependencyCycle
  extends Schema.TaggedError<PluginDependencyCycle>("@pomoc/core/PluginDependencyCycle")(
    "PluginDependencyCycle",
    { plugins: Schema.Array(Schema.String) }
  )
{
  override get message(): string {
    return `Plugins ${this.plugins.map((p) => `"${p}"`).join(" → ")} depend on each other in a circle: ` +
      `remove one of these dependencies.`
  }
}

/**
 * Two registered plugins share an id.
 *
 * @since 0.1.0
 * @category errors
 */
export class DuplicatePlugin
  extends Schema.TaggedError<DuplicatePlugin>("@pomoc/core/DuplicatePlugin")("DuplicatePlugin", {
    plugin: Schema.String
  })
{
  override get message(): string {
    return `Plugin "${this.plugin}" is registered twice: register each plugin once (two versions of one plugin cannot run side by side).`
  }
}

/**
 * A label is missing or blank in one of the four languages, or in a language the plugin declares
 * in `languages`.
 *
 * @since 0.1.0
 * @category errors
 */
export class MissingLabels extends Schema.TaggedError<MissingLabels>("@pomoc/core/MissingLabels")("MissingLabels", {
  plugin: Schema.String,
  path: Schema.String,
  languages: Schema.Array(Schema.String)
}) {
  override get message(): string {
    const added = this.languages.filter((l) => !["en", "cs", "lt", "bg"].includes(l))
    return `Plugin "${this.plugin}", labels "${this.path}": missing or blank in ${this.languages.join(", ")}; ` +
      `every label needs non-blank text in en, cs, lt and bg` +
      (added.length > 0 ? `, and in ${added.join(", ")}, which the plugin declares in its languages.` : ".")
  }
}

/**
 * A code (or id) is defined twice: two indicators, goals, reports, derivations or principles of
 * one plugin, or one rule id or principle id in two plugins.
 *
 * @since 0.1.0
 * @category errors
 */
export class DuplicateCode extends Schema.TaggedError<DuplicateCode>("@pomoc/core/DuplicateCode")("DuplicateCode", {
  plugin: Schema.String,
  field: Schema.String,
  code: Schema.String,
  otherPlugin: Schema.optionalKey(Schema.String)
}) {
  override get message(): string {
    return this.otherPlugin === undefined
      ? `Plugin "${this.plugin}", field "${this.field}": "${this.code}" is defined twice; give each entry its own code.`
      : `Plugin "${this.plugin}", field "${this.field}": "${this.code}" is already defined by plugin "${this.otherPlugin}"; ` +
        `prefix your ids with your plugin id (e.g. "${this.plugin}/…").`
  }
}

/**
 * A plugin operation has no access row: nobody could be allowed to use it (access is
 * default-deny), so the plugin is refused until it says who may.
 *
 * @since 0.2.0
 * @category errors
 */
export class OperationWithoutAccess
  extends Schema.TaggedError<OperationWithoutAccess>("@pomoc/core/OperationWithoutAccess")("OperationWithoutAccess", {
    plugin: Schema.String,
    operation: Schema.String,
    tag: Schema.String
  })
{
  override get message(): string {
    return `Plugin "${this.plugin}", operation "${this.operation}" (${this.tag}) has no access row; add ` +
      `\`access: PluginOperation.access("SSNNN", "write", "personal", "…")\` saying which roles may use it ` +
      `(worker, coordinator, administrator, auditor, volunteer: N none, S own services, O organisation).`
  }
}

/**
 * A custom field is declared both personal and a report facet: a facet is stored in the clear
 * and read by reports, so personal data may never be one.
 *
 * @since 0.2.0
 * @category errors
 */
export class PersonalFieldAsFacet
  extends Schema.TaggedError<PersonalFieldAsFacet>("@pomoc/core/PersonalFieldAsFacet")("PersonalFieldAsFacet", {
    plugin: Schema.String,
    field: Schema.String
  })
{
  override get message(): string {
    return `Plugin "${this.plugin}", field "${this.field}" is personal and a report facet; personal data is never ` +
      `a facet: declare it with PluginField.personal (encrypted, no facet), or make it a non-personal code ` +
      `with PluginField.reportable.`
  }
}

/**
 * A code is not lower-case letters, digits and `-` (at most 64), as the model's `Code` requires.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidCode extends Schema.TaggedError<InvalidCode>("@pomoc/core/InvalidCode")("InvalidCode", {
  plugin: Schema.String,
  path: Schema.String,
  code: Schema.String
}) {
  override get message(): string {
    return this.path.startsWith("languages")
      ? `Plugin "${this.plugin}", "${this.path}": "${this.code}" is not a BCP 47 language tag; write it like "uk" or "sr-Latn".`
      : `Plugin "${this.plugin}", "${this.path}": "${this.code}" is not a valid code; ` +
        `use lower-case letters, digits and "-" (at most 64), starting with a letter or digit.`
  }
}

/**
 * A plugin names something that is not defined: a goal or derivation names an unknown
 * indicator, or `principles` names an unknown principle.
 *
 * @since 0.1.0
 * @category errors
 */
export class UnknownReference extends Schema.TaggedError<UnknownReference>("@pomoc/core/UnknownReference")(
  "UnknownReference",
  {
    plugin: Schema.String,
    path: Schema.String,
    kind: Schema.Literals(["indicator", "principle"]),
    reference: Schema.String
  }
) {
  override get message(): string {
    return this.kind === "indicator"
      ? `Plugin "${this.plugin}", "${this.path}": indicator "${this.reference}" is not one of the plugin's indicators; ` +
        `add it to indicators or fix the code.`
      : `Plugin "${this.plugin}", "${this.path}": principle "${this.reference}" is neither a core principle nor in extraPrinciples; ` +
        `add it to extraPrinciples or fix the id.`
  }
}

/**
 * The principles engine refused one of the plugin's rules: it could deny ending cooperation,
 * reads a protected attribute for eligibility, removes or overrides a core principle's rule,
 * is malformed, or clashes with another rule's id. `reason` is the engine's own error.
 *
 * @since 0.1.0
 * @category errors
 */
export class PluginRuleRefused extends Schema.TaggedError<PluginRuleRefused>("@pomoc/core/PluginRuleRefused")(
  "PluginRuleRefused",
  {
    plugin: Schema.String,
    reason: Schema.Union([
      RegistrationError.ProtectedAttributeRead,
      RegistrationError.RuleWouldRestrictProtectedCommand,
      RegistrationError.CorePrincipleRemoved,
      RegistrationError.RuleIdConflict,
      RegistrationError.InvalidRule
    ])
  }
) {
  override get message(): string {
    return `Plugin "${this.plugin}": ${this.reason.message}`
  }
}

/**
 * A contact names a code that the service type's plugin does not define. Raised at run time for
 * input that did not pass through the typed API.
 *
 * @since 0.1.0
 * @category errors
 */
export class UnknownCode extends Schema.TaggedError<UnknownCode>("@pomoc/core/UnknownCode")("UnknownCode", {
  serviceType: Schema.String,
  taxonomy: Schema.String,
  code: Schema.String
}) {
  override get message(): string {
    return `"${this.code}" is not a code of the taxonomy "${this.taxonomy}" of service type "${this.serviceType}": ` +
      `use one of the codes its plugin defines.`
  }
}

/**
 * A service type (plugin id) that is not registered.
 *
 * @since 0.1.0
 * @category errors
 */
export class UnknownServiceType extends Schema.TaggedError<UnknownServiceType>("@pomoc/core/UnknownServiceType")(
  "UnknownServiceType",
  { serviceType: Schema.String }
) {
  override get message(): string {
    return `Service type "${this.serviceType}" is not registered: register its plugin, or fix the service's type.`
  }
}

/**
 * Every reason why the registry refuses plugins at registration.
 *
 * @since 0.2.0
 * @category errors
 */
export type RegistrationReason =
  | MalformedPlugin
  | PluginIncompatible
  | InvalidVersion
  | PluginDependencyMissing
  | PluginDependencyMismatch
  | PluginDependencyCycle
  | DuplicatePlugin
  | MissingLabels
  | DuplicateCode
  | InvalidCode
  | UnknownReference
  | PluginRuleRefused
  | OperationWithoutAccess
  | PersonalFieldAsFacet

/**
 * Every reason of a {@link PluginError}: the registration reasons, and the codes or service
 * type a contact names that no registered plugin defines.
 *
 * @since 0.2.0
 * @category errors
 */
export const PluginErrorReason = Schema.Union([
  MalformedPlugin,
  PluginIncompatible,
  InvalidVersion,
  PluginDependencyMissing,
  PluginDependencyMismatch,
  PluginDependencyCycle,
  DuplicatePlugin,
  MissingLabels,
  DuplicateCode,
  InvalidCode,
  UnknownReference,
  PluginRuleRefused,
  OperationWithoutAccess,
  PersonalFieldAsFacet,
  UnknownCode,
  UnknownServiceType
])
/**
 * @since 0.2.0
 * @category errors
 */
export type PluginErrorReason = typeof PluginErrorReason.Type

/**
 * The one error of the plugin registry, like `StoreError` for stores. `reason._tag` says what is
 * wrong (`PluginIncompatible`, `MissingLabels`, `UnknownCode`, …) and the message says what to
 * fix; `plugin` names the plugin when the reason concerns one.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Registry } from "@pomoc/core"
 *
 * const program = Registry.make([lowThresholdClub]).pipe(
 *   Effect.catchTag("PluginError", (e) =>
 *     e.reason._tag === "PluginIncompatible" ? Effect.die(e.message) : Effect.fail(e))
 * )
 * ```
 *
 * @since 0.2.0
 * @category errors
 */
export class PluginError extends Schema.TaggedError<PluginError>("@pomoc/core/PluginError")("PluginError", {
  reason: PluginErrorReason
}) {
  override get message(): string {
    return this.reason.message
  }
  /** The plugin the reason concerns, if it concerns one. */
  get plugin(): string | undefined {
    return "plugin" in this.reason ? this.reason.plugin : undefined
  }
}

/**
 * Wraps a reason in the registry's one error.
 *
 * @since 0.2.0
 * @category constructors
 */
export const fail = (reason: PluginErrorReason): PluginError => new PluginError({ reason })
