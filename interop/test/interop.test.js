// The backend's and an indexer's real client against the contracts of every
// code version, from the WASMs alone: @stellar/stellar-sdk reads each
// contract's spec and must
//  - encode the arguments of every public function through contract.Client,
//    as the backend calls it (and decode them back),
//  - decode every golden event fixture of every version by name, and build
//    the getEvents topic filter that matches it,
//  - map every error code (vault 100-127 and 150-156, revenue pool 200-204
//    and 250-255, settlement 300-317 and 350-355 in the current build) the
//    way contract.Client reports a failed call,
//  - build the current vault's `batch_deduct` as the backend does and compute
//    the digest the backend authorizes it over, equal to the vault's own
//    (the test vector computed in Rust).
// Versions 1 and 2 use their frozen WASMs (contracts/tests/fixtures/v<N>/),
// the current version the build in artifacts/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { contract, scValToNative, xdr } from "@stellar/stellar-sdk";

const root = new URL("../../", import.meta.url).pathname;
// The deployable contracts, their error-code ranges and the current code
// version, as `callora-spec docs` lists them from callora_types (CONTRACTS,
// errors::RANGES, CODE_VERSION).
const INDEX = JSON.parse(readFileSync(`${root}docs/interfaces/index.json`, "utf8"));
const CONTRACTS = INDEX.contracts.map((c) => c.name);
const CURRENT = INDEX.code_version;
const G = "GAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAWHF";
const C = "CAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAD2KM";

// Each contract's error codes in the current build: its own range, then the
// shared admin/upgrade codes at +50 (README, "Why the admin handover is not
// OpenZeppelin's").
const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const CURRENT_ERRORS = {
  vault: [...range(100, 127), ...range(150, 156)],
  revenue_pool: [...range(200, 204), ...range(250, 255)],
  settlement: [...range(300, 317), ...range(350, 355)],
};

// Topic-count changes between consecutive versions, each reviewed in
// docs/schema-diff/ (v1-to-v2.txt): the only ones there may ever be, since
// topic count per event name is frozen from code version 3 on.
const TOPIC_COUNT_CHANGES = new Set(["settlement v1->v2 developer_credited"]);

// Older fixtures the current spec cannot decode to their recorded values,
// each a BREAKING indexer change in docs/schema-diff/.
const UNDECODABLE_WITH_CURRENT = new Map([
  ["settlement/v1/developer_credited", "v2 moved vault from topic 2 to the data (v1-to-v2.txt)"],
]);

function versions(c) {
  return readdirSync(`${root}docs/events/fixtures/${c}`)
    .map((d) => Number(d.slice(1)))
    .sort((a, b) => a - b);
}

function wasmPath(c, version) {
  return version === CURRENT
    ? `${root}artifacts/callora_${c}.wasm`
    : `${root}contracts/tests/fixtures/v${version}/callora_${c}.wasm`;
}

const specs = new Map();
function specOf(c, version) {
  const key = `${c}/${version}`;
  if (!specs.has(key)) specs.set(key, contract.Spec.fromWasm(readFileSync(wasmPath(c, version))));
  return specs.get(key);
}

function fixtures(c, version) {
  const dir = `${root}docs/events/fixtures/${c}/v${version}`;
  return readdirSync(dir)
    .sort()
    .map((file) => ({ file, ...JSON.parse(readFileSync(`${dir}/${file}`)) }));
}

// A JSON-comparable form of what the SDK decodes (as the fixtures record it).
function normalize(v) {
  if (v === undefined || v === null) return null;
  if (typeof v === "bigint") return v.toString();
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return Buffer.from(v).toString("hex");
  if (Array.isArray(v)) return v.map(normalize);
  if (typeof v === "object") {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalize(x)]));
  }
  return v;
}

