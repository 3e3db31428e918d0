// Canonical records: one type per event name, the same shape whichever code
// version emitted the event. A field a version does not carry is `null`
// (e.g. `vault_initialized.admin` before code version 3).
import type { ContractName } from "./registry.js";

/** A Stellar strkey (G… account or C… contract). */
export type Addr = string;

export interface SpendLimit {
  amount: bigint;
  period_ledgers: number;
}

export interface DeveloperBalance {
  developer: Addr;
  balance: bigint;
}

/** One call of a `batch_deduct` (code version 3 emits them column by column). */
export interface BatchItem {
  /** The call's id (unique within the batch; the vault records only the batch's `request_id`). */
  request_id: string;
  amount: bigint;
  /** The credited developer; null = the pool. */
  developer: Addr | null;
}

/**
 * A code version 3 batch by column, as its `batch_deduct` event carries it
 * and as the backend sends it: call `i` charged `amounts[i]` for
 * `request_ids[i]`, crediting `developers[developer_index[i]]`.
 */
export interface BatchColumns {
  request_ids: string[];
  amounts: bigint[];
  developer_index: number[];
  developers: (Addr | null)[];
}

/** The calls of `c`, one per row; `fail` makes the error when the columns disagree. */
export function batchItems(c: BatchColumns, fail: (why: string) => Error): BatchItem[] {
  const n = c.request_ids.length;
  if (c.amounts.length !== n || c.developer_index.length !== n) {
    throw fail(`columns differ in length: request_ids ${n}, amounts ${c.amounts.length}, developer_index ${c.developer_index.length}`);
  }
  return c.request_ids.map((request_id, i) => {
    const d = c.developer_index[i];
    if (!Number.isInteger(d) || d < 0 || d >= c.developers.length) {
      throw fail(`developer_index[${i}] = ${d} but ${c.developers.length} developers`);
    }
    return { request_id, amount: c.amounts[i], developer: c.developers[d] };
  });
}

/** The fields of every event name, per name. */
export interface EventFields {
  // Every contract.
  admin_proposed: { admin: Addr; pending_admin: Addr; live_until_ledger: number };
  admin_accepted: { admin: Addr; previous_admin: Addr };
  upgraded: { new_wasm_hash: string; from_version: number };
  migrated: { from: number; to: number };
  // Vault.
  vault_initialized: { owner: Addr; admin: Addr | null; usdc_token: Addr; balance: bigint };
  deposit: { from: Addr; amount: bigint; balance: bigint };
  withdraw: { to: Addr; amount: bigint; balance: bigint };
  deduct: { request_id: string; amount: bigint; developer: Addr | null; balance: bigint };
  /** `request_id` is the batch's id (its idempotency key); `items` its calls. */
  batch_deduct: { request_id: string; items: BatchItem[]; total: bigint; balance: bigint };
  spend_limit_set: { limit: SpendLimit | null };
  swept: { to: Addr; amount: bigint };
  depositor_set: { depositor: Addr; allowed: boolean };
  authorized_caller_set: { authorized_caller: Addr | null };
  min_deposit_set: { min_deposit: bigint };
  max_deduct_set: { max_deduct: bigint };
  max_batch_set: { max_batch: number };
  settlement_set: { settlement: Addr | null };
  revenue_pool_set: { revenue_pool: Addr | null };
  metadata_set: { offering_id: string; metadata: string };
  paused: { admin: Addr };
  unpaused: { admin: Addr };
  // Revenue pool.
  pool_initialized: { admin: Addr; usdc_token: Addr };
  distributed: { to: Addr; amount: bigint; balance: bigint };
  // Settlement.
  settlement_initialized: { admin: Addr; usdc_token: Addr };
  predecessor_set: { predecessor: Addr };
  untracked_booked: { amount: bigint; total_balance: bigint };
  vault_set: { vault: Addr; allowed: boolean };
  pool_credited: { vault: Addr; amount: bigint; total_balance: bigint };
  developer_credited: { developer: Addr; vault: Addr; amount: bigint; balance: bigint };
  developer_withdrawal: { developer: Addr; amount: bigint; balance: bigint };
  pool_distributed: { to: Addr; amount: bigint; total_balance: bigint };
  /** `predecessor`, `balances` and `next_index` are null before code version 3. */
  balances_imported: {
    predecessor: Addr | null;
    balances: DeveloperBalance[] | null;
    developers: number;
    developer_amount: bigint;
    pool_amount: bigint;
    next_index: number | null;
  };
  retired: { successor: Addr; amount: bigint };
}

export type EventName = keyof EventFields;

