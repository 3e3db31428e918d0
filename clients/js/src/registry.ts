// WASM hash -> (contract, code version): which decoder variant applies.
import { WASM_REGISTRY, CURRENT_CODE_VERSION, type ContractName } from "./registry.generated.js";

export { CONTRACTS, type ContractName } from "./registry.generated.js";

export interface RegistryEntry {
  /** sha256 of the WASM, lowercase hex (the hash `upgrade` takes). */
  readonly wasmHash: string;
  readonly contract: ContractName;
  /** The code version (`version()`) this WASM reports. */
  readonly version: number;
  /** Where the hash comes from (a frozen fixture's PROVENANCE or the current build). */
  readonly source: string;
  /** The commit the frozen WASM was built at (null for the current build). */
  readonly commit: string | null;
}

/** A WASM hash with no registered decoder variant. */
export class UnknownWasmHashError extends Error {
  constructor(
    readonly wasmHash: string,
    context: string,
  ) {
    super(
      `unknown WASM hash ${wasmHash}${context ? ` (${context})` : ""}: no Callora decoder ` +
        "variant is registered for it; refusing to decode instead of guessing. Register the " +
        "version (freeze its WASM with PROVENANCE and run `npm run registry`) before backfilling.",
    );
    this.name = "UnknownWasmHashError";
  }
}

export class Registry {
  private readonly byHash = new Map<string, RegistryEntry>();

  constructor(entries: readonly RegistryEntry[] = WASM_REGISTRY) {
    for (const e of entries) {
      const hash = normalizeHash(e.wasmHash);
      if (this.byHash.has(hash)) throw new Error(`duplicate registry entry for ${hash}`);
      this.byHash.set(hash, { ...e, wasmHash: hash });
    }
  }

  /** The entry of `wasmHash`, or undefined. */
  find(wasmHash: string): RegistryEntry | undefined {
    return this.byHash.get(normalizeHash(wasmHash));
  }

  /** The entry of `wasmHash`; throws [[UnknownWasmHashError]] when none. */
  get(wasmHash: string, context = ""): RegistryEntry {
    const e = this.find(wasmHash);
    if (!e) throw new UnknownWasmHashError(normalizeHash(wasmHash), context);
    return e;
  }

  entries(): RegistryEntry[] {
    return [...this.byHash.values()];
  }

  /** A registry with `extra` entries too (e.g. a test's or a private build's). */
  with(extra: readonly RegistryEntry[]): Registry {
    return new Registry([...this.entries(), ...extra]);
  }
}

export function normalizeHash(hash: string): string {
  const h = hash.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(h)) throw new Error(`not a 32-byte hex WASM hash: ${hash}`);
  return h;
}

export { CURRENT_CODE_VERSION, WASM_REGISTRY };
/** The registry generated from the fixtures and the current build. */
export const REGISTRY = new Registry();