// A sample native value of a spec type; `none` picks None for every Option.
function sample(spec, t, none) {
  switch (t.type) {
    case "scSpecTypeAddress":
      return G;
    case "scSpecTypeBool":
      return true;
    case "scSpecTypeU32":
    case "scSpecTypeI32":
      return 7;
    case "scSpecTypeU64":
    case "scSpecTypeI64":
    case "scSpecTypeU128":
    case "scSpecTypeI128":
      return 7n;
    case "scSpecTypeString":
      return "req-1";
    case "scSpecTypeSymbol":
      return "sym";
    case "scSpecTypeBytes":
      return Buffer.from([1, 2, 3]);
    case "scSpecTypeBytesN":
      return Buffer.alloc(t.bytesN.n, 0xab);
    case "scSpecTypeOption":
      return none ? null : sample(spec, t.option.valueType, none);
    case "scSpecTypeVec":
      return [sample(spec, t.vec.elementType, none), sample(spec, t.vec.elementType, none)];
    case "scSpecTypeUdt": {
      const entry = spec.findEntry(String(t.udt.name));
      assert.equal(entry.type, "scSpecEntryUdtStructV0", "only structs are passed");
      return Object.fromEntries(
        entry.udtStructV0.fields.map((f) => [String(f.name), sample(spec, f.type, none)]),
      );
    }
    default:
      throw new Error(`no sample for ${t.type}`);
  }
}

// contract.Client as the backend builds it, without a network: each method
// returns the options it would assemble a transaction from.
function offlineClient(spec) {
  const build = contract.AssembledTransaction.build;
  contract.AssembledTransaction.build = (options) => options;
  try {
    const client = new contract.Client(spec, {
      contractId: C,
      networkPassphrase: "Public Global Stellar Network ; September 2015",
      rpcUrl: "http://localhost:1",
      allowHttp: true,
    });
    return {
      call(method, args) {
        contract.AssembledTransaction.build = (options) => options;
        try {
          return spec.getFunc(method).inputs.length === 0 ? client[method]() : client[method](args);
        } finally {
          contract.AssembledTransaction.build = build;
        }
      },
    };
  } finally {
    contract.AssembledTransaction.build = build;
  }
}

// The topic parameters of an event in the spec (after its prefix topics).
function topicParams(event) {
  return event.params.filter((p) => p.location.name === "scSpecEventParamLocationTopicList");
}

// The spec's event emitted under `topic` (topic 0); eventTopicFilter and
// parseEvent name events by their spec (Rust type) name.
function eventNamed(spec, topic) {
  return spec.events().find((e) => String(e.prefixTopics[0]) === topic);
}

// The getEvents topic filter for an event, built by the SDK from the spec.
function filterFor(spec, topic, values) {
  return spec.eventTopicFilter(String(eventNamed(spec, topic).name), values);
}

function slots(spec, topic) {
  return filterFor(spec, topic).length;
}

test("every contract has fixtures for code versions 1 to the current one", () => {
  for (const c of CONTRACTS) assert.deepEqual(versions(c), range(1, CURRENT), c);
});

