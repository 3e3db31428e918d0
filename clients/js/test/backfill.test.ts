// The backfill replay: the stream recorded by contracts/tests/src/backfill.rs
// (v1 -> v2 -> v3 in-place upgrades of all three contracts and a v3
// settlement redeploy) decodes into exactly the expected canonical records:
// zero dropped, zero unknown, every event name of every version covered.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { xdr } from "@stellar/stellar-sdk";
import {
  AuditError,
  CONTRACTS,
  DecodeError,
  VARIANTS,
  audit,
  backfill,
  charges,
  deriveHistory,
  toJson,
  type EventStream,
} from "../src/index.js";
import { fixture, pkg, readJson } from "./helpers.js";

const stream = (): EventStream => readJson(fixture("backfill.json"));
const expected = () => readJson(fixture("backfill.expected.json"));

test("backfill: the WASM ranges equal the scenario's", () => {
  const s = stream();
  const ranges = deriveHistory(s.deployments, s.events);
  const got = ranges.map(({ contractId, contract, wasmHash, version, firstLedger, lastLedger }) => ({
    contractId, contract, wasmHash, version, firstLedger, lastLedger,
  }));
  const sort = (a: any, b: any) => a.contractId.localeCompare(b.contractId) || a.firstLedger - b.firstLedger;
  assert.deepEqual(got.sort(sort), [...expected().ranges].sort(sort));
  assert.deepEqual(audit(ranges), []);
});

test("backfill: every event decodes to its expected canonical record", () => {
  const s = stream();
  const { records } = backfill(s);
  const want = expected().records as Record<string, unknown>[];
  assert.equal(records.length, s.events.length, "zero dropped");
  assert.equal(records.length, want.length);
  records.forEach((r, i) => {
    const w = want[i];
    assert.deepEqual(
      toJson(r),
      w,
      `record ${i}: ${w.contract} v${w.version} (WASM ${w.wasmHash}) event ${w.event} at ledger ${w.ledger}`,
    );
  });
});

test("backfill: the SDK's parsed getEvents form gives the same records", () => {
  const s = stream();
  const parsed: EventStream = {
    deployments: s.deployments,
    events: s.events.map((e: any) => ({
      ...e,
      contractId: { contractId: () => e.contractId },
      topic: e.topic.map((t: string) => xdr.ScVal.fromXDR(t, "base64")),
      value: xdr.ScVal.fromXDR(e.value, "base64"),
    })),
  };
  assert.deepEqual(backfill(parsed).records, backfill(s).records);
});

test("backfill: the stream covers every event name of every version of every contract", () => {
  const { records } = backfill(stream());
  const seen = new Set(records.map((r) => `${r.contract} v${r.version} ${r.event}`));
  const missing: string[] = [];
  for (const c of CONTRACTS) {
    for (const [v, events] of Object.entries(VARIANTS[c])) {
      for (const name of Object.keys(events)) if (!seen.has(`${c} v${v} ${name}`)) missing.push(`${c} v${v} ${name}`);
    }
  }
  assert.deepEqual(missing, []);
  // Per contract and version (reported in docs/indexers.md).
  const counts: Record<string, number> = {};
  for (const r of records) counts[`${r.contract} v${r.version}`] = (counts[`${r.contract} v${r.version}`] ?? 0) + 1;
  for (const c of CONTRACTS) for (const v of [1, 2, 3]) assert.ok(counts[`${c} v${v}`] > 0, `${c} v${v}`);
});

test("backfill: charges() flattens deducts and v3 batches", () => {
  const { records } = backfill(stream());
  const list = charges(records);
  const ids = list.map((c) => c.request_id);
  assert.equal(new Set(ids).size, ids.length, "every call id appears once");
  // Each id the vault recorded (a deduct's, a v3 batch's) was charged by one transaction.
  const recorded = new Map<string, string>();
  for (const c of list) {
    const id = c.batch_id ?? c.request_id;
    assert.equal(recorded.get(id) ?? c.txHash, c.txHash, `${id} recorded by one transaction`);
    recorded.set(id, c.txHash);
  }
  const batch = records.find((r) => r.event === "batch_deduct");
  assert.ok(batch && batch.event === "batch_deduct");
  const items = list.filter((c) => c.txHash === batch.txHash);
  assert.equal(items.length, batch.items.length);
  assert.deepEqual(items.map((c) => c.request_id), batch.items.map((i) => i.request_id));
  assert.ok(items.every((c) => c.batch_id === batch.request_id && c.version === 3));
  assert.deepEqual(items.map((c) => c.balance), [...batch.items.slice(1).map(() => null), batch.balance]);
  assert.equal(items.reduce((a, c) => a + c.amount, 0n), batch.total);
  // Deducts (v1-v2 batch items too) carry no batch id.
  assert.ok(list.filter((c) => c.txHash !== batch.txHash).every((c) => c.batch_id === null));
});

