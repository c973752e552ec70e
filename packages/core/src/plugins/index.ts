/**
 * Plugins: the contract every service type fulfils, and the registry that checks and merges
 * them.
 *
 * @since 0.1.0
 */

/**
 * @since 0.1.0
 */
export * as Plugin from "./Plugin.js"

export { definePlugin } from "./Plugin.js"
export type {
  ChannelOf,
  FirstContactChannelOf,
  GoalOf,
  IndicatorOf,
  InterventionOf,
  PluginIdOf,
  ReportIdOf
} from "./Plugin.js"

/**
 * @since 0.1.0
 */
export * as Registry from "./Registry.js"

/**
 * @since 0.2.0
 */
export * as PluginOperation from "./PluginOperation.js"

/**
 * @since 0.2.0
 */
export * as PluginField from "./PluginField.js"

/**
 * @since 0.2.0
 */
export * as StandardReports from "./StandardReports.js"

/**
 * @since 0.1.0
 */
export * as PluginError from "./errors.js"

export {
  DuplicateCode,
  DuplicatePlugin,
  InvalidCode,
  InvalidVersion,
  MalformedPlugin,
  MissingLabels,
  OperationWithoutAccess,
  PersonalFieldAsFacet,
  PluginDependencyCycle,
  PluginDependencyMismatch,
  PluginDependencyMissing,
  PluginErrorReason,
  PluginIncompatible,
  PluginRuleRefused,
  UnknownCode,
  UnknownReference,
  UnknownServiceType
} from "./errors.js"
