// Settlement events of every code version. Adding a version = adding one
// entry (and its WASM to the registry).
import { address, bool, i128, struct, u32, vec } from "../scval.js";
import { SHARED } from "./shared.js";
import { event, type ContractVariants, type VersionVariants } from "./types.js";

const V1: VersionVariants = {
  ...SHARED,
  vault_set: event([["vault", address]], { allowed: bool }),
  pool_credited: event([["vault", address]], { amount: i128, total_balance: i128 }),
  pool_distributed: event([["to", address]], { amount: i128, total_balance: i128 }),
  // v1 names the imported balances in the call only: the event has totals.
  balances_imported: event([], { developers: u32, developer_amount: i128, pool_amount: i128 }),
  // v1: the paying vault is topic 2 (three topic slots).
  developer_credited: event([["developer", address], ["vault", address]], { amount: i128, balance: i128 }),
  developer_withdrawal: event([["developer", address]], { amount: i128, balance: i128 }),
};

const V2: VersionVariants = {
  ...V1,
  // v2 moved `vault` into the data map (two topic slots from here on).
  developer_credited: event([["developer", address]], { vault: address, amount: i128, balance: i128 }),
  retired: event([["successor", address]], { amount: i128 }),
};

const V3: VersionVariants = {
  ...V2,
  settlement_initialized: event([["admin", address]], { usdc_token: address }),
  predecessor_set: event([["predecessor", address]], {}),
  untracked_booked: event([], { amount: i128, total_balance: i128 }),
  // v3 pulls pages from the predecessor and names each imported balance.
  balances_imported: event([], {
    predecessor: address,
    balances: vec(struct({ developer: address, balance: i128 })),
    developers: u32,
    developer_amount: i128,
    pool_amount: i128,
    next_index: u32,
  }),
};

export const SETTLEMENT: ContractVariants = { 1: V1, 2: V2, 3: V3 };
