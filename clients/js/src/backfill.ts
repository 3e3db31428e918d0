// A backfill: history, audit gate, then every event decoded with the
// variant of the code that emitted it.
import { decodeEvent } from "./decode.js";
import { AuditError, audit, deriveHistory, rangeAt, type Deployment, type WasmRange } from "./history.js";
import type { CanonicalRecord } from "./records.js";
import { REGISTRY, Registry } from "./registry.js";
import { parseEvent, type RawEvent } from "./scval.js";

export interface EventStream {
  deployments: Deployment[];
  events: RawEvent[];
}

export interface BackfillResult {
  ranges: WasmRange[];
  records: CanonicalRecord[];
}

/**
 * Decodes a whole stream: derives the WASM ranges, refuses (AuditError)
 * when any range has no registered decoder, then decodes every event (a
 * DecodeError or UnknownWasmHashError stops it: nothing is dropped).
 * Events of contracts without a deployment are refused too.
 */
export function backfill(stream: EventStream, registry: Registry = REGISTRY): BackfillResult {
  const events = stream.events.map(parseEvent);
  const ranges = deriveHistory(stream.deployments, events, registry);
  const problems = audit(ranges, registry);
  if (problems.length) throw new AuditError(problems);
  const records = events.map((ev) => {
    const range = rangeAt(ranges, ev.contractId, ev.ledger, ev.eventId);
    if (!range) {
      throw new Error(
        `event ${ev.eventId ?? "?"} (${ev.name}) of ${ev.contractId} at ledger ${ev.ledger} is outside every known WASM range: add the contract's deployment`,
      );
    }
    return decodeEvent(ev, range.wasmHash, registry);
  });
  return { ranges, records };
}
