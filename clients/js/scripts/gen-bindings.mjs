#!/usr/bin/env node
// Generates bindings/<contract>/ with `stellar contract bindings typescript`
// from each contract's current build (artifacts/callora_<contract>.wasm).
// The package type-checks bindings/*/src/index.ts with its own tsc.
//
//   node scripts/gen-bindings.mjs          regenerate
//   node scripts/gen-bindings.mjs --check  fail when bindings/ differs from the build
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const pkg = join(dirname(fileURLToPath(import.meta.url)), "..");
const root = join(pkg, "../..");
// The deployable contracts, as `callora-spec docs` lists them from callora_types.
const CONTRACTS = JSON.parse(readFileSync(join(root, "docs/interfaces/index.json"), "utf8")).contracts.map(
  (c) => c.name,
);
const check = process.argv.includes("--check");

function files(dir, base = dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p, base) : [relative(base, p)];
  }).sort();
}

function generate(contract, out) {
  execFileSync(
    "stellar",
    ["contract", "bindings", "typescript", "--wasm", join(root, "artifacts", `callora_${contract}.wasm`), "--output-dir", out, "--overwrite"],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
}

const stale = [];
const tmp = mkdtempSync(join(tmpdir(), "callora-bindings-"));
try {
  for (const contract of CONTRACTS) {
    const committed = join(pkg, "bindings", contract);
    const fresh = check ? join(tmp, contract) : committed;
    generate(contract, fresh);
    if (!check) continue;
    const a = files(committed);
    const b = files(fresh);
    if (a.join() !== b.join()) stale.push(`${contract}: files differ (${a.join(", ")} vs ${b.join(", ")})`);
    for (const f of b) {
      if (a.includes(f) && !readFileSync(join(committed, f)).equals(readFileSync(join(fresh, f)))) {
        stale.push(`bindings/${contract}/${f}`);
      }
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
if (stale.length) {
  console.error(
    `gen-bindings: out of date with artifacts/: ${stale.join("; ")}\n` +
      "run `npm run bindings` in clients/js (after ./scripts/build.sh) and commit the result",
  );
  process.exit(1);
}
console.log(check ? "bindings are current" : `wrote bindings/{${CONTRACTS.join(",")}}`);
