// @callora/indexer-kit: decode every Callora event of every version into
// canonical records, audit WASM histories, replay backfills, watch the
// events that change who can take what, and meter with the vault.
export * from "./records.js";
export * from "./registry.js";
export * from "./scval.js";
export * from "./decode.js";
export * from "./history.js";
export * from "./backfill.js";
export * from "./watch.js";
export * as metering from "./metering.js";
export type { EventVariant, VersionVariants, ContractVariants } from "./variants/types.js";
export * from "./filters.js";
