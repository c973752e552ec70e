/**
 * Cells of a laid-out report: the positions of cells given by their values, and a rate's share.
 *
 * @since 0.2.0
 */
import type { HiddenCell } from "../Report.js"
import type * as Suppression from "../Suppression.js"
import type * as Tables from "../Tables.js"

/** Positions of a table for cells given by their values (unknown values are left out: nothing to hide). */
export const positionsOf = (
  layout: Tables.Layout,
  hide: ReadonlyArray<HiddenCell>
): Array<Suppression.OneWayPosition | Suppression.TwoWayPosition> => {
  const rowIndex = new Map(layout.rowKeys.map((k, i) => [JSON.stringify(k), i]))
  const columns = layout.columns?.values ?? []
  const out: Array<Suppression.OneWayPosition | Suppression.TwoWayPosition> = []
  for (const cell of hide) {
    const row = cell.row === "total" ? "total" : rowIndex.get(JSON.stringify(cell.row))
    if (row === undefined) continue
    if (layout.columns === undefined) {
      out.push(row)
      continue
    }
    const wanted = cell.column
    const column = wanted === undefined || wanted === "total"
      ? "total"
      : columns.findIndex((v) => JSON.stringify(v) === JSON.stringify(wanted[0]))
    if (column === -1) continue
    out.push([row, column])
  }
  return out
}

/** A rate's share where both its part and its whole are shown, else `null`. */
export const rateOf = (part: Suppression.Cell | undefined, all: Suppression.Cell | undefined): number | null =>
  part?._tag === "Value" && all?._tag === "Value" && all.count > 0 ? part.count / all.count : null