for (const c of CONTRACTS) {
  for (const version of versions(c)) {
    const spec = specOf(c, version);

    test(`${c} v${version}: every function's arguments encode through contract.Client`, () => {
      const funcs = spec.funcs();
      assert.ok(funcs.length > 10);
      const client = offlineClient(spec);
      let encoded = 0;
      for (const f of funcs) {
        const name = String(f.name);
        const inputs = f.inputs;
        for (const none of [false, true]) {
          const args = Object.fromEntries(
            inputs.map((i) => [String(i.name), sample(spec, i.type, none)]),
          );
          // The constructor's arguments go to Client.deploy, which encodes
          // them with the same funcArgsToScVals; every other function is a
          // Client method.
          const scvals =
            name === "__constructor"
              ? spec.funcArgsToScVals(name, args)
              : client.call(name, args).args ?? [];
          assert.equal(scvals.length, inputs.length, name);
          inputs.forEach((input, k) => {
            const back = spec.scValToNative(scvals[k], input.type);
            assert.deepEqual(
              normalize(back),
              normalize(args[String(input.name)]),
              `${name}(${input.name})`,
            );
          });
          encoded += 1;
        }
      }
      assert.equal(encoded, 2 * funcs.length);
      if (version === CURRENT) {
        // Every function of the generated interface, with its arguments in order.
        const doc = JSON.parse(readFileSync(`${root}docs/interfaces/callora_${c}.json`));
        assert.deepEqual(
          Object.fromEntries(funcs.map((f) => [String(f.name), f.inputs.map((i) => String(i.name))])),
          Object.fromEntries(doc.functions.map((f) => [f.name, f.inputs.map((i) => i.name)])),
        );
      }
    });

    test(`${c} v${version}: every error code maps to its case as contract.Client reports it`, () => {
      const cases = spec.errorCases();
      const byCode = new Map(cases.map((e) => [e.value, e]));
      assert.equal(byCode.size, cases.length, "error codes are unique");
      const { first, last } = INDEX.contracts.find((x) => x.name === c).error_codes;
      const codes = [...byCode.keys()].sort((a, b) => a - b);
      for (const code of codes) assert.ok(code >= first && code <= last, `${code}`);
      if (version === CURRENT) {
        assert.deepEqual(codes, CURRENT_ERRORS[c]);
        // The SDK's map equals the generated interface doc.
        const doc = JSON.parse(readFileSync(`${root}docs/interfaces/callora_${c}.json`));
        assert.deepEqual(
          Object.fromEntries(cases.map((e) => [e.value, String(e.name)])),
          Object.fromEntries(doc.errors.map((e) => [e.code, e.name])),
        );
      } else {
        // Released codes are never renumbered: every one is still in the
        // current build under the same name.
        const now = new Map(specOf(c, CURRENT).errorCases().map((e) => [e.value, String(e.name)]));
        for (const [code, e] of byCode) assert.equal(now.get(code), String(e.name), `${code}`);
      }
      // A failed simulation or transaction as the RPC reports it, parsed by
      // the Client's own error table (built from the spec by the Client).
      const options = offlineClient(spec).call("version");
      for (const [code, e] of byCode) {
        const message = `HostError: Error(Contract, #${code})\n\nEvent log (newest first): ...`;
        const err = contract.AssembledTransaction.prototype.parseError.call({ options }, message);
        assert.ok(err && err.isErr(), `${code} not mapped`);
        assert.equal(err.unwrapErr().message, String(e.doc), `${code}`);
        assert.ok(String(e.doc).length > 0, `${e.name} (${code}) is documented`);
      }
      assert.equal(
        contract.AssembledTransaction.prototype.parseError.call({ options }, "Error(Contract, #99)"),
        undefined,
        "a code outside the contract maps to nothing",
      );
    });

    test(`${c} v${version}: every golden event fixture decodes by name and its topic filter matches`, () => {
      const all = fixtures(c, version);
      const names = spec.events().map((e) => String(e.prefixTopics[0])).sort();
      assert.deepEqual(all.map((fx) => fx.event), names, "one fixture per event in the spec");
      for (const fx of all) {
        assert.equal(fx.contract, c, fx.file);
        assert.equal(fx.version, version, fx.file);
        const parsed = spec.parseEvent(fx.topics_xdr, fx.data_xdr);
        assert.ok(parsed, `${fx.file}: no event spec matched`);
        const event = spec.events().find((e) => String(e.name) === parsed.name);
        assert.equal(String(event.prefixTopics[0]), fx.event, fx.file);
        assert.deepEqual(normalize(parsed.data), fx.expected, fx.file);
        // Every field of the spec's event, and nothing else (the SDK's parser
        // would also accept a missing one).
        assert.deepEqual(
          Object.keys(fx.expected).sort(),
          event.params.map((p) => String(p.name)).sort(),
          `${fx.file}: fields`,
        );
        // The spec's topic count is exactly the event's (the SDK's parser
        // would also accept extra topics).
        const params = topicParams(event);
        assert.equal(fx.topics_xdr.length, event.prefixTopics.length + params.length, fx.file);
        // The getEvents filter for this event and its topic values, built
        // from the spec, is the event's topics, slot for slot.
        const values = Object.fromEntries(
          params.map((p) => [String(p.name), fx.expected[String(p.name)]]),
        );
        assert.deepEqual(filterFor(spec, fx.event, values), fx.topics_xdr, fx.file);
      }
    });

    if (version > 1) {
      test(`${c} v${version - 1} -> v${version}: topic count per event name unchanged`, () => {
        const old = specOf(c, version - 1);
        for (const e of old.events()) {
          const name = String(e.prefixTopics[0]);
          if (!eventNamed(spec, name)) continue;
          const change = `${c} v${version - 1}->v${version} ${name}`;
          if (TOPIC_COUNT_CHANGES.has(change)) {
            assert.notEqual(slots(spec, name), slots(old, name), change);
          } else {
            assert.equal(slots(spec, name), slots(old, name), change);
          }
        }
      });
    }

    if (version < CURRENT) {
      test(`${c} v${version}: the current spec decodes every fixture to its recorded values`, () => {
        const current = specOf(c, CURRENT);
        for (const fx of fixtures(c, version)) {
          const key = `${c}/v${version}/${fx.event}`;
          const parsed = current.parseEvent(fx.topics_xdr, fx.data_xdr);
          const same = parsed && parsed.name && JSON.stringify(normalize(parsed.data)) === JSON.stringify(fx.expected);
          if (UNDECODABLE_WITH_CURRENT.has(key)) {
            assert.ok(!same, `${key} now decodes: drop it from UNDECODABLE_WITH_CURRENT`);
          } else {
            assert.ok(parsed, `${key}: no event of the current spec matches`);
            assert.deepEqual(normalize(parsed.data), fx.expected, key);
          }
        }
      });
    }
  }
}

