// Vault events of every code version. Adding a version = adding one entry
// (and its WASM to the registry).
import { batchItems, type BatchColumns } from "../records.js";
import { FieldTypeError, address, bool, i128, option, string, struct, u32, vec } from "../scval.js";
import { SHARED } from "./shared.js";
import { event, type ContractVariants, type VersionVariants } from "./types.js";

const V1: VersionVariants = {
  ...SHARED,
  vault_initialized: event([["owner", address]], { usdc_token: address, balance: i128 }),
  deposit: event([["from", address]], { amount: i128, balance: i128 }),
  withdraw: event([["to", address]], { amount: i128, balance: i128 }),
  // Versions 1-2 emit one `deduct` per batch item as well.
  deduct: event([], { request_id: string, amount: i128, developer: option(address), balance: i128 }),
  depositor_set: event([["depositor", address]], { allowed: bool }),
  authorized_caller_set: event([], { authorized_caller: option(address) }),
  min_deposit_set: event([], { min_deposit: i128 }),
  max_deduct_set: event([], { max_deduct: i128 }),
  settlement_set: event([], { settlement: option(address) }),
  revenue_pool_set: event([], { revenue_pool: option(address) }),
  metadata_set: event([], { offering_id: string, metadata: string }),
  paused: event([], { admin: address }),
  unpaused: event([], { admin: address }),
};

const V2: VersionVariants = {
  ...V1,
  max_batch_set: event([], { max_batch: u32 }),
};

/**
 * v3's `batch_deduct` is columnar: call i charged `amounts[i]` for
 * `request_ids[i]`, crediting `developers[developer_index[i]]`, under the
 * batch's own `request_id` (the one id the vault records). The canonical
 * record keeps one record per batch with its items expanded (the balance
 * after each item is not in the event, so items are not turned into
 * `deduct` records); `charges()` flattens both.
 */
function expandBatch(raw: Record<string, unknown>): Record<string, unknown> {
  const amounts = raw.amounts as bigint[];
  const items = batchItems(raw as unknown as BatchColumns, (why) => new FieldTypeError(why));
  const sum = amounts.reduce((a, b) => a + b, 0n);
  if (sum !== raw.total) throw new FieldTypeError(`total ${raw.total} != sum of amounts ${sum}`);
  return { request_id: raw.request_id, items, total: raw.total, balance: raw.balance };
}

const V3: VersionVariants = {
  ...V2,
  // v3 names the operator admin in the constructor.
  vault_initialized: event([["owner", address]], { admin: address, usdc_token: address, balance: i128 }),
  batch_deduct: event(
    [],
    {
      request_id: string,
      request_ids: vec(string),
      amounts: vec(i128),
      developer_index: vec(u32),
      developers: vec(option(address)),
      total: i128,
      balance: i128,
    },
    expandBatch,
  ),
  spend_limit_set: event([], { limit: option(struct({ amount: i128, period_ledgers: u32 })) }),
  swept: event([["to", address]], { amount: i128 }),
};

export const VAULT: ContractVariants = { 1: V1, 2: V2, 3: V3 };
