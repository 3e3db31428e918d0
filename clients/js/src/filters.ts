// getEvents topic filters per event and version: the exact slot count.
import { xdr } from "@stellar/stellar-sdk";
import { CANONICAL_KEYS, VARIANTS } from "./decode.js";
import type { EventName } from "./records.js";
import { CONTRACTS, type ContractName } from "./registry.js";

/** The base64 XDR of an event name's topic 0 (`ScVal::Symbol`). */
export function topic0(name: string): string {
  return xdr.ScVal.scvSymbol(name).toXDR("base64");
}

/**
 * The filter matching every `name` event of `contract` at `version`: topic 0
 * then one `"*"` per topic parameter (a filter with another count matches
 * nothing). Undefined when the version has no such event.
 */
export function topicFilter(contract: ContractName, version: number, name: EventName): string[] | undefined {
  const v = VARIANTS[contract][version]?.[name];
  return v ? [topic0(name), ...v.topics.map(() => "*")] : undefined;
}

/** The per-contract filter tables of docs/indexers.md (markdown). */
export function filterTables(): string {
  const out: string[] = [];
  for (const c of CONTRACTS) {
    out.push(`### ${c}`, "", "| event | versions | topic slots | `getEvents` topic filter | canonical fields |", "|---|---|---|---|---|");
    const names = new Set<string>();
    for (const v of Object.values(VARIANTS[c])) for (const n of Object.keys(v)) names.add(n);
    for (const n of [...names].sort() as EventName[]) {
      const per = Object.entries(VARIANTS[c])
        .filter(([, v]) => v[n])
        .map(([ver, v]) => ({ version: Number(ver), slots: 1 + v[n]!.topics.length }));
      const versions = per.map((p) => p.version);
      const range = versions.length === 1 ? `${versions[0]}` : `${versions[0]}–${versions[versions.length - 1]}`;
      const groups = new Map<number, number[]>();
      for (const p of per) groups.set(p.slots, [...(groups.get(p.slots) ?? []), p.version]);
      const split = groups.size > 1;
      const tag = (vs: number[]) => (split ? ` (v${vs.join(", v")})` : "");
      const slots = [...groups].map(([s, vs]) => `${s}${tag(vs)}`).join(", ");
      const filters = [...groups]
        .map(([s, vs]) => "`" + JSON.stringify([topic0(n), ...Array(s - 1).fill("*")]) + "`" + tag(vs))
        .join("<br>");
      out.push(`| \`${n}\` | ${range} | ${slots} | ${filters} | ${CANONICAL_KEYS[n].map((k) => "`" + k + "`").join(", ")} |`);
    }
    out.push("");
  }
  return out.join("\n");
}
