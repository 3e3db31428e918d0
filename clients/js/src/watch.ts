// The watch list: every event that changes who can take what, per contract,
// newest first — what an operator and a vault owner alert on.
import type { CanonicalRecord, EventName } from "./records.js";
import { REGISTRY, type ContractName } from "./registry.js";

export type WatchCategory =
  | "admin"
  | "backend"
  | "routing"
  | "limit"
  | "code"
  | "retire"
  | "sweep"
  | "takeover"
  | "registry"
  | "funds";

/** The watched event names and what each is about. */
export const WATCHED: Readonly<Partial<Record<EventName, WatchCategory>>> = {
  admin_proposed: "admin",
  admin_accepted: "admin",
  authorized_caller_set: "backend",
  settlement_set: "routing",
  revenue_pool_set: "routing",
  spend_limit_set: "limit",
  max_deduct_set: "limit",
  upgraded: "code",
  migrated: "code",
  retired: "retire",
  swept: "sweep",
  predecessor_set: "takeover",
  balances_imported: "takeover",
  untracked_booked: "funds",
  vault_set: "registry",
};

export interface WatchItem {
  contract: ContractName;
  contractId: string;
  ledger: number;
  txHash: string;
  eventId: string | null;
  event: EventName;
  category: WatchCategory;
  /** One line: what changed, in who-can-take-what terms. */
  summary: string;
  /** True when it needs a human now (an unregistered upgrade, a retire, a removed spend limit, …). */
  alert: boolean;
}

function describe(r: CanonicalRecord): { summary: string; alert: boolean } | null {
  switch (r.event) {
    case "admin_proposed":
      return r.live_until_ledger === 0
        ? { summary: `admin handover to ${r.pending_admin} cancelled by ${r.admin}`, alert: false }
        : { summary: `${r.admin} proposed ${r.pending_admin} as admin (acceptable through ledger ${r.live_until_ledger})`, alert: true };
    case "admin_accepted":
      return { summary: `admin is now ${r.admin} (was ${r.previous_admin})`, alert: true };
    case "authorized_caller_set":
      return r.authorized_caller
        ? { summary: `backend allowed to deduct: ${r.authorized_caller}`, alert: true }
        : { summary: "no backend may deduct (authorized caller cleared)", alert: false };
    case "settlement_set":
      return { summary: r.settlement ? `deducts now pay settlement ${r.settlement}` : "settlement destination cleared", alert: true };
    case "revenue_pool_set":
      return { summary: r.revenue_pool ? `deducts without settlement pay revenue pool ${r.revenue_pool}` : "revenue-pool destination cleared", alert: true };
    case "spend_limit_set":
      return r.limit
        ? { summary: `spend limit ${r.limit.amount} per ${r.limit.period_ledgers} ledgers`, alert: false }
        : { summary: "spend limit removed: the operator and backend can deduct the whole balance", alert: true };
    case "max_deduct_set":
      return { summary: `largest single deduct is now ${r.max_deduct}`, alert: false };
    case "upgraded": {
      const e = REGISTRY.find(r.new_wasm_hash);
      return e
        ? { summary: `code replaced: ${e.contract} v${e.version} (WASM ${r.new_wasm_hash}), from v${r.from_version}`, alert: true }
        : { summary: `code replaced by UNREGISTERED WASM ${r.new_wasm_hash} (from v${r.from_version}): no decoder, audit before trusting`, alert: true };
    }
    case "migrated":
      return { summary: `stored data migrated from schema ${r.from} to ${r.to} by the new code`, alert: false };
    case "retired":
      return { summary: `retired: all ${r.amount} USDC moved to successor ${r.successor}`, alert: true };
    case "swept":
      return { summary: `owner swept ${r.amount} untracked USDC to ${r.to}`, alert: false };
    case "predecessor_set":
      return { summary: `agreed to take over from settlement ${r.predecessor}`, alert: true };
    case "balances_imported":
      return {
        summary: `imported ${r.developers} developer balance(s) totalling ${r.developer_amount} and ${r.pool_amount} into the pool${r.predecessor ? ` from ${r.predecessor}` : ""}`,
        alert: false,
      };
    case "untracked_booked":
      return { summary: `${r.amount} USDC received outside its calls booked into the pool (now ${r.total_balance})`, alert: false };
    case "vault_set":
      return { summary: r.allowed ? `vault ${r.vault} may now pay in` : `vault ${r.vault} deregistered`, alert: r.allowed };
    default:
      return null;
  }
}

/** The watched records, grouped by contract id, newest first within each. */
export function watchList(records: readonly CanonicalRecord[]): Map<string, WatchItem[]> {
  const out = new Map<string, WatchItem[]>();
  for (const r of records) {
    const category = WATCHED[r.event];
    if (!category) continue;
    const d = describe(r);
    if (!d) continue;
    const item: WatchItem = {
      contract: r.contract,
      contractId: r.contractId,
      ledger: r.ledger,
      txHash: r.txHash,
      eventId: r.eventId,
      event: r.event,
      category,
      ...d,
    };
    const list = out.get(r.contractId) ?? [];
    list.push(item);
    out.set(r.contractId, list);
  }
  for (const list of out.values()) {
    list.sort((a, b) => b.ledger - a.ledger || ((b.eventId ?? "") > (a.eventId ?? "") ? 1 : (b.eventId ?? "") < (a.eventId ?? "") ? -1 : 0));
  }
  return out;
}
