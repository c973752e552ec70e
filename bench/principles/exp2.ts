import { command, facts } from "/work/main/bench/principles/model.js"
import * as g from "/work/main/bench/principles/generated/rules.generated.js"
const size = Number(process.argv[2] ?? 1000)
const plain = g.plain.slice(0, size)
const runPlain = (c: any, f: any) => { let v: any; for (let i = 0; i < plain.length; i++) if (plain[i]!(c, f)) (v ??= []).push(i); return v }
for (let r = 0; r < 5; r++) { const n = 2e6 / size; const s = performance.now(); for (let i = 0; i < n; i++) runPlain(command, facts); console.log(size, ((performance.now() - s) * 1e6 / n / size).toFixed(1), "ns/rule") }
