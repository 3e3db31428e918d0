// The canonical decoder: dispatch on topic 0, read fields by name, one
// record shape per event name whatever the version.
import type { CanonicalRecord, EventFields, EventName } from "./records.js";
import { REGISTRY, Registry, type ContractName, type RegistryEntry } from "./registry.js";
import { FieldTypeError, mapEntries, parseEvent, type ParsedEvent, type RawEvent } from "./scval.js";
import { REVENUE_POOL } from "./variants/revenue_pool.js";
import { SETTLEMENT } from "./variants/settlement.js";
import type { ContractVariants, EventVariant } from "./variants/types.js";
import { VAULT } from "./variants/vault.js";

/** Per-contract variants: the one place each version's events are described. */
export const VARIANTS: Readonly<Record<ContractName, ContractVariants>> = {
  vault: VAULT,
  revenue_pool: REVENUE_POOL,
  settlement: SETTLEMENT,
};

/** The canonical fields of every event name, in record order. */
export const CANONICAL_KEYS: { readonly [N in EventName]: readonly (keyof EventFields[N] & string)[] } = {
  admin_proposed: ["admin", "pending_admin", "live_until_ledger"],
  admin_accepted: ["admin", "previous_admin"],
  upgraded: ["new_wasm_hash", "from_version"],
  migrated: ["from", "to"],
  vault_initialized: ["owner", "admin", "usdc_token", "balance"],
  deposit: ["from", "amount", "balance"],
  withdraw: ["to", "amount", "balance"],
  deduct: ["request_id", "amount", "developer", "balance"],
  batch_deduct: ["request_id", "items", "total", "balance"],
  spend_limit_set: ["limit"],
  swept: ["to", "amount"],
  depositor_set: ["depositor", "allowed"],
  authorized_caller_set: ["authorized_caller"],
  min_deposit_set: ["min_deposit"],
  max_deduct_set: ["max_deduct"],
  max_batch_set: ["max_batch"],
  settlement_set: ["settlement"],
  revenue_pool_set: ["revenue_pool"],
  metadata_set: ["offering_id", "metadata"],
  paused: ["admin"],
  unpaused: ["admin"],
  pool_initialized: ["admin", "usdc_token"],
  distributed: ["to", "amount", "balance"],
  settlement_initialized: ["admin", "usdc_token"],
  predecessor_set: ["predecessor"],
  untracked_booked: ["amount", "total_balance"],
  vault_set: ["vault", "allowed"],
  pool_credited: ["vault", "amount", "total_balance"],
  developer_credited: ["developer", "vault", "amount", "balance"],
  developer_withdrawal: ["developer", "amount", "balance"],
  pool_distributed: ["to", "amount", "total_balance"],
  balances_imported: ["predecessor", "balances", "developers", "developer_amount", "pool_amount", "next_index"],
  retired: ["successor", "amount"],
};

/** An event its (registered) version does not describe, or with another shape. */
export class DecodeError extends Error {
  constructor(
    readonly entry: RegistryEntry,
    readonly event: string | null,
    readonly eventId: string | null,
    detail: string,
  ) {
    super(
      `${entry.contract} v${entry.version} (WASM ${entry.wasmHash}) event ` +
        `${event ?? "<no symbol topic 0>"}${eventId ? ` [${eventId}]` : ""}: ${detail}`,
    );
    this.name = "DecodeError";
  }
}

/** The variant of `name` in (contract, version), or undefined. */
export function variantOf(contract: ContractName, version: number, name: string): EventVariant | undefined {
  const versions = VARIANTS[contract];
  const v = versions[version];
  return v ? (v as Record<string, EventVariant | undefined>)[name] : undefined;
}

/**
 * Decodes one event emitted while its contract ran `wasmHash`. Refuses a
 * hash with no registered variant (UnknownWasmHashError), an event name the
 * version does not have and any shape that differs from the version's
 * (DecodeError): never guesses.
 */
export function decodeEvent(raw: RawEvent | ParsedEvent, wasmHash: string, registry: Registry = REGISTRY): CanonicalRecord {
  const ev = "topics" in raw ? raw : parseEvent(raw);
  const entry = registry.get(wasmHash, `contract ${ev.contractId}, ledger ${ev.ledger}`);
  const fail = (detail: string): never => {
    throw new DecodeError(entry, ev.name, ev.eventId, detail);
  };
  if (ev.name === null) return fail("topic 0 is not a symbol");
  const variant = variantOf(entry.contract, entry.version, ev.name);
  if (!variant) {
    const known = VARIANTS[entry.contract][entry.version];
    if (!known) return fail(`no decoder variants for ${entry.contract} v${entry.version}`);
    return fail(`not an event of this version (it has: ${Object.keys(known).sort().join(", ")})`);
  }
  const raw_: Record<string, unknown> = {};
  const slots = 1 + variant.topics.length;
  if (ev.topics.length !== slots) {
    fail(`${ev.topics.length} topic slots, this version has ${slots} (${["name", ...variant.topics.map(([n]) => n)].join(", ")})`);
  }
  variant.topics.forEach(([field, read], i) => {
    try {
      raw_[field] = read(ev.topics[i + 1]);
    } catch (e) {
      fail(`topic ${i + 1} (${field}): ${(e as Error).message}`);
    }
  });
  let data: Map<string, unknown>;
  try {
    data = mapEntries(ev.value);
  } catch (e) {
    return fail(`data: ${(e as Error).message}`);
  }
  for (const [field, read] of Object.entries(variant.data)) {
    const v = data.get(field);
    if (v === undefined && !read.optional) {
      fail(`data has no field \`${field}\` (fields present: ${[...data.keys()].sort().join(", ") || "none"})`);
    }
    try {
      raw_[field] = read(v as never);
    } catch (e) {
      fail(`field \`${field}\`: ${(e as Error).message}`);
    }
  }
  const extra = [...data.keys()].filter((k) => !(k in variant.data));
  if (extra.length) fail(`data has field(s) this version does not: ${extra.join(", ")}`);

  let fields: Record<string, unknown>;
  try {
    fields = variant.canonical ? variant.canonical(raw_) : raw_;
  } catch (e) {
    if (e instanceof FieldTypeError) return fail(e.message);
    throw e;
  }
  const name = ev.name as EventName;
  const record: Record<string, unknown> = {
    event: name,
    contract: entry.contract,
    contractId: ev.contractId,
    wasmHash: entry.wasmHash,
    version: entry.version,
    ledger: ev.ledger,
    txHash: ev.txHash,
    eventId: ev.eventId,
  };
  for (const key of CANONICAL_KEYS[name]) record[key] = fields[key] ?? null;
  return record as unknown as CanonicalRecord;
}
