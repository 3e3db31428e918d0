// The shape of a decoder variant: one per (contract, code version, event name).
import type { EventName } from "../records.js";
import type { Reader } from "../scval.js";

export interface EventVariant {
  /** The topic parameters after topic 0 (the name), in order: their count is frozen. */
  topics: readonly (readonly [string, Reader<unknown>])[];
  /** The data map's fields, by name. */
  data: Readonly<Record<string, Reader<unknown>>>;
  /**
   * Builds the canonical fields from the decoded topic and data fields. The
   * default takes the canonical keys by name, `null` for a key this version
   * does not have.
   */
  canonical?: (raw: Record<string, unknown>) => Record<string, unknown>;
}

export type VersionVariants = Readonly<Partial<Record<EventName, EventVariant>>>;

/** Code version -> that version's events. */
export type ContractVariants = Readonly<Record<number, VersionVariants>>;

export function event(
  topics: EventVariant["topics"],
  data: EventVariant["data"],
  canonical?: EventVariant["canonical"],
): EventVariant {
  return canonical ? { topics, data, canonical } : { topics, data };
}