// ----- the current vault's batch_deduct ------------------------------------

// The batch digest test vector, computed in Rust by the vault's own code
// (contracts/tests): request_id, batch (amounts as decimal strings,
// developers as strkeys or null), valid_until_ledger, digest_hex, batch_xdr
// (the batch argument, base64 XDR).
const DIGEST_VECTORS = `${root}docs/interfaces/batch_digest.json`;
const DEV = "CAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAOLZM";
const BATCH_ARGS = ["caller", "request_id", "batch", "valid_until_ledger"];
const COLUMNS = ["request_ids", "amounts", "developer_index", "developers"];

// The arguments after `caller`, as the spec encodes them, and the digest the
// backend authorizes `batch_deduct` over: sha256 of the XDR of their
// ScVal::Vec.
function batchPreimage(spec, requestId, batch, validUntilLedger) {
  const args = spec.funcArgsToScVals("batch_deduct", {
    caller: G,
    request_id: requestId,
    batch,
    valid_until_ledger: validUntilLedger,
  });
  return xdr.ScVal.scvVec(args.slice(1));
}
function batchDigest(spec, requestId, batch, validUntilLedger) {
  const preimage = batchPreimage(spec, requestId, batch, validUntilLedger).toXDR();
  return createHash("sha256").update(Buffer.from(preimage)).digest("hex");
}

function batchType(spec) {
  return spec.getFunc("batch_deduct").inputs.find((i) => String(i.name) === "batch").type;
}

test(`vault v${CURRENT}: batch_deduct takes one request id and the calls by column, as contract.Client builds it`, () => {
  const spec = specOf("vault", CURRENT);
  assert.deepEqual(spec.getFunc("batch_deduct").inputs.map((i) => String(i.name)), BATCH_ARGS);
  const fields = spec.findEntry("DeductBatch").udtStructV0.fields.map((f) => String(f.name));
  assert.deepEqual([...fields].sort(), [...COLUMNS].sort());
  const batch = {
    request_ids: ["call-1", "call-2", "call-3"],
    amounts: [5n, 7n, 3n],
    developer_index: [0, 1, 0],
    developers: [DEV, null],
  };
  const args = offlineClient(spec).call("batch_deduct", {
    caller: G,
    request_id: "batch-1",
    batch,
    valid_until_ledger: 1060,
  }).args;
  assert.deepEqual(args.map((a) => a.type), ["scvAddress", "scvString", "scvMap", "scvU32"]);
  assert.equal(scValToNative(args[1]), "batch-1");
  // The struct is a map keyed by field name in sorted order; the pool is a void.
  const entries = args[2].map;
  assert.deepEqual(entries.map((e) => String(scValToNative(e.key))), [...COLUMNS].sort());
  const devs = entries.find((e) => scValToNative(e.key) === "developers").val;
  assert.deepEqual(devs.vec.map((d) => d.type), ["scvAddress", "scvVoid"]);
  assert.deepEqual(normalize(spec.scValToNative(args[2], batchType(spec))), normalize(batch));
});

