/**
 * The annual reports opened in a real browser: Debian's Chromium driven by playwright-core.
 * `.ci/run` installs the `chromium` package; elsewhere set POMOC_CHROMIUM to a Chromium binary.
 * Screenshots go to test-output/report-html/ at the repository root (not committed).
 */
import { Effect } from "effect"
import { existsSync, mkdirSync, writeFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { pathToFileURL } from "node:url"
import { type Browser, chromium } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { AnnualReport, ValueLabels } from "../src/index.js"
import { expected, inPageOrder } from "./expected.js"
import { period, registry, resultsFor, samples } from "./fixtures.js"

const executablePath = process.env["POMOC_CHROMIUM"] ?? "/usr/bin/chromium"
const output = resolve(import.meta.dirname, "../../../../test-output/report-html")

// The flags keep Chromium from calling home at start (this machine's network is closed, and a
// report must not depend on one); root needs --no-sandbox.
const flags = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-extensions"
]

let browser: Browser

beforeAll(async () => {
  if (!existsSync(executablePath)) {
    throw new Error(
      `No Chromium at ${executablePath}: install Debian's chromium package (apt-get install -y chromium) or set POMOC_CHROMIUM`
    )
  }
  mkdirSync(output, { recursive: true })
  browser = await chromium.launch({ executablePath, args: flags })
})

afterAll(async () => {
  await browser?.close()
})

describe("annual report in Chromium", () => {
  for (const sample of samples) {
    it(`${sample.name}: every chart drawn with the right numbers, no errors, no requests`, async () => {
      const results = inPageOrder(await Effect.runPromise(resultsFor(sample)))
      const html = await Effect.runPromise(AnnualReport.render({
        organisation: sample.organisation,
        language: sample.language,
        period,
        results,
        services: { [sample.serviceId]: sample.serviceName },
        valueLabel: ValueLabels.fromRegistry(registry)
      }))
      const file = join(output, `${sample.name}.html`)
      writeFileSync(file, html)
      const url = pathToFileURL(file).href

      const context = await browser.newContext({ offline: true, viewport: { width: 1100, height: 900 } })
      const page = await context.newPage()
      const problems: Array<string> = []
      const requests: Array<string> = []
      page.on("console", (message) => {
        if (message.type() === "error" || message.type() === "warning") {
          problems.push(`console ${message.type()}: ${message.text()}`)
        }
      })
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`))
      page.on("request", (request) => requests.push(request.url()))
      try {
        await page.goto(url, { waitUntil: "load" })
        await page.waitForFunction(() =>
          document.querySelectorAll("figure[data-chart]:not([data-rendered])").length === 0
        )

        expect(await page.getAttribute("html", "lang")).toBe(sample.language)
        const figures = page.locator("figure[data-chart]")
        expect(await figures.count()).toBe(results.length)
        for (const [i, result] of results.entries()) {
          const want = expected(result, sample.language)
          const figure = figures.nth(i)
          expect(await figure.getAttribute("data-rendered"), result.reportId).toBe("true")
          expect(await figure.getAttribute("data-report-id")).toBe(result.reportId)
          const svg = figure.locator(".chart svg").first()
          expect(await svg.getAttribute("aria-label")).toBe(result.labels[sample.language])
          const shapes = result.table._tag === "OneWay" ? "bars" : "cells"
          const marks = svg.locator(`g.${shapes} rect`)
          expect(await marks.count(), result.reportId).toBe(want.drawnCounts.length)
          expect(await svg.locator("g.counts text").allTextContents(), result.reportId).toEqual(want.drawn)
          expect(await svg.locator("g.suppressed text").count(), result.reportId).toBe(want.suppressed)
          if (result.table._tag === "OneWay") {
            // Bars are as long as their counts: one scale for all of them.
            const widths = await marks.evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect().width))
            const counts = want.drawnCounts
            const largest = counts.indexOf(Math.max(...counts))
            widths.forEach((width, j) => {
              if (counts[largest]! > 0) expect(width).toBeCloseTo((widths[largest]! * counts[j]!) / counts[largest]!, 0)
              if (counts[j] === 0) expect(width).toBeLessThan(1)
            })
          } else {
            expect(await svg.locator("g.suppressed-cells rect").count()).toBe(want.suppressed)
          }
          // The chart's data as a table, for screen readers and for copying.
          expect(await figure.locator("table td").allTextContents(), result.reportId).toEqual(want.tableCells)
          // Rates and change per person: their columns in words, never core's codes.
          if (want.outcomeHeadings !== undefined) {
            const headings = await figure.locator("table thead th").allTextContents()
            expect(headings, result.reportId).toEqual(expect.arrayContaining([...want.outcomeHeadings]))
            for (const code of ["numerator", "rest", "same"]) expect(headings).not.toContain(code)
          }
        }
        await page.screenshot({ path: join(output, `${sample.name}.png`), fullPage: true })
      } finally {
        await context.close()
      }
      expect(problems).toEqual([])
      expect(requests).toEqual([url])
    })
  }
})
