// The metering module offline: argument encoding against the WASM's spec,
// the error mapping, the retry decision table and the protocol loop.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { contract } from "@stellar/stellar-sdk";
import { Client as VaultClient } from "../bindings/vault/src/index.js";
import { metering } from "../src/index.js";
import { root } from "./helpers.js";

const {
  DuplicateRequestError,
  RequestExpiredError,
  VaultContractError,
  VAULT_ERROR_NAMES,
  decide,
  encodeBatch,
  encodeDeduct,
  parseVaultError,
  planBatch,
  planDeduct,
  settle,
  vaultError,
} = metering;

const wasmSpec = () => contract.Spec.fromWasm(readFileSync(join(root, "artifacts/callora_vault.wasm")));
const G = "GAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAWHF";
const DEV = "CAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAD2KM";

function offlineClient(): VaultClient {
  return new VaultClient({ contractId: DEV, networkPassphrase: "Test SDF Network ; September 2015", rpcUrl: "http://127.0.0.1:1", allowHttp: true });
}

test("metering: deduct and batch_deduct encode the same with the bindings and the WASM's spec", () => {
  const call = planDeduct({ requestId: "req-1", amount: 25n, developer: DEV, latestLedger: 1_000 });
  assert.equal(call.validUntilLedger, 1_060);
  const a = encodeDeduct(offlineClient().spec, G, call).map((v) => v.toXDR("base64"));
  const b = encodeDeduct(wasmSpec(), G, call).map((v) => v.toXDR("base64"));
  assert.equal(a.length, 5);
  assert.deepEqual(a, b);
  // None developer = the pool: an Option void.
  const pool = encodeDeduct(wasmSpec(), G, { ...call, developer: null });
  assert.equal(pool[3].type, "scvVoid");
  assert.equal(pool[4].type, "scvU32");
  const batch = planBatch({
    items: [
      { requestId: "a", amount: 3n, developer: DEV },
      { requestId: "b", amount: 4n, developer: null },
    ],
    latestLedger: 500,
    validity: 720,
  });
  assert.equal(batch.validUntilLedger, 1_220);
  assert.deepEqual(
    encodeBatch(offlineClient().spec, G, batch).map((v) => v.toXDR("base64")),
    encodeBatch(wasmSpec(), G, batch).map((v) => v.toXDR("base64")),
  );
});

test("metering: calls are checked before the first send", () => {
  assert.throws(() => planDeduct({ requestId: "", amount: 1n, latestLedger: 1 }), /1\.\.64 bytes/);
  assert.throws(() => planDeduct({ requestId: "x".repeat(65), amount: 1n, latestLedger: 1 }), /1\.\.64 bytes/);
  assert.throws(() => planDeduct({ requestId: "r", amount: 0n, latestLedger: 1 }), /positive/);
  assert.throws(() => planDeduct({ requestId: "r", amount: 1n, latestLedger: 1, validity: 721 }), /0\.\.720/);
  assert.throws(
    () => planBatch({ items: [{ requestId: "a", amount: 1n, developer: null }, { requestId: "a", amount: 1n, developer: null }], latestLedger: 1 }),
    /twice/,
  );
});

test("metering: every vault error code of the WASM maps to a typed error of the same name", () => {
  const cases = wasmSpec().errorCases();
  assert.ok(cases.length > 30);
  for (const c of cases) {
    const e = vaultError(c.value);
    assert.ok(e instanceof VaultContractError);
    assert.equal(e.code, c.value);
    assert.equal(e.errorName, String(c.name));
    assert.equal(VAULT_ERROR_NAMES[c.value], String(c.name));
  }
  assert.equal(Object.keys(VAULT_ERROR_NAMES).length, cases.length);
  assert.ok(vaultError(107) instanceof DuplicateRequestError);
  assert.ok(vaultError(120) instanceof RequestExpiredError);
  assert.throws(() => vaultError(999), /not a vault error code/);
});

test("metering: errors are recognised in every form a failed call produces", () => {
  const hostText = "HostError: Error(Contract, #107)\n\nEvent log (newest first): ...";
  assert.ok(parseVaultError(hostText) instanceof DuplicateRequestError);
  assert.ok(parseVaultError(new Error(hostText)) instanceof DuplicateRequestError);
  assert.ok(parseVaultError({ message: "RequestExpired" }) instanceof RequestExpiredError);
  assert.equal(parseVaultError({ error: { message: "SpendLimitExceeded" } })?.code, 122);
  assert.equal(parseVaultError(103)?.errorName, "InsufficientBalance");
  assert.equal(parseVaultError(new Error("socket hang up")), null);
  assert.equal(parseVaultError("Error(Contract, #301)"), null, "a settlement code is not a vault error");
});

