// Reading a stored audit entry back without Schema: verifying a long log decodes every entry, and
// the generic decoder was a fifth of that work. The checks are those of the `AuditDraft` schema
// (a property test compares the two on damaged entries); a failure names the field and the rule,
// never the value.
import type { AuditDraft, DraftIssue, Subject } from "../Audit.js"

const OUTCOMES: ReadonlySet<unknown> = new Set(["allowed", "denied", "read"])

const issue = (field: string, rule: string): DraftIssue => ({ _tag: "DraftIssue", field, rule })

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

const has = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key)

const subjectsOf = (value: unknown): Array<Subject> | undefined => {
  if (!Array.isArray(value)) return undefined
  const out = new Array<Subject>(value.length)
  for (let i = 0; i < value.length; i++) {
    const s: unknown = value[i]
    if (!isObject(s) || typeof s.kind !== "string" || typeof s.id !== "string") return undefined
    out[i] = { kind: s.kind, id: s.id }
  }
  return out
}

const stringsOf = (value: unknown): Array<string> | undefined => {
  if (!Array.isArray(value)) return undefined
  for (const s of value) if (typeof s !== "string") return undefined
  return value.slice() as Array<string>
}

/** A draft from a parsed JSON value, with only the draft's own keys, or the first issue. */
export const decodeDraft = (value: unknown): AuditDraft | DraftIssue => {
  if (!isObject(value)) return issue("entry", "must be an object")
  const { actor, at, operation, outcome, role } = value
  if (typeof at !== "string") return issue("at", "must be a string")
  if (typeof actor !== "string") return issue("actor", "must be a string")
  if (typeof role !== "string") return issue("role", "must be a string")
  if (typeof operation !== "string") return issue("operation", "must be a string")
  if (!OUTCOMES.has(outcome)) return issue("outcome", "must be allowed, denied or read")
  const subjects = subjectsOf(value.subjects)
  if (subjects === undefined) return issue("subjects", "must be an array of { kind, id } strings")
  const draft: {
    at: string
    actor: string
    role: string
    operation: string
    outcome: AuditDraft["outcome"]
    serviceId?: string
    subjects: Array<Subject>
    legalGround?: string
    rules?: Array<string>
  } = { at, actor, role, operation, outcome: outcome as AuditDraft["outcome"], subjects }
  if (has(value, "serviceId")) {
    if (typeof value.serviceId !== "string") return issue("serviceId", "must be a string when present")
    draft.serviceId = value.serviceId
  }
  if (has(value, "legalGround")) {
    if (typeof value.legalGround !== "string") return issue("legalGround", "must be a string when present")
    draft.legalGround = value.legalGround
  }
  if (has(value, "rules")) {
    const rules = stringsOf(value.rules)
    if (rules === undefined) return issue("rules", "must be an array of strings when present")
    draft.rules = rules
  }
  return draft
}
