#!/usr/bin/env node
// callora-watch FILE [--contract ID] [--json]: every event that changes who
// can take what (admin handover, backend, routing, spend limit, upgrade,
// retire, sweep, takeover, vault registry), per contract, newest first.
// FILE is a getEvents dump ({deployments, events}); the audit gate runs first.
import { backfill } from "../backfill.js";
import { toJson } from "../records.js";
import { watchList } from "../watch.js";
import { readHistory } from "./io.js";

const args = process.argv.slice(2);
const json = args.includes("--json");
const at = args.indexOf("--contract");
const only = at >= 0 ? args[at + 1] : undefined;
const file = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--contract");
if (!file) {
  console.error("usage: callora-watch EVENTS.json [--contract C...] [--json]");
  process.exit(2);
}
try {
  const h = readHistory(file);
  if (!h.events) throw new Error("needs a getEvents dump ({deployments, events})");
  const list = watchList(backfill(h).records);
  const entries = [...list.entries()].filter(([id]) => !only || id === only);
  if (json) {
    console.log(JSON.stringify(toJson(Object.fromEntries(entries)), null, 2));
  } else {
    for (const [id, items] of entries) {
      console.log(`${items[0].contract} ${id}: ${items.length} event(s), newest first`);
      for (const i of items) {
        console.log(`  ${i.alert ? "!" : " "} ledger ${i.ledger}  ${i.event.padEnd(22)} ${i.summary}  (tx ${i.txHash.slice(0, 12)}…)`);
      }
    }
  }
} catch (e) {
  console.error(`callora-watch: ${(e as Error).message}`);
  process.exit(1);
}
