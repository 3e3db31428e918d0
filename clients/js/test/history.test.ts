// WASM ranges: the upgraded event belongs to the old code, what follows it
// (in the same ledger too) to the new one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { xdr } from "@stellar/stellar-sdk";
import { backfill, deriveHistory, rangeAt, type RpcEventJson } from "../src/index.js";
import { readJson, root, sha256, wasmPath } from "./helpers.js";

const CID = "CAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAD2KM";
const id = (ledger: number, tx: number, index: number) =>
  `${((BigInt(ledger) << 32n) | (BigInt(tx) << 12n)).toString().padStart(19, "0")}-${String(index).padStart(10, "0")}`;

function golden(contract: string, version: number, event: string, ledger: number, eventId: string): RpcEventJson {
  const fx = readJson(join(root, "docs/events/fixtures", contract, `v${version}`, `${event}.json`));
  return { type: "contract", ledger, contractId: CID, id: eventId, txHash: "00".repeat(32), topic: fx.topics_xdr, value: fx.data_xdr };
}

function upgraded(to: string, from: number, ledger: number, eventId: string): RpcEventJson {
  return {
    type: "contract",
    ledger,
    contractId: CID,
    id: eventId,
    txHash: "11".repeat(32),
    topic: [xdr.ScVal.scvSymbol("upgraded").toXDR("base64")],
    value: xdr.ScVal.scvMap([
      new xdr.ScMapEntry({ key: xdr.ScVal.scvSymbol("from_version"), val: xdr.ScVal.scvU32(from) }),
      new xdr.ScMapEntry({ key: xdr.ScVal.scvSymbol("new_wasm_hash"), val: xdr.ScVal.scvBytes(Buffer.from(to, "hex")) }),
    ]).toXDR("base64"),
  };
}

test("history: an upgrade and a later transaction in the same ledger", () => {
  const [h1, h2, h3] = [1, 2, 3].map((v) => sha256(wasmPath("settlement", v)));
  const events = [
    golden("settlement", 1, "developer_credited", 10, id(10, 1, 0)),
    upgraded(h2, 1, 20, id(20, 1, 0)),
    // Same ledger, next transaction: already v2 code.
    golden("settlement", 2, "developer_credited", 20, id(20, 2, 0)),
    upgraded(h2, 2, 25, id(25, 1, 0)), // the same hash again: the range continues
    upgraded(h3, 2, 30, id(30, 1, 0)),
    golden("settlement", 3, "retired", 31, id(31, 1, 0)),
  ];
  const ranges = deriveHistory([{ contractId: CID, wasmHash: h1, ledger: 5 }], events);
  assert.deepEqual(
    ranges.map((r) => [r.version, r.firstLedger, r.lastLedger]),
    [[1, 5, 20], [2, 20, 30], [3, 30, null]],
  );
  assert.equal(rangeAt(ranges, CID, 20, id(20, 1, 0))!.version, 1, "the upgraded event is the old code's");
  assert.equal(rangeAt(ranges, CID, 20, id(20, 2, 0))!.version, 2);
  const { records } = backfill({ deployments: [{ contractId: CID, wasmHash: h1, ledger: 5 }], events });
  assert.deepEqual(records.map((r) => [r.event, r.version]), [
    ["developer_credited", 1],
    ["upgraded", 1],
    ["developer_credited", 2],
    ["upgraded", 2],
    ["upgraded", 2],
    ["retired", 3],
  ]);
  // Both developer_credited records have the same shape (vault from topic 2 in v1).
  assert.deepEqual(Object.keys(records[0]), Object.keys(records[2]));
});

test("history: events of a contract without a deployment are refused", () => {
  assert.throws(
    () => deriveHistory([], [upgraded("ab".repeat(32), 1, 3, id(3, 1, 0))]),
    /has upgraded events but no deployment/,
  );
  assert.throws(
    () => backfill({ deployments: [], events: [golden("settlement", 1, "vault_set", 3, id(3, 1, 0))] }),
    /outside every known WASM range/,
  );
});