/** The stream with one more upgrade of the vault, to `hash`, after its last event. */
function withForeignUpgrade(hash: string): EventStream {
  const s = stream();
  const vault = s.deployments.find((d: any) => d.contract === "vault")!;
  const last = s.events[s.events.length - 1] as any;
  const ledger = last.ledger + 1;
  const upgraded = {
    ...last,
    ledger,
    contractId: vault.contractId,
    id: `${((BigInt(ledger) << 32n) | 4096n).toString().padStart(19, "0")}-0000000000`,
    topic: [xdr.ScVal.scvSymbol("upgraded").toXDR("base64")],
    value: xdr.ScVal.scvMap([
      new xdr.ScMapEntry({ key: xdr.ScVal.scvSymbol("from_version"), val: xdr.ScVal.scvU32(3) }),
      new xdr.ScMapEntry({ key: xdr.ScVal.scvSymbol("new_wasm_hash"), val: xdr.ScVal.scvBytes(Buffer.from(hash, "hex")) }),
    ]).toXDR("base64"),
  };
  return { deployments: s.deployments, events: [...s.events, upgraded] };
}

test("audit gate: an unregistered WASM hash in the history refuses the backfill, naming the range", () => {
  const foreign = "ee".repeat(32);
  const s = withForeignUpgrade(foreign);
  assert.throws(
    () => backfill(s),
    (e: unknown) => e instanceof AuditError && e.message.includes(`ran WASM ${foreign} over ledgers`) && e.message.includes("no decoder variant"),
  );
});

test("audit gate: a contract deployed from an unregistered WASM is refused, naming it", () => {
  const s = stream();
  const foreign = "dd".repeat(32);
  const d = { ...s.deployments[0], contractId: "CDLZFC3SYJYDZT7K67VZ75HPJVIEUVNIXF47ZG2FB2RMQQVU2HHGCYSC", wasmHash: foreign };
  assert.throws(
    () => backfill({ deployments: [...s.deployments, d], events: s.events }),
    (e: unknown) => e instanceof AuditError && e.message.includes(`${d.contractId} ran WASM ${foreign} over ledgers ${d.ledger}..now`),
  );
});

test("audit gate: the CLI passes the recorded history and fails, naming the range, on an unregistered hash", () => {
  const cli = join(pkg, "dist/src/cli/audit.js");
  const ok = execFileSync(process.execPath, [cli, fixture("backfill.json")], { encoding: "utf8" });
  assert.match(ok, /every WASM hash in the history has a decoder variant/);
  const dir = mkdtempSync(join(tmpdir(), "callora-audit-"));
  const bad = join(dir, "history.json");
  const foreign = "ee".repeat(32);
  writeFileSync(bad, JSON.stringify(withForeignUpgrade(foreign)));
  const r = spawnSync(process.execPath, [cli, bad], { encoding: "utf8" });
  assert.equal(r.status, 1);
  assert.match(r.stderr, new RegExp(`REFUSED: C[A-Z0-9]{55} ran WASM ${foreign} over ledgers \\d+\\.\\.now: no decoder variant`));
});

test("backfill: a renamed field fails naming the event, version and hash", () => {
  const s = stream();
  const i = s.events.findIndex((e: any) => {
    const t = xdr.ScVal.fromXDR(e.topic[0], "base64");
    return (t as any).sym && Buffer.from((t as any).sym.bytes ?? []).toString() === "batch_deduct";
  });
  assert.ok(i >= 0);
  const ev = s.events[i] as any;
  const data = xdr.ScVal.fromXDR(ev.value, "base64") as any;
  const entry = data.map.find((e: any) => Buffer.from(e.key.sym.bytes).toString() === "total");
  entry.key = xdr.ScVal.scvSymbol("sum");
  s.events[i] = { ...ev, value: data.toXDR("base64") };
  assert.throws(
    () => backfill(s),
    (e: unknown) => e instanceof DecodeError && /vault v3 \(WASM [0-9a-f]{64}\) event batch_deduct .*data has no field `total`/.test(e.message),
  );
});
