/**
 * The configuration of the case-work API and the types its operations share: what a service
 * type tells the API, what a write returns, every error an operation can fail with.
 *
 * @since 0.2.0
 */
import type { Effect } from "effect"
import type { AccessDenied } from "../access/Access.js"
import type { Row } from "../access/matrix.js"
import type { Command } from "../Command.js"
import type { InvalidInput } from "../Decode.js"
import type { Facts } from "../Facts.js"
import type * as LegalGround from "../model/LegalGround.js"
import { OutcomeIndicator } from "../model/Outcome.js"
import type { Derivation, Plugins } from "../plugins/Plugin.js"
import type { FieldDefinitions } from "../plugins/PluginField.js"
import type { PluginOperation } from "../plugins/PluginOperation.js"
import type { Registry } from "../plugins/Registry.js"
import type { Engine } from "../principles/Engine.js"
import type * as Verdict from "../principles/Verdict.js"
import type { DecryptionFailed, EncryptionFailed } from "../privacy/FieldCrypto.js"
import type * as SubjectAccess from "../privacy/SubjectAccess.js"
import type { InvalidReport, ReportDefinition } from "../reports/Report.js"
import type { StoreError } from "../Store.js"
import type { BatchRefused, CommandRefused, InvalidCommand, NotFound } from "./Errors.js"

/**
 * What a service type (a plugin) tells the API: its taxonomies, to check codes against, and
 * its outcome indicators.
 * @since 0.1.0
 * @category models
 */
export interface ServiceTypeInfo {
  readonly interventions: ReadonlySet<string>
  readonly channels: ReadonlySet<string>
  readonly firstContactChannels: ReadonlySet<string>
  /** The need codes a person of this type's services may have (unchecked when absent). */
  readonly needs?: ReadonlySet<string>
  /** The place types a contact of this type's services may happen at (unchecked when absent). */
  readonly locationKinds?: ReadonlySet<string>
  /**
   * The topics a group activity of this type's services may have (unchecked when absent).
   * @since 0.2.0
   */
  readonly activityTopics?: ReadonlySet<string>
  readonly indicators: ReadonlyMap<string, OutcomeIndicator>
  /** Does the type accept anonymous and nicknamed people (low-threshold)? */
  readonly acceptsAnonymous: boolean
  /** The custom fields the type's plugin declares, by record kind (none accepted when absent). */
  readonly fields?: FieldDefinitions
  /**
   * The typed rules that derive the type's outcome indicators from a person's history (run by
   * `deriveOutcomes`; none when absent).
   * @since 0.2.0
   */
  readonly derivations?: ReadonlyArray<Derivation>
}

/**
 * The configuration of the case-work API: the principles engine (core rules plus the plugins'
 * rules) and the service types the plugins define.
 * @since 0.1.0
 * @category models
 */
export interface Config<Ps extends Plugins = Plugins> {
  readonly engine: Engine<Command, Facts>
  readonly serviceTypes: ReadonlyMap<string, ServiceTypeInfo>
  /**
   * The report definitions callers may run, by qualified id (`<service type>/<report id>`). A
   * caller may name a report by its plain id when it names the service too.
   */
  readonly reports?: ReadonlyMap<string, ReportDefinition>
  /**
   * Legal grounds a disclosure under a legal duty may name, besides core's (`LegalGround.builtin`)
   * and the plugins' (`Plugin.legalGrounds`, gathered by {@link configFromRegistry}).
   */
  readonly legalGrounds?: ReadonlyArray<LegalGround.LegalGroundDefinition>
  /**
   * Operations the plugins add to the API, by method name (`Plugin.operations`, gathered by
   * {@link configFromRegistry}), and their access rows by tag (added to the access matrix).
   */
  readonly operations?: Readonly<Record<string, PluginOperation>>
  /** The access-matrix rows of the plugins' operations, by tag. */
  readonly access?: Readonly<Record<string, Row>>
  /** The plugins' types, for the typed API (never read at run time). */
  readonly _Plugins?: (ps: Ps) => Ps
}

/**
 * How a batch runs.
 * @since 0.2.0
 * @category models
 */
