/**
 * What the page runs: each figure's chart drawn with Observable Plot from the JSON beside it.
 * Kept as plain browser JavaScript (a string), so no bundler step stands between the source and
 * the file a funder opens. The numbers' texts are formatted by the renderer in the report's
 * language; the page only places them.
 *
 * Marks carry stable class names (`bars`, `counts`, `suppressed`, `cells`, `suppressed-cells`)
 * so that assistive technology and the browser tests can find what was drawn. Axis labels longer
 * than 36 characters are shortened (the full label is in the table and the marks' titles).
 */
export const clientScript = String.raw`
(function () {
  "use strict";
  function labelOf(items, keyName) {
    var labels = {};
    items.forEach(function (d) {
      var label = d[keyName + "Label"];
      labels[d[keyName]] = label.length > 36 ? label.slice(0, 35) + "…" : label;
    });
    return function (k) { return labels[k]; };
  }
  function bars(spec) {
    var shown = spec.items.filter(function (d) { return d.count !== null; });
    var hidden = spec.items.filter(function (d) { return d.count === null; });
    var max = Math.max(1, Math.max.apply(null, shown.map(function (d) { return d.count; }).concat([0])));
    return Plot.plot({
      width: 720,
      height: 50 + 26 * spec.items.length,
      marginLeft: spec.marginLeft,
      marginRight: 90,
      ariaLabel: spec.title,
      ariaDescription: spec.description,
      style: { fontSize: "13px" },
      x: { label: spec.measure, grid: true, domain: [0, max], nice: true },
      y: { label: null, domain: spec.items.map(function (d) { return d.key; }), tickFormat: labelOf(spec.items, "key") },
      marks: [
        Plot.barX(shown, { x: "count", y: "key", fill: "#2f6690", className: "bars", title: function (d) { return d.keyLabel + ": " + d.text; } }),
        Plot.text(shown, { x: "count", y: "key", text: "text", textAnchor: "start", dx: 4, fill: "#111", className: "counts" }),
        Plot.text(hidden, { x: 0, y: "key", text: function () { return spec.suppressed; }, textAnchor: "start", dx: 4, fill: "#555", fontStyle: "italic", className: "suppressed" }),
        Plot.ruleX([0])
      ]
    });
  }
  function cells(spec) {
    var shown = spec.items.filter(function (d) { return d.count !== null; });
    var hidden = spec.items.filter(function (d) { return d.count === null; });
    var max = Math.max(1, Math.max.apply(null, shown.map(function (d) { return d.count; }).concat([0])));
    return Plot.plot({
      width: Math.max(420, spec.marginLeft + 96 * spec.columns.length + 20),
      height: spec.marginTop + 34 * spec.rows.length + 10,
      marginLeft: spec.marginLeft,
      marginTop: spec.marginTop,
      ariaLabel: spec.title,
      ariaDescription: spec.description,
      style: { fontSize: "13px" },
      color: { type: "linear", domain: [0, max], range: ["#f3f7fb", "#7fa7cc"] },
      x: { axis: "top", label: null, domain: spec.columns, tickFormat: labelOf(spec.items, "column"), tickRotate: spec.marginTop > 40 ? -30 : 0 },
      y: { label: null, domain: spec.rows, tickFormat: labelOf(spec.items, "row") },
      marks: [
        Plot.cell(shown, { x: "column", y: "row", fill: "count", inset: 1, className: "cells", title: function (d) { return d.rowLabel + ", " + d.columnLabel + ": " + d.text; } }),
        Plot.cell(hidden, { x: "column", y: "row", fill: "#e2e2e2", inset: 1, className: "suppressed-cells" }),
        Plot.text(shown, { x: "column", y: "row", text: "text", fill: "#111", className: "counts" }),
        Plot.text(hidden, { x: "column", y: "row", text: function () { return spec.suppressed; }, fill: "#444", fontStyle: "italic", className: "suppressed" })
      ]
    });
  }
  document.querySelectorAll("figure[data-chart]").forEach(function (figure) {
    var chart = figure.querySelector(".chart");
    try {
      var spec = JSON.parse(figure.querySelector("script[type='application/json']").textContent);
      var svg = spec.type === "bars" ? bars(spec) : cells(spec);
      chart.appendChild(svg);
      figure.setAttribute("data-rendered", "true");
    } catch (error) {
      figure.setAttribute("data-rendered", "failed");
      console.error("Chart " + figure.id + " could not be drawn: " + error);
    }
  });
})();
`
