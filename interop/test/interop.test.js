// The backend's real client against the built contracts, from the WASM alone:
// @stellar/stellar-sdk reads each contract's spec and must
//  - encode the arguments of every public function (and decode them back),
//  - decode every golden event fixture of every version by name,
//  - map every error code to its name (and agree with the generated docs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { contract } from "@stellar/stellar-sdk";

const root = new URL("../../", import.meta.url).pathname;
const CONTRACTS = ["vault", "revenue_pool", "settlement"];
const G = "GAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAWHF";

// Versions with fixtures; a version with a frozen WASM uses it, the newest
// without one is the current build in artifacts/.
function versions(c) {
  return readdirSync(`${root}docs/events/fixtures/${c}`)
    .map((d) => Number(d.slice(1)))
    .sort((a, b) => a - b);
}

function wasmPath(c, version) {
  const frozen = `${root}contracts/tests/fixtures/v${version}/callora_${c}.wasm`;
  return existsSync(frozen) ? frozen : `${root}artifacts/callora_${c}.wasm`;
}

function specOf(c, version) {
  return contract.Spec.fromWasm(readFileSync(wasmPath(c, version)));
}

// A JSON-comparable form of what the SDK decodes.
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

// A sample native value of a spec type.
function sample(spec, t) {
  const kind = t.type;
  switch (kind) {
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
      return sample(spec, t.option.valueType);
    case "scSpecTypeVec":
      return [sample(spec, t.vec.elementType)];
    case "scSpecTypeUdt": {
      const entry = spec.findEntry(String(t.udt.name));
      assert.equal(entry.type, "scSpecEntryUdtStructV0");
      return Object.fromEntries(
        entry.udtStructV0.fields.map((f) => [String(f.name), sample(spec, f.type)]),
      );
    }
    default:
      throw new Error(`no sample for ${kind}`);
  }
}

for (const c of CONTRACTS) {
  for (const version of versions(c)) {
    const spec = specOf(c, version);

    test(`${c} v${version}: every function's arguments encode from the spec`, () => {
      const funcs = spec.funcs();
      assert.ok(funcs.length > 10);
      for (const f of funcs) {
        const name = String(f.name);
        const inputs = f.inputs;
        const args = Object.fromEntries(
          inputs.map((i) => [String(i.name), sample(spec, i.type)]),
        );
        const scvals = spec.funcArgsToScVals(name, args);
        assert.equal(scvals.length, inputs.length, name);
        inputs.forEach((input, k) => {
          const back = spec.scValToNative(scvals[k], input.type);
          assert.deepEqual(
            normalize(back),
            normalize(args[String(input.name)]),
            `${name}(${input.name})`,
          );
        });
      }
    });

    test(`${c} v${version}: every error code maps to its name`, () => {
      const cases = spec.errorCases();
      const byCode = new Map(cases.map((e) => [e.value, String(e.name)]));
      assert.equal(byCode.size, cases.length, "error codes are unique");
      const base = { vault: 100, revenue_pool: 200, settlement: 300 }[c];
      for (const code of byCode.keys()) assert.ok(code >= base && code < base + 100, `${code}`);
      if (!existsSync(`${root}contracts/tests/fixtures/v${version}`)) {
        // The current build: the SDK's map equals the generated interface doc.
        const doc = JSON.parse(readFileSync(`${root}docs/interfaces/callora_${c}.json`));
        assert.deepEqual(
          Object.fromEntries(byCode),
          Object.fromEntries(doc.errors.map((e) => [e.code, e.name])),
        );
      }
    });

    test(`${c} v${version}: every golden event fixture decodes by name`, () => {
      const dir = `${root}docs/events/fixtures/${c}/v${version}`;
      const files = readdirSync(dir);
      assert.equal(files.length, spec.events().length, "one fixture per event in the spec");
      for (const file of files) {
        const fx = JSON.parse(readFileSync(`${dir}/${file}`));
        const parsed = spec.parseEvent(fx.topics_xdr, fx.data_xdr);
        assert.ok(parsed, `${file}: no event spec matched`);
        const event = spec.events().find((e) => String(e.name) === parsed.name);
        assert.equal(String(event.prefixTopics[0]), fx.event, file);
        assert.deepEqual(normalize(parsed.data), fx.expected, file);
      }
    });
  }
}
