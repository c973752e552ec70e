/**
 * Reports: small-cell suppression and report definitions answering the three Results-Based
 * Accountability questions.
 *
 * @since 0.1.0
 */

/**
 * @since 0.1.0
 */
export * as Suppression from "./Suppression.js"
export type {
  Cell,
  CountTable,
  Dimension,
  OneWayTable,
  SuppressedOneWay,
  SuppressedTable,
  SuppressedTwoWay,
  TwoWayTable
} from "./Suppression.js"
export { InvalidTable } from "./Suppression.js"