test(`vault v${CURRENT}: the batch_deduct event carries the batch's request id and the columns exactly as the backend sent them`, () => {
  const spec = specOf("vault", CURRENT);
  const event = eventNamed(spec, "batch_deduct");
  assert.deepEqual(
    event.params.map((p) => String(p.name)),
    ["request_id", ...COLUMNS, "total", "balance"],
  );
  assert.equal(topicParams(event).length, 0, "no topic parameters");
  const fx = fixtures("vault", CURRENT).find((f) => f.event === "batch_deduct");
  const parsed = spec.parseEvent(fx.topics_xdr, fx.data_xdr);
  assert.equal(typeof parsed.data.request_id, "string", "the batch's id");
  assert.equal(parsed.data.request_id, fx.expected.request_id);
  assert.equal(
    BigInt(fx.expected.total),
    fx.expected.amounts.reduce((a, x) => a + BigInt(x), 0n),
    "total = sum of amounts",
  );
  // Each column of the event is, byte for byte, the DeductBatch field the
  // backend encodes from the same values.
  const cols = Object.fromEntries(COLUMNS.map((k) => [k, parsed.data[k]]));
  const sent = spec.nativeToScVal(cols, batchType(spec)).map;
  const emitted = xdr.ScVal.fromXDR(fx.data_xdr, "base64").map;
  for (const k of COLUMNS) {
    const a = sent.find((e) => scValToNative(e.key) === k).val.toXDR("base64");
    const b = emitted.find((e) => scValToNative(e.key) === k).val.toXDR("base64");
    assert.equal(b, a, k);
  }
});

test(`vault v${CURRENT}: the batch digest computed from the spec equals the vault's (Rust test vectors)`, () => {
  assert.ok(
    existsSync(DIGEST_VECTORS),
    `${DIGEST_VECTORS} missing: the batch digest vectors are written by contracts/tests (Rust)`,
  );
  const json = JSON.parse(readFileSync(DIGEST_VECTORS, "utf8"));
  const vectors = Array.isArray(json.vectors) ? json.vectors : [json];
  assert.ok(vectors.length > 0);
  const spec = specOf("vault", CURRENT);
  for (const v of vectors) {
    const batch = { ...v.batch, amounts: v.batch.amounts.map((a) => BigInt(a)) };
    assert.ok(v.batch_xdr || v.preimage_xdr, "the vector carries the encoded batch");
    if (v.batch_xdr) {
      const args = spec.funcArgsToScVals("batch_deduct", {
        caller: G,
        request_id: v.request_id,
        batch,
        valid_until_ledger: v.valid_until_ledger,
      });
      assert.equal(args[2].toXDR("base64"), v.batch_xdr, `${v.request_id}: the batch argument`);
    }
    if (v.preimage_xdr) {
      assert.equal(
        batchPreimage(spec, v.request_id, batch, v.valid_until_ledger).toXDR("base64"),
        v.preimage_xdr,
        `${v.request_id}: preimage`,
      );
    }
    assert.match(v.digest_hex, /^[0-9a-f]{64}$/);
    assert.equal(batchDigest(spec, v.request_id, batch, v.valid_until_ledger), v.digest_hex, v.request_id);
    // The arguments contract.Client sends are those the digest is over.
    const args = offlineClient(spec).call("batch_deduct", {
      caller: G,
      request_id: v.request_id,
      batch,
      valid_until_ledger: v.valid_until_ledger,
    }).args;
    const viaClient = createHash("sha256")
      .update(Buffer.from(xdr.ScVal.scvVec(args.slice(1)).toXDR()))
      .digest("hex");
    assert.equal(viaClient, v.digest_hex, `${v.request_id}: via contract.Client`);
  }
});
