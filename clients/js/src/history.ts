// WASM history: which code each contract ran over which ledgers, derived
// from its deploy hash and its `upgraded` events; and the audit gate.
import { REGISTRY, Registry, normalizeHash, type ContractName } from "./registry.js";
import { mapEntries, bytes32, parseEvent, type ParsedEvent, type RawEvent } from "./scval.js";

/**
 * Where a contract's history starts: the WASM it was created with (from the
 * creating transaction's `createContract` host function, or the contract
 * instance's executable read with getLedgerEntries at that ledger).
 */
export interface Deployment {
  contractId: string;
  wasmHash: string;
  ledger: number;
  txHash?: string;
}

/** One row per (contract, WASM) stretch of ledgers. */
export interface WasmRange {
  contractId: string;
  /** The contract the WASM belongs to (null: unregistered hash). */
  contract: ContractName | null;
  wasmHash: string;
  /** Its code version (null: unregistered hash). */
  version: number | null;
  /** The ledger of the deploy or of the `upgraded` event that installed it. */
  firstLedger: number;
  /** The ledger of the `upgraded` event that replaced it; null = still running. */
  lastLedger: number | null;
  /** The installing `upgraded` event's id: events after it (in the same ledger too) are this code's. */
  startsAfterEventId: string | null;
  /** The replacing `upgraded` event's id (emitted by this code, so in this range). */
  endsWithEventId: string | null;
}

/**
 * Derives the ranges from the deployments and the events (any order; only
 * `upgraded` events are read, by topic 0 and the `new_wasm_hash` field,
 * which every version writes the same way). An upgrade to the hash already
 * running continues the range.
 */
export function deriveHistory(
  deployments: readonly Deployment[],
  events: readonly (RawEvent | ParsedEvent)[],
  registry: Registry = REGISTRY,
): WasmRange[] {
  const upgrades = new Map<string, { ledger: number; id: string | null; hash: string }[]>();
  for (const raw of events) {
    const ev = "topics" in raw ? raw : parseEvent(raw);
    if (ev.name !== "upgraded") continue;
    const hash = bytes32(mapEntries(ev.value).get("new_wasm_hash"));
    const list = upgrades.get(ev.contractId) ?? [];
    list.push({ ledger: ev.ledger, id: ev.eventId, hash });
    upgrades.set(ev.contractId, list);
  }
  const ranges: WasmRange[] = [];
  const deployed = new Set<string>();
  for (const d of deployments) {
    deployed.add(d.contractId);
    const make = (hash: string, first: number, after: string | null): WasmRange => {
      const e = registry.find(hash);
      return {
        contractId: d.contractId,
        contract: e?.contract ?? null,
        wasmHash: normalizeHash(hash),
        version: e?.version ?? null,
        firstLedger: first,
        lastLedger: null,
        startsAfterEventId: after,
        endsWithEventId: null,
      };
    };
    let open = make(d.wasmHash, d.ledger, null);
    const list = [...(upgrades.get(d.contractId) ?? [])].sort(
      (a, b) => a.ledger - b.ledger || compareIds(a.id, b.id),
    );
    for (const u of list) {
      if (u.ledger < d.ledger) throw new Error(`${d.contractId}: upgraded at ledger ${u.ledger}, before its deploy at ${d.ledger}`);
      if (u.hash === open.wasmHash) continue;
      ranges.push({ ...open, lastLedger: u.ledger, endsWithEventId: u.id });
      open = make(u.hash, u.ledger, u.id);
    }
    ranges.push(open);
  }
  for (const id of upgrades.keys()) {
    if (!deployed.has(id)) throw new Error(`${id} has upgraded events but no deployment: its first WASM is unknown`);
  }
  return ranges;
}

function compareIds(a: string | null, b: string | null): number {
  if (a === null || b === null) return 0;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The range of `contractId` that emitted an event at (ledger, id). */
export function rangeAt(ranges: readonly WasmRange[], contractId: string, ledger: number, eventId: string | null): WasmRange | undefined {
  return ranges.find(
    (r) =>
      r.contractId === contractId &&
      (ledger > r.firstLedger ||
        (ledger === r.firstLedger && (r.startsAfterEventId === null || eventId === null || eventId > r.startsAfterEventId))) &&
      (r.lastLedger === null ||
        ledger < r.lastLedger ||
        (ledger === r.lastLedger && (r.endsWithEventId === null || eventId === null || eventId <= r.endsWithEventId))),
  );
}

export interface AuditProblem {
  range: WasmRange;
  message: string;
}

/**
 * The backfill gate: every range's WASM hash has a registered decoder
 * variant, of the contract the address was deployed as. Returns the
 * problems (empty = safe to backfill).
 */
export function audit(ranges: readonly WasmRange[], registry: Registry = REGISTRY): AuditProblem[] {
  const problems: AuditProblem[] = [];
  const kind = new Map<string, ContractName>();
  for (const r of ranges) {
    const span = `ledgers ${r.firstLedger}..${r.lastLedger ?? "now"}`;
    const e = registry.find(r.wasmHash);
    if (!e) {
      problems.push({
        range: r,
        message: `${r.contractId} ran WASM ${r.wasmHash} over ${span}: no decoder variant is registered for this hash`,
      });
      continue;
    }
    const first = kind.get(r.contractId);
    if (first && first !== e.contract) {
      problems.push({
        range: r,
        message: `${r.contractId} (a ${first}) ran ${e.contract} v${e.version} WASM ${r.wasmHash} over ${span}`,
      });
    } else if (!first) {
      kind.set(r.contractId, e.contract);
    }
  }
  return problems;
}

/** Thrown by the backfill when the audit finds problems. */
export class AuditError extends Error {
  constructor(readonly problems: AuditProblem[]) {
    super(`backfill refused: ${problems.length} WASM range(s) without a decoder:\n` + problems.map((p) => `  - ${p.message}`).join("\n"));
    this.name = "AuditError";
  }
}
