// The metering module offline: argument encoding against the WASM's spec,
// the error mapping, the retry decision table and the protocol loop.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Address, contract, scValToNative, xdr } from "@stellar/stellar-sdk";
import { Client as VaultClient } from "../bindings/vault/src/index.js";
import { metering } from "../src/index.js";
import { root } from "./helpers.js";

const {
  BatchAuthMismatchError,
  DuplicateRequestError,
  RequestExpiredError,
  VaultContractError,
  VAULT_ERROR_NAMES,
  batchCallDigest,
  batchDigest,
  checkBatchAuth,
  columns,
  decide,
  encodeBatch,
  encodeDeduct,
  parseVaultError,
  planBatch,
  planDeduct,
  rows,
  settle,
  vaultError,
} = metering;

const wasmSpec = () => contract.Spec.fromWasm(readFileSync(join(root, "artifacts/callora_vault.wasm")));
const G = "GAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAWHF";
const DEV = "CAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAD2KM";
const OTHER = "CAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAOLZM";

function offlineClient(): VaultClient {
  return new VaultClient({ contractId: DEV, networkPassphrase: "Test SDF Network ; September 2015", rpcUrl: "http://127.0.0.1:1", allowHttp: true });
}

const CALLS = [
  { requestId: "a", amount: 3n, developer: DEV },
  { requestId: "b", amount: 4n, developer: null },
  { requestId: "c", amount: 5n, developer: DEV },
];

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
  const batch = planBatch({ requestId: "batch-1", calls: CALLS, latestLedger: 500, validity: 720 });
  assert.equal(batch.validUntilLedger, 1_220);
  const c = encodeBatch(offlineClient().spec, G, batch);
  assert.deepEqual(c.map((v) => v.toXDR("base64")), encodeBatch(wasmSpec(), G, batch).map((v) => v.toXDR("base64")));
  // caller, request_id, batch, valid_until_ledger; the batch decodes back to its columns.
  assert.deepEqual(c.map((v) => v.type), ["scvAddress", "scvString", "scvMap", "scvU32"]);
  assert.equal(scValToNative(c[1]), "batch-1");
  assert.deepEqual(scValToNative(c[2]), {
    request_ids: ["a", "b", "c"],
    amounts: [3n, 4n, 5n],
    developer_index: [0, 1, 0],
    developers: [DEV, null],
  });
  assert.equal(scValToNative(c[3]), 1_220);
});

test("metering: a batch's calls become columns, each developer listed once", () => {
  const b = columns(CALLS);
  assert.deepEqual(b, { request_ids: ["a", "b", "c"], amounts: [3n, 4n, 5n], developer_index: [0, 1, 0], developers: [DEV, null] });
  assert.deepEqual(rows(b), CALLS);
  assert.throws(() => rows({ ...b, amounts: [3n] }), /InvalidBatch/);
  assert.throws(() => rows({ ...b, developer_index: [0, 2, 0] }), /InvalidBatch/);
});

test("metering: the batch digest is sha256 of the XDR of [request_id, batch, valid_until_ledger]", () => {
  const call = planBatch({ requestId: "batch-1", calls: CALLS, latestLedger: 500 });
  const args = encodeBatch(wasmSpec(), G, call);
  const want = createHash("sha256").update(Buffer.from(xdr.ScVal.scvVec(args.slice(1)).toXDR())).digest("hex");
  for (const spec of [wasmSpec(), offlineClient().spec]) {
    const d = batchCallDigest(spec, call);
    assert.equal(d.length, 32);
    assert.equal(d.toString("hex"), want);
    assert.equal(batchDigest(spec, call.requestId, call.batch, call.validUntilLedger).toString("hex"), want);
  }
  // Every argument but the caller is bound.
  const changed = [
    { ...call, requestId: "batch-2" },
    { ...call, validUntilLedger: call.validUntilLedger + 1 },
    { ...call, batch: { ...call.batch, request_ids: ["a", "b", "d"] } },
    { ...call, batch: { ...call.batch, amounts: [3n, 4n, 6n] } },
    { ...call, batch: { ...call.batch, developer_index: [0, 1, 1] } },
    { ...call, batch: { ...call.batch, developers: [DEV, OTHER] } },
  ];
  for (const c of changed) assert.notEqual(batchCallDigest(wasmSpec(), c).toString("hex"), want);
});

/**
 * The batch digest test vector, computed in Rust by the vault's own code
 * (`contracts/tests`).
 */
const DIGEST_VECTORS = join(root, "docs/interfaces/batch_digest.json");

