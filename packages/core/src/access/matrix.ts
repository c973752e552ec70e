/**
 * The permission matrix: for every role and every operation, the scope in which the role may
 * perform it. This file is the single source of truth; `docs/access.md` is generated from it
 * (a test fails when the two drift apart).
 *
 * Access is default-deny. An operation that is not in the matrix (a plugin's command nobody has
 * granted, a misspelt name) is denied to everyone, and a cell that says `"none"` denies.
 *
 * @since 0.1.0
 */
import { operations as table } from "../casework/operations/index.js"
import type { CommandTag } from "../Command.js"
import type { Role } from "../model/Actor.js"

/**
 * How far a role's permission reaches:
 *
 * - `"none"`: never.
 * - `"own-services"`: only for the services the actor's grant of that role lists (a grant of
 *   `"*"` lists every service; an operation without a service needs a `"*"` grant).
 * - `"organisation"`: for any service of the organisation and for the organisation as a whole,
 *   whatever services the grant lists.
 *
 * @since 0.1.0
 * @category models
 */
export type Scope = "none" | "own-services" | "organisation"

/**
 * Every scope, from the narrowest to the widest.
 * @since 0.1.0
 * @category models
 */
export const scopes: ReadonlyArray<Scope> = ["none", "own-services", "organisation"]

/**
 * Every role, in the order of the matrix's columns.
 * @since 0.1.0
 * @category models
 */
export const roles: ReadonlyArray<Role> = ["worker", "coordinator", "administrator", "auditor", "volunteer"]

/**
 * The read operations. Writes are the core commands ({@link CommandTag}).
 * @since 0.1.0
 * @category models
 */
export type ReadOperation =
  | "ReadDirectory"
  | "ListPeople"
  | "FindPeople"
  | "ReadPerson"
  | "ReadIdentifiedPerson"
  | "ReadHistory"
  | "ReadConfidentialNote"
  | "ReadPlan"
  | "ReadConsent"
  | "ReadDisclosure"
  | "ReadReferral"
  | "ReadChanges"
  | "ReadActivity"
  | "ReadVolunteer"
  | "ReadReport"
  | "ExportPerson"
  | "ReadAudit"
  | "VerifyAudit"
  | "ReadStaff"

/**
 * An operation the matrix decides: a core command (a write) or a read.
 * @since 0.1.0
 * @category models
 */
export type Operation = CommandTag | ReadOperation

/**
 * What an operation touches, from the least to the most sensitive:
 *
 * - `"organisational"`: the directory, volunteers, the audit log (which holds no personal data).
 * - `"aggregate"`: suppressed counts, never one person.
 * - `"personal"`: one person's record, pseudonymous or identified.
 * - `"confidential"`: what a person told the service or what the service did with them:
 *   history, notes, plans, outcomes, needs, disclosures, referrals.
 *
 * @since 0.1.0
 * @category models
 */
export type Sensitivity = "organisational" | "aggregate" | "personal" | "confidential"

/**
 * What the matrix knows about one operation besides its scopes.
 * @since 0.1.0
 * @category models
 */
export interface OperationInfo {
  readonly kind: "read" | "write"
  readonly sensitivity: Sensitivity
  readonly description: string
}

/**
 * The scopes of one operation, one per role.
 * @since 0.1.0
 * @category models
 */
export type Row = { readonly [R in Role]: Scope }

/**
 * A permission matrix: operation → role → scope. The type requires a decision for every core
 * operation and every role, so adding a command or a role does not compile until someone
 * decides who may use it.
 * @since 0.1.0
 * @category models
 */
export type Matrix = { readonly [O in Operation]: Row }

const row = (worker: Scope, coordinator: Scope, administrator: Scope, auditor: Scope, volunteer: Scope): Row => ({
  worker,
  coordinator,
  administrator,
  auditor,
  volunteer
})

// Column order: worker, coordinator, administrator, auditor, volunteer.
const N = "none" as const
const S = "own-services" as const
const O = "organisation" as const

type WriteOperation = Exclude<Operation, ReadOperation | "ExportPerson">

// The write rows and their descriptions come from the operations table; a command without an
// operation that declares its row fails to compile here.
const declared = Object.values(table).flatMap((op) => op.access !== undefined ? [[op.tag, op.access] as const] : [])
type DeclaredTags = Extract<(typeof table)[keyof typeof table], { readonly access: { readonly row: Row } }>["tag"]
const _everyWriteDeclared: [Exclude<WriteOperation, DeclaredTags>] extends [never] ? true : never = true
void _everyWriteDeclared

