import { test } from "node:test";
import assert from "node:assert/strict";
import { CONTRACTS, CURRENT_CODE_VERSION, REGISTRY, UnknownWasmHashError, WASM_REGISTRY } from "../src/index.js";
import { root, sha256, wasmPath } from "./helpers.js";
import { join } from "node:path";
import { readFileSync } from "node:fs";

test("registry: every frozen WASM and the current build, by sha256", () => {
  const typesLib = readFileSync(join(root, "contracts/types/src/lib.rs"), "utf8");
  assert.equal(CURRENT_CODE_VERSION, Number(/CODE_VERSION: u32 = (\d+)/.exec(typesLib)![1]));
  for (const contract of CONTRACTS) {
    for (let v = 1; v <= CURRENT_CODE_VERSION; v++) {
      const hash = sha256(wasmPath(contract, v));
      const e = REGISTRY.get(hash);
      assert.equal(e.contract, contract);
      assert.equal(e.version, v, `${contract} v${v}`);
    }
  }
  assert.equal(WASM_REGISTRY.length, CONTRACTS.length * CURRENT_CODE_VERSION);
});

test("registry: an unknown hash is refused with an error naming it", () => {
  const h = "ab".repeat(32);
  assert.equal(REGISTRY.find(h), undefined);
  assert.throws(() => REGISTRY.get(h, "contract CX, ledger 7"), (e: unknown) => {
    assert.ok(e instanceof UnknownWasmHashError);
    assert.match(e.message, new RegExp(`unknown WASM hash ${h} \\(contract CX, ledger 7\\)`));
    return true;
  });
  assert.throws(() => REGISTRY.get("not-a-hash"), /not a 32-byte hex WASM hash/);
});
