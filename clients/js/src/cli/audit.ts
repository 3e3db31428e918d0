#!/usr/bin/env node
// callora-audit FILE...: the backfill gate. FILE is a getEvents dump
// ({deployments, events}, as clients/js/test/fixtures/backfill.json) or a
// list of WASM ranges ({ranges}). Prints every (contract, WASM, ledgers)
// range with its decoder variant; exits 1 naming each range whose WASM hash
// has no registered decoder variant, 2 on bad input.
import { audit, deriveHistory, type WasmRange } from "../history.js";
import { REGISTRY } from "../registry.js";
import { readHistory } from "./io.js";

const files = process.argv.slice(2);
if (files.length === 0 || files.includes("--help")) {
  console.error("usage: callora-audit HISTORY.json...   (getEvents dump {deployments, events} or {ranges})");
  process.exit(2);
}
let failed = false;
for (const file of files) {
  let ranges: WasmRange[];
  try {
    const h = readHistory(file);
    ranges = h.ranges ?? deriveHistory(h.deployments, h.events);
  } catch (e) {
    console.error(`callora-audit: ${file}: ${(e as Error).message}`);
    process.exit(2);
  }
  console.log(`${file}: ${ranges.length} WASM range(s)`);
  for (const r of ranges) {
    const e = REGISTRY.find(r.wasmHash);
    const decoder = e ? `${e.contract} v${e.version}` : "NO DECODER";
    console.log(`  ${r.contractId}  ${r.wasmHash}  ledgers ${r.firstLedger}..${r.lastLedger ?? "now"}  ${decoder}`);
  }
  const problems = audit(ranges);
  for (const p of problems) console.error(`callora-audit: REFUSED: ${p.message}`);
  if (problems.length) failed = true;
}
if (failed) {
  console.error("callora-audit: backfill refused: register a decoder variant for every hash above first");
  process.exit(1);
}
console.log("callora-audit: every WASM hash in the history has a decoder variant");