interface DigestVector {
  request_id: string;
  batch: { request_ids: string[]; amounts: string[]; developer_index: number[]; developers: (string | null)[] };
  valid_until_ledger: number;
  digest_hex: string;
  /** base64 XDR of the `batch` argument (ScVal). */
  batch_xdr?: string;
  /** base64 XDR of the ScVal::Vec the digest hashes. */
  preimage_xdr?: string;
  /** The vault, and the base64 XDR of the SorobanAuthorizedInvocation the host recorded for the backend. */
  vault?: string;
  invocation_xdr?: string;
}

function digestVectors(): DigestVector[] {
  assert.ok(existsSync(DIGEST_VECTORS), `${DIGEST_VECTORS} missing: the batch digest vectors are written by contracts/tests (Rust)`);
  const json = JSON.parse(readFileSync(DIGEST_VECTORS, "utf8"));
  const list: DigestVector[] = Array.isArray(json.vectors) ? json.vectors : [json];
  assert.ok(list.length > 0, "no vectors");
  return list;
}

const nativeBatch = (v: DigestVector): metering.DeductBatch => ({ ...v.batch, amounts: v.batch.amounts.map((a) => BigInt(a)) });

test("metering: batchDigest equals the digest the vault computes (Rust test vectors)", () => {
  for (const v of digestVectors()) {
    const batch = nativeBatch(v);
    const args = encodeBatch(wasmSpec(), G, { requestId: v.request_id, batch, validUntilLedger: v.valid_until_ledger });
    if (v.batch_xdr) assert.equal(args[2].toXDR("base64"), v.batch_xdr, `${v.request_id}: the batch argument`);
    if (v.preimage_xdr) assert.equal(xdr.ScVal.scvVec(args.slice(1)).toXDR("base64"), v.preimage_xdr, `${v.request_id}: preimage`);
    assert.ok(v.batch_xdr || v.preimage_xdr, "the vector carries the encoded batch");
    for (const spec of [wasmSpec(), offlineClient().spec]) {
      assert.equal(batchDigest(spec, v.request_id, batch, v.valid_until_ledger).toString("hex"), v.digest_hex, v.request_id);
    }
  }
});

function invocation(vault: string, fn: string, args: xdr.ScVal[], sub: xdr.SorobanAuthorizedInvocation[] = []): xdr.SorobanAuthorizedInvocation {
  return new xdr.SorobanAuthorizedInvocation({
    function: xdr.SorobanAuthorizedFunction.sorobanAuthorizedFunctionTypeContractFn(
      new xdr.InvokeContractArgs({ contractAddress: Address.fromString(vault).toScAddress(), functionName: fn, args }),
    ),
    subInvocations: sub,
  });
}

const entry = (rootInvocation: xdr.SorobanAuthorizedInvocation) =>
  new xdr.SorobanAuthorizationEntry({ credentials: xdr.SorobanCredentials.sorobanCredentialsSourceAccount(), rootInvocation });

test("metering: checkBatchAuth signs only an entry over the batch's own digest", () => {
  const call = planBatch({ requestId: "batch-1", calls: CALLS, latestLedger: 500 });
  const digest = batchCallDigest(wasmSpec(), call);
  const bytes = (d: Uint8Array) => [xdr.ScVal.scvBytes(Buffer.from(d))];
  const ok = entry(invocation(DEV, "batch_deduct", bytes(digest)));
  checkBatchAuth([ok], { vault: DEV, digest });
  // Another contract's entry alongside is not this check's business.
  checkBatchAuth([entry(invocation(OTHER, "transfer", [])), ok], { vault: DEV, digest });
  const other = batchCallDigest(wasmSpec(), { ...call, validUntilLedger: call.validUntilLedger + 1 });
  const refused: [string, xdr.SorobanAuthorizationEntry[], RegExp][] = [
    ["no entry", [], /0 entries/],
    ["two entries", [ok, ok], /2 entries/],
    ["another batch's digest", [entry(invocation(DEV, "batch_deduct", bytes(other)))], /expected the digest/],
    ["the arguments in the clear", [entry(invocation(DEV, "batch_deduct", encodeBatch(wasmSpec(), G, call)))], /4 arguments/],
    ["another contract", [entry(invocation(OTHER, "batch_deduct", bytes(digest)))], /expected the vault/],
    ["a sub-invocation", [entry(invocation(DEV, "batch_deduct", bytes(digest), [invocation(OTHER, "transfer", [])]))], /1 sub-invocations/],
  ];
  for (const [label, entries, re] of refused) {
    assert.throws(
      () => checkBatchAuth(entries, { vault: DEV, digest }),
      (e: unknown) => e instanceof BatchAuthMismatchError && re.test(e.message),
      label,
    );
  }
});