export interface BatchOptions {
  /**
   * Plan every command through the whole road (decoding, authorisation, checks, principles) and
   * store nothing: no record, no audit entry. The result is what a real run would return.
   */
  readonly dryRun?: boolean
  /**
   * Try every command even after one is refused (a refused command's writes are left out, so
   * later commands do not see them); the failure is the first command's `BatchRefused` with the
   * others in `later`. Nothing is stored when any command is refused.
   */
  readonly allRefusals?: boolean
  /** Called after each command is planned, with its index (e.g. to show progress). */
  readonly onPlanned?: (index: number) => Effect.Effect<void>
}

/**
 * Every way a case-work operation can fail.
 * @since 0.1.0
 * @category errors
 */
export type CaseworkError =
  | InvalidInput
  | AccessDenied
  | CommandRefused
  | InvalidCommand
  | NotFound
  | StoreError
  | DecryptionFailed
  | EncryptionFailed
  | InvalidReport
  | BatchRefused

/**
 * What a successful write returns: the stored entity and the principles' warnings.
 * @since 0.1.0
 * @category models
 */
export interface Written<A> {
  readonly value: A
  readonly warnings: ReadonlyArray<Verdict.Said>
}

/**
 * The answer to an eligibility question, with the reasons of every rule that objected.
 * @since 0.1.0
 * @category models
 */
export interface Eligibility {
  readonly eligible: boolean
  readonly reasons: ReadonlyArray<Verdict.Said>
  readonly warnings: ReadonlyArray<Verdict.Said>
}

/**
 * A person's history: the records about them of the services the reader may see.
 * @since 0.1.0
 * @category models
 */
export type History = SubjectAccess.SubjectRecords

/**
 * The case-work configuration of a plugin registry: its engine (core rules and every plugin's
 * rules) and, per service type, the taxonomies and indicators of its plugin.
 *
 * @example
 * ```ts
 * const registry = Registry.makeUnsafe([lowThresholdClub, debtCounselling])
 * const layer = Casework.layer(Casework.configFromRegistry(registry))
 * ```
 * @since 0.1.0
 * @category constructors
 */
export const configFromRegistry = <Ps extends Plugins>(registry: Registry<Ps>): Config<Ps> => {
  const serviceTypes = new Map<string, ServiceTypeInfo>()
  for (const plugin of registry.plugins) {
    serviceTypes.set(plugin.id, {
      interventions: new Set(Object.keys(plugin.taxonomies.interventions)),
      channels: new Set(Object.keys(plugin.taxonomies.channels)),
      firstContactChannels: new Set(Object.keys(plugin.taxonomies.firstContactChannels)),
      ...(plugin.taxonomies.needs === undefined ? {} : { needs: new Set(Object.keys(plugin.taxonomies.needs)) }),
      ...(plugin.taxonomies.locationKinds === undefined
        ? {}
        : { locationKinds: new Set(Object.keys(plugin.taxonomies.locationKinds)) }),
      ...(plugin.taxonomies.activityTopics === undefined
        ? {}
        : { activityTopics: new Set(Object.keys(plugin.taxonomies.activityTopics)) }),
      indicators: new Map(
        plugin.indicators.map((i) => [i.code, new OutcomeIndicator({ code: i.code, labels: i.labels, scale: i.scale })])
      ),
      acceptsAnonymous: plugin.principles.includes("low-threshold"),
      ...(plugin.fields === undefined ? {} : { fields: plugin.fields }),
      ...(plugin.derivations === undefined ? {} : { derivations: plugin.derivations })
    })
  }
  const reports = new Map<string, ReportDefinition>()
  for (const report of registry.reports) {
    const query = report.query
    if (query !== undefined && "dimensions" in query) {
      reports.set(`${report.plugin}/${report.id}`, {
        id: report.id,
        labels: report.labels,
        question: report.question,
        query,
        ...(report.suppression !== undefined ? { suppression: report.suppression } : {})
      })
    }
  }
  const legalGrounds = registry.plugins.flatMap((plugin) => plugin.legalGrounds ?? [])
  const operations: Record<string, PluginOperation> = {}
  const access: Record<string, Row> = {}
  for (const plugin of registry.plugins) {
    for (const [name, op] of Object.entries(plugin.operations ?? {})) {
      operations[name] = op
      if (op.access !== undefined) access[op.tag] = op.access.row
    }
  }
  return { engine: registry.engine, serviceTypes, reports, legalGrounds, operations, access }
}
