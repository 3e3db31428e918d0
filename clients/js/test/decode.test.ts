// The decoder against every golden event fixture of every version, in both
// getEvents forms, and its refusals.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { scValToNative, xdr } from "@stellar/stellar-sdk";
import {
  CANONICAL_KEYS,
  CONTRACTS,
  DecodeError,
  REGISTRY,
  UnknownWasmHashError,
  VARIANTS,
  decodeEvent,
  toJson,
  type CanonicalRecord,
  type EventName,
  type RpcEventJson,
  type SdkParsedEvent,
} from "../src/index.js";
import { fixtureVersions, readJson, root, sha256, wasmPath } from "./helpers.js";

const CID = "CAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAD2KM";

interface Fixture {
  contract: string;
  version: number;
  event: string;
  topics_xdr: string[];
  data_xdr: string;
  expected: Record<string, unknown>;
}

function rpcForm(fx: { topics_xdr: string[]; data_xdr: string }, ledger = 7): RpcEventJson {
  return { type: "contract", ledger, contractId: CID, id: "0000000030064775168-0000000000", txHash: "ab".repeat(32), topic: fx.topics_xdr, value: fx.data_xdr };
}

function sdkForm(fx: { topics_xdr: string[]; data_xdr: string }): SdkParsedEvent {
  return {
    type: "contract",
    ledger: 7,
    contractId: { contractId: () => CID },
    id: "0000000030064775168-0000000000",
    txHash: "ab".repeat(32),
    topic: fx.topics_xdr.map((t) => xdr.ScVal.fromXDR(t, "base64")),
    value: xdr.ScVal.fromXDR(fx.data_xdr, "base64"),
  };
}

/** The canonical fields a fixture's raw fields must give. */
function canonicalOf(event: string, expected: Record<string, unknown>): Record<string, unknown> {
  if (event === "batch_deduct") {
    const ids = expected.request_ids as string[];
    const devs = expected.developers as (string | null)[];
    const idx = expected.developer_index as number[];
    const amounts = expected.amounts as string[];
    return {
      request_id: expected.request_id,
      items: ids.map((request_id, i) => ({ request_id, amount: amounts[i], developer: devs[idx[i]] })),
      total: expected.total,
      balance: expected.balance,
    };
  }
  return Object.fromEntries(CANONICAL_KEYS[event as EventName].map((k) => [k, k in expected ? expected[k] : null]));
}

for (const contract of CONTRACTS) {
  for (const version of fixtureVersions(contract)) {
    test(`decode: every ${contract} v${version} golden fixture, both getEvents forms`, () => {
      const hash = sha256(wasmPath(contract, version));
      assert.equal(REGISTRY.get(hash).version, version);
      const dir = join(root, "docs/events/fixtures", contract, `v${version}`);
      const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
      const names = Object.keys(VARIANTS[contract][version] ?? {}).sort();
      assert.deepEqual(files.map((f) => f.slice(0, -5)).sort(), names, "one variant per event of this version");
      for (const file of files) {
        const fx = readJson<Fixture>(join(dir, file));
        const a = decodeEvent(rpcForm(fx), hash);
        const b = decodeEvent(sdkForm(fx), hash);
        assert.deepEqual(a, b, `${file}: same record from both forms`);
        assert.equal(a.event, fx.event);
        assert.equal(a.contract, contract);
        assert.equal(a.version, version);
        assert.equal(a.wasmHash, hash);
        const { event, contract: _c, contractId, wasmHash, version: _v, ledger, txHash, eventId, ...fields } = toJson(a) as Record<string, unknown>;
        void [event, _c, contractId, wasmHash, _v, ledger, txHash, eventId];
        assert.deepEqual(fields, canonicalOf(fx.event, fx.expected), `${contract} v${version} ${file}`);
      }
    });
  }
}

const v1Credit = () => readJson<Fixture>(join(root, "docs/events/fixtures/settlement/v1/developer_credited.json"));
const v2Credit = () => readJson<Fixture>(join(root, "docs/events/fixtures/settlement/v2/developer_credited.json"));

test("decode: developer_credited has one shape, vault from topic 2 (v1) or the data (v2+)", () => {
  const a = decodeEvent(rpcForm(v1Credit()), sha256(wasmPath("settlement", 1)));
  const b = decodeEvent(rpcForm(v2Credit()), sha256(wasmPath("settlement", 2)));
  assert.deepEqual(Object.keys(a), Object.keys(b));
  assert.equal(a.event, "developer_credited");
  if (a.event === "developer_credited") assert.equal(a.vault, v1Credit().expected.vault);
  if (b.event === "developer_credited") assert.equal(b.vault, v2Credit().expected.vault);
});

test("decode: an unknown WASM hash is refused, naming it", () => {
  const h = "cd".repeat(32);
  assert.throws(() => decodeEvent(rpcForm(v2Credit()), h), (e: unknown) => e instanceof UnknownWasmHashError && e.message.includes(h));
});

test("decode: a v2 event under the v1 hash is refused (topic slots), naming event, version and hash", () => {
  const h = sha256(wasmPath("settlement", 1));
  assert.throws(
    () => decodeEvent(rpcForm(v2Credit()), h),
    (e: unknown) => e instanceof DecodeError && e.message.includes(`settlement v1 (WASM ${h}) event developer_credited`) && /2 topic slots, this version has 3/.test(e.message),
  );
});

test("decode: a renamed field is refused, naming event, version, hash and field", () => {
  const fx = v2Credit();
  const data = xdr.ScVal.fromXDR(fx.data_xdr, "base64") as unknown as { map: { key: xdr.ScVal; val: xdr.ScVal }[] };
  const amount = data.map.find((e) => scValToNative(e.key) === "amount")!;
  amount.key = xdr.ScVal.scvSymbol("amt");
  const renamed = { ...fx, data_xdr: (data as unknown as xdr.ScVal).toXDR("base64") };
  const h = sha256(wasmPath("settlement", 2));
  assert.throws(
    () => decodeEvent(rpcForm(renamed), h),
    (e: unknown) =>
      e instanceof DecodeError &&
      e.message.includes(`settlement v2 (WASM ${h}) event developer_credited`) &&
      e.message.includes("data has no field `amount` (fields present: amt, balance, vault)"),
  );
});

test("decode: a sparse map (an Option field omitted) reads as null", () => {
  const fx = readJson<Fixture>(join(root, "docs/events/fixtures/vault/v2/settlement_set.json"));
  const sparse = { ...fx, data_xdr: xdr.ScVal.scvMap([]).toXDR("base64") };
  const r = decodeEvent(rpcForm(sparse), sha256(wasmPath("vault", 2))) as CanonicalRecord;
  assert.equal(r.event, "settlement_set");
  if (r.event === "settlement_set") assert.equal(r.settlement, null);
  // A required field is not optional: omitted, it is refused.
  const dep = readJson<Fixture>(join(root, "docs/events/fixtures/vault/v2/deposit.json"));
  assert.throws(() => decodeEvent(rpcForm({ ...dep, data_xdr: xdr.ScVal.scvMap([]).toXDR("base64") }), sha256(wasmPath("vault", 2))), /data has no field `amount`/);
});

test("decode: an event name a version does not have is refused", () => {
  const fx = readJson<Fixture>(join(root, "docs/events/fixtures/settlement/v2/retired.json"));
  assert.throws(() => decodeEvent(rpcForm(fx), sha256(wasmPath("settlement", 1))), /settlement v1 .* event retired.*not an event of this version/);
});