test("metering: checkBatchAuth accepts the invocation the host recorded (Rust test vectors)", () => {
  const recorded = digestVectors().filter((v) => v.invocation_xdr && v.vault);
  assert.ok(recorded.length > 0, "docs/interfaces/batch_digest.json carries no invocation_xdr and vault");
  for (const v of recorded) {
    const rootInvocation = xdr.SorobanAuthorizedInvocation.fromXDR(v.invocation_xdr!, "base64");
    const digest = batchDigest(wasmSpec(), v.request_id, nativeBatch(v), v.valid_until_ledger);
    checkBatchAuth([entry(rootInvocation)], { vault: v.vault!, digest });
  }
});

test("metering: calls are checked before the first send", () => {
  assert.throws(() => planDeduct({ requestId: "", amount: 1n, latestLedger: 1 }), /1\.\.64 bytes/);
  assert.throws(() => planDeduct({ requestId: "x".repeat(65), amount: 1n, latestLedger: 1 }), /1\.\.64 bytes/);
  assert.throws(() => planDeduct({ requestId: "r", amount: 0n, latestLedger: 1 }), /positive/);
  assert.throws(() => planDeduct({ requestId: "r", amount: 1n, latestLedger: 1, validity: 721 }), /0\.\.720/);
  const call = (requestId: string, developer: string | null = null) => ({ requestId, amount: 1n, developer });
  assert.throws(() => planBatch({ requestId: "", calls: [call("a")], latestLedger: 1 }), /batch request id must be 1\.\.64 bytes/);
  assert.throws(() => planBatch({ requestId: "b", calls: [], latestLedger: 1 }), /at least one call/);
  assert.throws(() => planBatch({ requestId: "b", calls: [call("x".repeat(65))], latestLedger: 1 }), /call request id must be 1\.\.64 bytes/);
  assert.throws(() => planBatch({ requestId: "b", calls: [call("a"), call("a")], latestLedger: 1 }), /twice/);
  assert.throws(() => planBatch({ requestId: "b", calls: [{ ...call("a"), amount: 0n }], latestLedger: 1 }), /positive/);
  const many = Array.from({ length: metering.MAX_BATCH_DEDUCT + 1 }, (_, i) => call(`c-${i}`));
  assert.throws(() => planBatch({ requestId: "b", calls: many, latestLedger: 1 }), /InvalidBatchSize/);
  assert.equal(planBatch({ requestId: "b", calls: many.slice(1), latestLedger: 1 }).batch.request_ids.length, metering.MAX_BATCH_DEDUCT);
  // At most MAX_BATCH_DEVELOPERS distinct named developers, the pool aside.
  const dev = (i: number) => Address.contract(Buffer.alloc(32, i + 1)).toString();
  const devs = Array.from({ length: metering.MAX_BATCH_DEVELOPERS + 1 }, (_, i) => call(`d-${i}`, dev(i)));
  assert.throws(() => planBatch({ requestId: "b", calls: devs, latestLedger: 1 }), /TooManyDevelopers/);
  const ok = planBatch({ requestId: "b", calls: [...devs.slice(1), call("pool")], latestLedger: 1 });
  assert.equal(ok.batch.developers.length, metering.MAX_BATCH_DEVELOPERS + 1);
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
  const asked: string[] = [];
  let ledger = 90;
  const ledgers = [...(opts.ledgers ?? [])];
  const io: metering.VaultIo = {
    async send(call) {
      sent.push(structuredClone(call));
      return outcomes.shift() ?? { kind: "unknown" };
    },
    async isProcessed(requestId) {
      asked.push(requestId);
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
  return { io, sent, asked };
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

test("metering: a batch settles under its own request id", async () => {
  const call = planBatch({ requestId: "batch-7", calls: CALLS, latestLedger: 40 });
  const dup = fakeIo([{ kind: "unknown" }, { kind: "error", error: vaultError(107) }]);
  assert.deepEqual(await settle(dup.io, call), { charged: true, via: "duplicate" });
  for (const s of dup.sent) assert.deepEqual(s, call, "identical resends");
  const expired = fakeIo([{ kind: "unknown" }, { kind: "error", error: vaultError(120) }], { processed: true });
  assert.deepEqual(await settle(expired.io, call), { charged: true, via: "processed" });
  assert.deepEqual(expired.asked, ["batch-7"], "is_request_processed(batch id), not a call's id");
});
