/**
 * Access: the permission matrix (role × operation → scope) as data, and default-deny
 * authorisation against it.
 *
 * @since 0.1.0
 */
export {
  isOperation,
  matrix,
  operationNames,
  operations,
  roles,
  scopeOf,
  scopes,
  toJson,
  toMarkdown,
  withPlugins
} from "./matrix.js"
export type {
  Matrix,
  MatrixJson,
  Operation,
  OperationInfo,
  PluginRows,
  ReadOperation,
  Row,
  Scope,
  Sensitivity
} from "./matrix.js"
export { AccessDenied, authorize, authorizeWith, check, DenialReason, isAllowed } from "./Access.js"
export type { Grant } from "./Access.js"