/** Where and by which code an event was emitted. */
export interface Envelope<N extends EventName = EventName> {
  event: N;
  contract: ContractName;
  contractId: Addr;
  /** The WASM the contract ran when it emitted the event. */
  wasmHash: string;
  /** That WASM's code version. */
  version: number;
  ledger: number;
  txHash: string;
  /** The RPC's event id (paging token); null when the source had none. */
  eventId: string | null;
}

export type RecordOf<N extends EventName> = Envelope<N> & EventFields[N];

/** Every canonical record, discriminated by `event`. */
export type CanonicalRecord = { [N in EventName]: RecordOf<N> }[EventName];

// One named type per event name.
export type AdminProposedRecord = RecordOf<"admin_proposed">;
export type AdminAcceptedRecord = RecordOf<"admin_accepted">;
export type UpgradedRecord = RecordOf<"upgraded">;
export type MigratedRecord = RecordOf<"migrated">;
export type VaultInitializedRecord = RecordOf<"vault_initialized">;
export type DepositRecord = RecordOf<"deposit">;
export type WithdrawRecord = RecordOf<"withdraw">;
export type DeductRecord = RecordOf<"deduct">;
export type BatchDeductRecord = RecordOf<"batch_deduct">;
export type SpendLimitSetRecord = RecordOf<"spend_limit_set">;
export type SweptRecord = RecordOf<"swept">;
export type DepositorSetRecord = RecordOf<"depositor_set">;
export type AuthorizedCallerSetRecord = RecordOf<"authorized_caller_set">;
export type MinDepositSetRecord = RecordOf<"min_deposit_set">;
export type MaxDeductSetRecord = RecordOf<"max_deduct_set">;
export type MaxBatchSetRecord = RecordOf<"max_batch_set">;
export type SettlementSetRecord = RecordOf<"settlement_set">;
export type RevenuePoolSetRecord = RecordOf<"revenue_pool_set">;
export type MetadataSetRecord = RecordOf<"metadata_set">;
export type PausedRecord = RecordOf<"paused">;
export type UnpausedRecord = RecordOf<"unpaused">;
export type PoolInitializedRecord = RecordOf<"pool_initialized">;
export type DistributedRecord = RecordOf<"distributed">;
export type SettlementInitializedRecord = RecordOf<"settlement_initialized">;
export type PredecessorSetRecord = RecordOf<"predecessor_set">;
export type UntrackedBookedRecord = RecordOf<"untracked_booked">;
export type VaultSetRecord = RecordOf<"vault_set">;
export type PoolCreditedRecord = RecordOf<"pool_credited">;
export type DeveloperCreditedRecord = RecordOf<"developer_credited">;
export type DeveloperWithdrawalRecord = RecordOf<"developer_withdrawal">;
export type PoolDistributedRecord = RecordOf<"pool_distributed">;
export type BalancesImportedRecord = RecordOf<"balances_imported">;
export type RetiredRecord = RecordOf<"retired">;

/** Narrows a record by event name. */
export function isEvent<N extends EventName>(r: CanonicalRecord, name: N): r is RecordOf<N> & CanonicalRecord {
  return r.event === name;
}

/** One metered charge: a `deduct`, or one item of a `batch_deduct`. */
export interface Charge {
  contractId: Addr;
  ledger: number;
  txHash: string;
  /** The deduct's id, or the batch call's. */
  request_id: string;
  /**
   * For a v3 batch call, the batch's id: the one the vault recorded
   * (`is_request_processed`; the call's own is not recorded). Null for a
   * deduct, whose `request_id` is the recorded one.
   */
  batch_id: string | null;
  amount: bigint;
  developer: Addr | null;
  /** The tracked balance after this charge; null for a v3 batch item (only the batch's is known). */
  balance: bigint | null;
  version: number;
}

/**
 * Every metered charge in `records`, in order: a `deduct` record is one
 * charge (versions 1–2 emit one per batch item too), a v3 `batch_deduct`
 * record yields one charge per item.
 */
export function charges(records: readonly CanonicalRecord[]): Charge[] {
  const out: Charge[] = [];
  for (const r of records) {
    const base = { contractId: r.contractId, ledger: r.ledger, txHash: r.txHash, version: r.version };
    if (r.event === "deduct") {
      const { request_id, amount, developer, balance } = r;
      out.push({ ...base, request_id, batch_id: null, amount, developer, balance });
    } else if (r.event === "batch_deduct") {
      r.items.forEach((item, i) =>
        out.push({ ...base, ...item, batch_id: r.request_id, balance: i === r.items.length - 1 ? r.balance : null }),
      );
    }
  }
  return out;
}

/** A JSON-safe form of records (bigints as decimal strings). */
export function toJson(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(toJson);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  }
  return value;
}