const readRows: { readonly [O in ReadOperation | "ExportPerson"]: Row } = {
  // Data-subject rights: the service's coordinator, or an administrator for the organisation.
  ExportPerson: row(N, S, O, N, N),
  ReadDirectory: row(O, O, O, O, O),
  ListPeople: row(S, S, O, N, N),
  FindPeople: row(S, S, O, N, N),
  ReadPerson: row(S, S, O, N, N),
  ReadIdentifiedPerson: row(S, S, O, N, N),
  ReadHistory: row(S, S, N, N, N),
  ReadConfidentialNote: row(S, S, N, N, N),
  ReadPlan: row(S, S, N, N, N),
  ReadConsent: row(S, S, O, N, N),
  ReadDisclosure: row(S, S, N, N, N),
  ReadReferral: row(S, S, N, N, N),
  ReadChanges: row(N, S, N, N, N),
  ReadActivity: row(S, S, O, N, S),
  ReadVolunteer: row(N, S, O, N, N),
  ReadReport: row(S, S, O, O, N),
  ReadAudit: row(N, N, O, O, N),
  VerifyAudit: row(N, N, O, O, N),
  ReadStaff: row(N, N, O, N, N)
}

const readInfo: { readonly [O in ReadOperation | "ExportPerson"]: OperationInfo } = {
  ExportPerson: {
    kind: "read",
    sensitivity: "confidential",
    description: "export everything about a person for them (GDPR Art. 15, 20)"
  },
  ReadDirectory: {
    kind: "read",
    sensitivity: "organisational",
    description: "read organisations, services and locations"
  },
  ListPeople: { kind: "read", sensitivity: "personal", description: "list the people of a service by pseudonym" },
  FindPeople: {
    kind: "read",
    sensitivity: "personal",
    description: "find people of a service by nickname or code (blind index)"
  },
  ReadPerson: { kind: "read", sensitivity: "personal", description: "read a person's pseudonymous record" },
  ReadIdentifiedPerson: {
    kind: "read",
    sensitivity: "personal",
    description: "read a person's name and contact details"
  },
  ReadHistory: {
    kind: "read",
    sensitivity: "confidential",
    description: "read a person's contacts, cooperations and interventions"
  },
  ReadConfidentialNote: { kind: "read", sensitivity: "confidential", description: "read free-text case notes" },
  ReadPlan: { kind: "read", sensitivity: "confidential", description: "read plans, goals, steps, needs and outcomes" },
  ReadConsent: { kind: "read", sensitivity: "personal", description: "read a person's consents" },
  ReadDisclosure: { kind: "read", sensitivity: "confidential", description: "read what was disclosed about a person" },
  ReadReferral: { kind: "read", sensitivity: "confidential", description: "read a person's referrals" },
  ReadChanges: {
    kind: "read",
    sensitivity: "confidential",
    description: "read a record's change history (corrections)"
  },
  ReadActivity: { kind: "read", sensitivity: "personal", description: "read activities and their attendance" },
  ReadVolunteer: { kind: "read", sensitivity: "organisational", description: "read volunteers and their hours" },
  ReadReport: { kind: "read", sensitivity: "aggregate", description: "run a report (suppressed counts)" },
  ReadAudit: {
    kind: "read",
    sensitivity: "organisational",
    description: "read the audit log (ids only, no personal data)"
  },
  VerifyAudit: { kind: "read", sensitivity: "organisational", description: "verify the audit hash chain" },
  ReadStaff: {
    kind: "read",
    sensitivity: "organisational",
    description: "read the staff directory (grants and volunteer links)"
  }
}

/**
 * The permission matrix of Pomoc. The rows of the writes come from the operations table (each
 * operation declares its own row); the rows of the reads are kept here. Read it as a table in
 * `docs/access.md`; the reasons for each decision are written there too.
 *
 * @since 0.1.0
 * @category models
 */
export const matrix: Matrix = {
  ...Object.fromEntries(declared.map(([tag, a]) => [tag, a.row])) as { readonly [O in WriteOperation]: Row },
  ...readRows
}

/**
 * Kind, sensitivity and a one-line description of every operation, for docs and for tests that
 * check the matrix against the sensitivity of what it opens.
 *
 * @since 0.1.0
 * @category models
 */
export const operations: { readonly [O in Operation]: OperationInfo } = {
  ...Object.fromEntries(
    declared.map(([tag, a]) => [tag, { kind: a.kind, sensitivity: a.sensitivity, description: a.description }])
  ) as {
    readonly [O in WriteOperation]: OperationInfo
  },
  ...readInfo
}

