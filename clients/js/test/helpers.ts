import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

// dist/test/<file>.js -> the repository root and the package root.
const here = dirname(fileURLToPath(import.meta.url));
export const pkg = join(here, "../..");
export const root = join(pkg, "../..");

export const readJson = <T = any>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;
export const sha256 = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");

/** The WASM of (contract, version): frozen fixture, or the current build. */
export function wasmPath(contract: string, version: number): string {
  const frozen = join(root, `contracts/tests/fixtures/v${version}/callora_${contract}.wasm`);
  return existsSync(frozen) ? frozen : join(root, `artifacts/callora_${contract}.wasm`);
}

/** Golden event fixture versions of a contract (docs/events/fixtures/<c>/v<N>). */
export function fixtureVersions(contract: string): number[] {
  const dir = join(root, "docs/events/fixtures", contract);
  return readdirSync(dir)
    .filter((d) => /^v\d+$/.test(d))
    .map((d) => Number(d.slice(1)))
    .sort((a, b) => a - b);
}

export const fixture = (name: string) => join(pkg, "test/fixtures", name);
