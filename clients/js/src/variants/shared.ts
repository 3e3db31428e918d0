// Events every Callora contract emits the same way in every version.
import { address, bytes32, u32 } from "../scval.js";
import { event, type VersionVariants } from "./types.js";

export const SHARED: VersionVariants = {
  admin_proposed: event([["admin", address]], { pending_admin: address, live_until_ledger: u32 }),
  admin_accepted: event([["admin", address]], { previous_admin: address }),
  upgraded: event([], { new_wasm_hash: bytes32, from_version: u32 }),
  migrated: event([], { from: u32, to: u32 }),
};
