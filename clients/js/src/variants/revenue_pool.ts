// Revenue-pool events of every code version. Adding a version = adding one
// entry (and its WASM to the registry).
import { address, i128 } from "../scval.js";
import { SHARED } from "./shared.js";
import { event, type ContractVariants, type VersionVariants } from "./types.js";

const V1: VersionVariants = {
  ...SHARED,
  distributed: event([["to", address]], { amount: i128, balance: i128 }),
};

/** Code version 2: no event changed. */
const V2: VersionVariants = V1;

/** Code version 3: the constructor emits `pool_initialized`. */
const V3: VersionVariants = {
  ...V2,
  pool_initialized: event([["admin", address]], { usdc_token: address }),
};

export const REVENUE_POOL: ContractVariants = { 1: V1, 2: V2, 3: V3 };