test("metering: the retry decision table (docs/vault.md)", () => {
  const ctx = (latestLedger: number, earlierUnknown = false) => ({ latestLedger, validUntilLedger: 100, earlierUnknown });
  const err = (code: number) => ({ kind: "error" as const, error: vaultError(code) });
  const table: [string, ReturnType<typeof decide>, ReturnType<typeof decide>][] = [
    ["ok", decide({ kind: "ok" }, ctx(50)), { action: "charged" }],
    ["duplicate = already charged", decide(err(107), ctx(50, true)), { action: "already_charged" }],
    ["duplicate after expiry too", decide(err(107), ctx(150, true)), { action: "already_charged" }],
    ["time-out, still valid: resend identical", decide({ kind: "unknown" }, ctx(100)), { action: "resend" }],
    ["time-out, expired: ask is_request_processed", decide({ kind: "unknown" }, ctx(101)), { action: "check_processed" }],
    ["expired: ask is_request_processed", decide(err(120), ctx(101, true)), { action: "check_processed" }],
    ["refused, an earlier send may land: wait past valid_until", decide(err(122), ctx(60, true)), { action: "wait_then_check", afterLedger: 100 }],
    ["refused after expiry with an earlier unknown send", decide(err(103), ctx(101, true)), { action: "check_processed" }],
    ["refused, first send: not charged", decide(err(103), ctx(60)), { action: "not_charged", error: vaultError(103) }],
  ];
  for (const [label, got, want] of table) assert.deepEqual(got, want, label);
});

/** A scripted network: outcomes in order, a ledger clock, processed ids. */
function fakeIo(outcomes: metering.SendOutcome[], opts: { processed?: boolean; ledgers?: number[] } = {}) {
  const sent: unknown[] = [];
  let ledger = 90;
  const ledgers = [...(opts.ledgers ?? [])];
  const io: metering.VaultIo = {
    async send(call) {
      sent.push(structuredClone(call));
      return outcomes.shift() ?? { kind: "unknown" };
    },
    async isProcessed() {
      return opts.processed ?? false;
    },
    async latestLedger() {
      if (ledgers.length) ledger = ledgers.shift()!;
      return ledger;
    },
    async waitPastLedger(l) {
      ledger = Math.max(ledger, l + 1);
    },
  };
  return { io, sent };
}

test("metering: settle resends the identical call and treats DuplicateRequest as charged", async () => {
  const call = planDeduct({ requestId: "r-1", amount: 5n, latestLedger: 40 });
  const { io, sent } = fakeIo([{ kind: "unknown" }, { kind: "unknown" }, { kind: "error", error: vaultError(107) }]);
  assert.deepEqual(await settle(io, call), { charged: true, via: "duplicate" });
  assert.equal(sent.length, 3);
  for (const s of sent) assert.deepEqual(s, call, "identical resends");
});

test("metering: settle after expiry asks is_request_processed", async () => {
  const call = planDeduct({ requestId: "r-2", amount: 5n, latestLedger: 40 });
  const charged = fakeIo([{ kind: "unknown" }, { kind: "error", error: vaultError(120) }], { processed: true });
  assert.deepEqual(await settle(charged.io, call), { charged: true, via: "processed" });
  const never = fakeIo([{ kind: "unknown" }], { processed: false, ledgers: [90, 101] });
  assert.deepEqual(await settle(never.io, call), { charged: false, via: "expired" });
});

test("metering: a refusal after an unknown send waits past valid_until_ledger before settling", async () => {
  const call = planDeduct({ requestId: "r-3", amount: 5n, latestLedger: 40 });
  const { io } = fakeIo([{ kind: "unknown" }, { kind: "error", error: vaultError(122) }], { processed: true });
  assert.deepEqual(await settle(io, call), { charged: true, via: "processed" });
  const first = fakeIo([{ kind: "error", error: vaultError(103) }]);
  const r = await settle(first.io, call);
  assert.equal(r.charged, false);
  assert.equal(r.via, "refused");
});