/**
 * Every operation of the matrix, in the matrix's order.
 * @since 0.1.0
 * @category models
 */
export const operationNames: ReadonlyArray<Operation> = Object.keys(matrix) as Array<Operation>

/**
 * Whether a string names an operation of the matrix.
 * @since 0.1.0
 * @category guards
 */
export const isOperation = (name: string): name is Operation => Object.prototype.hasOwnProperty.call(matrix, name)

/**
 * The scope a matrix gives a role for an operation; `"none"` for anything the matrix does not
 * list (default deny).
 * @since 0.1.0
 * @category combinators
 */
export const scopeOf = (
  m: { readonly [operation: string]: Partial<Row> | undefined },
  role: Role,
  operation: string
): Scope => {
  if (!Object.prototype.hasOwnProperty.call(m, operation)) return "none"
  return m[operation]?.[role] ?? "none"
}

/**
 * The matrix as plain JSON data, for publishing (docs, an admin screen, another language).
 * @since 0.1.0
 * @category models
 */
export interface MatrixJson {
  readonly roles: ReadonlyArray<Role>
  readonly scopes: ReadonlyArray<Scope>
  readonly operations: ReadonlyArray<{
    readonly operation: Operation
    readonly kind: "read" | "write"
    readonly sensitivity: Sensitivity
    readonly description: string
    readonly scopes: Row
  }>
}

/**
 * The default matrix as JSON-able data.
 * @since 0.1.0
 * @category constructors
 */
export const toJson = (): MatrixJson => ({
  roles: [...roles],
  scopes: [...scopes],
  operations: operationNames.map((operation) => ({
    operation,
    ...operations[operation],
    scopes: { ...matrix[operation] }
  }))
})

const symbol: Record<Scope, string> = { none: "—", "own-services": "own services", organisation: "organisation" }

/**
 * The matrix as a Markdown table (operations as rows, roles as columns). `docs/access.md` holds
 * exactly this text between its `access-matrix` markers. Given plugins, the table of their own
 * operations' rows instead (for a plugin's README).
 * @since 0.1.0
 * @category combinators
 */
export const toMarkdown = (plugins: ReadonlyArray<PluginRows> = []): string => {
  const header = `| operation | kind | touches | ${roles.join(" | ")} |`
  const rule = `| --- | --- | --- | ${roles.map(() => "---").join(" | ")} |`
  const line = (op: string, info: { readonly kind: string; readonly sensitivity: string }, row: Partial<Row>) =>
    `| \`${op}\` | ${info.kind} | ${info.sensitivity} | ${roles.map((r) => symbol[row[r] ?? "none"]).join(" | ")} |`
  const core = plugins.length > 0 ? [] : operationNames.map((op) => line(op, operations[op], matrix[op]))
  const added = plugins.flatMap((plugin) =>
    Object.values(plugin.operations ?? {}).flatMap((op) =>
      op.access === undefined ? [] : [line(op.tag, op.access, op.access.row)]
    )
  )
  return [header, rule, ...core, ...added].join("\n")
}

/**
 * What the access functions need of a plugin: its operations' tags and access rows (a
 * `Plugin` has this shape).
 * @since 0.2.0
 * @category models
 */
export interface PluginRows {
  /** The plugin's operations, by method name. */
  readonly operations?: Readonly<
    Record<string, {
      /** The operation's tag: its row in the matrix. */
      readonly tag: string
      /** Its access row, with what it touches. */
      readonly access?: {
        /** Who may use it, and where. */
        readonly row: Row
        /** A read or a write. */
        readonly kind: "read" | "write"
        /** How sensitive the data it touches is. */
        readonly sensitivity: Sensitivity
      } | undefined
    }>
  >
}

const extended = new WeakMap<ReadonlyArray<PluginRows>, { readonly [operation: string]: Partial<Row> | undefined }>()

/**
 * The matrix with the rows of the plugins' own operations added (by tag). The same array of
 * plugins gives the same matrix object.
 * @since 0.2.0
 * @category combinators
 */
export const withPlugins = (
  plugins: ReadonlyArray<PluginRows>
): { readonly [operation: string]: Partial<Row> | undefined } => {
  const known = extended.get(plugins)
  if (known !== undefined) return known
  const rows: Record<string, Partial<Row> | undefined> = { ...matrix }
  for (const plugin of plugins) {
    for (const op of Object.values(plugin.operations ?? {})) {
      if (op.access !== undefined && !Object.hasOwn(matrix, op.tag)) rows[op.tag] = op.access.row
    }
  }
  const frozen = Object.freeze(rows)
  extended.set(plugins, frozen)
  return frozen
}
