import { Decision, Engine } from "/work/main/packages/core/src/principles/index.js"
import { command, facts } from "/work/main/bench/principles/model.js"
import * as g from "/work/main/bench/principles/generated/rules.generated.js"
const size = Number(process.argv[2] ?? 10)
const plain = g.plain.slice(0, size)
const engine = Engine.makeUnsafe<any, any>({ rules: g.engineRules.slice(0, size) })
const checks = g.engineRules.slice(0, size).map((r) => r.check)
const builders = g.engineRules.slice(0, size).map((r) => r.verdict)
const runPlain = (c: any, f: any) => { let v: any; for (let i = 0; i < plain.length; i++) if (plain[i]!(c, f)) (v ??= []).push(i); return v }
const runManual = (c: any, f: any) => { for (let i = 0, n = checks.length; i < n; i++) { const v = checks[i]!(c, f, builders[i]!); if (v._tag !== "Allow") return v } return Decision.allowed }
const t = (name: string, fn: () => unknown) => {
  for (let w = 0; w < 3; w++) { const s = performance.now(); let k = 0; for (let i = 0; i < 2e6 / size * 10; i++) if (fn() !== undefined) k++; const e = performance.now() - s; if (w === 2) console.log(name, (e * 1e6 / (2e6 / size * 10)).toFixed(1), "ns") }
}
for (let r = 0; r < 2; r++) {
t("plain", () => runPlain(command, facts))
t("check", () => engine.check(command, facts) === Decision.allowed ? undefined : 1)
t("manual", () => runManual(command, facts) === Decision.allowed ? undefined : 1)
}
const idx = new Map<string, any>([["RecordContact", { checks, builders }], ["A", {}], ["B", {}]])
const obj: Record<string, any> = Object.create(null); obj["RecordContact"] = { checks, builders }; obj["A"] = {}; obj["B"] = {}
const runMap = (c: any, f: any) => { const cc = idx.get(c._tag); const ch = cc.checks, b = cc.builders; for (let i = 0, n = ch.length; i < n; i++) { const v = ch[i]!(c, f, b[i]!); if (v._tag !== "Allow") return v } return Decision.allowed }
const runObj = (c: any, f: any) => { const cc = obj[c._tag]; const ch = cc.checks, b = cc.builders; for (let i = 0, n = ch.length; i < n; i++) { const v = ch[i]!(c, f, b[i]!); if (v._tag !== "Allow") return v } return Decision.allowed }
for (let r = 0; r < 2; r++) {
t("map", () => runMap(command, facts) === Decision.allowed ? undefined : 1)
t("obj", () => runObj(command, facts) === Decision.allowed ? undefined : 1)
t("plain", () => runPlain(command, facts))
}
let lastTag = "", last: any
const runCache = (c: any, f: any) => { const tag = c._tag; let cc = last; if (tag !== lastTag) { cc = last = idx.get(tag); lastTag = tag } const ch = cc.checks, b = cc.builders; for (let i = 0, n = ch.length; i < n; i++) { const v = ch[i]!(c, f, b[i]!); if (v._tag !== "Allow") return v } return Decision.allowed }
for (let r = 0; r < 3; r++) {
t("cache", () => runCache(command, facts) === Decision.allowed ? undefined : 1)
t("map", () => runMap(command, facts) === Decision.allowed ? undefined : 1)
t("manual", () => runManual(command, facts) === Decision.allowed ? undefined : 1)
t("plain", () => runPlain(command, facts))
}
