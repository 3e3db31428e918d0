// Raw events in either getEvents form, and typed field readers over ScVal.
import { scValToNative, xdr } from "@stellar/stellar-sdk";

/** An event as the RPC's JSON returns it (getEvents, base64 XDR). */
export interface RpcEventJson {
  type?: string;
  ledger: number;
  ledgerClosedAt?: string;
  contractId: string;
  id?: string;
  txHash: string;
  topic?: string[];
  value: string;
  inSuccessfulContractCall?: boolean;
  operationIndex?: number;
  transactionIndex?: number;
}

/** An event as `rpc.Server.getEvents` of @stellar/stellar-sdk returns it (parsed). */
export interface SdkParsedEvent {
  type?: string;
  ledger: number;
  ledgerClosedAt?: string;
  contractId?: { contractId(): string } | string;
  id?: string;
  txHash: string;
  topic: xdr.ScVal[];
  value: xdr.ScVal;
  inSuccessfulContractCall?: boolean;
}

export type RawEvent = RpcEventJson | SdkParsedEvent;

/** An event with its XDR parsed, whichever form it came in. */
export interface ParsedEvent {
  contractId: string;
  ledger: number;
  txHash: string;
  eventId: string | null;
  topics: xdr.ScVal[];
  value: xdr.ScVal;
  /** topic 0 as a string (the event name), or null when it is not a symbol. */
  name: string | null;
}

export function parseEvent(ev: RawEvent): ParsedEvent {
  const topics = (ev.topic ?? []).map((t: string | xdr.ScVal) =>
    typeof t === "string" ? xdr.ScVal.fromXDR(t, "base64") : t,
  );
  const value = typeof ev.value === "string" ? xdr.ScVal.fromXDR(ev.value, "base64") : ev.value;
  const cid = ev.contractId;
  const contractId = typeof cid === "string" ? cid : cid ? cid.contractId() : "";
  if (!contractId) throw new Error(`event ${ev.id ?? "?"} has no contractId`);
  const first = topics[0];
  const name = first && (first.type === "scvSymbol" || first.type === "scvString")
    ? String(scValToNative(first))
    : null;
  return { contractId, ledger: ev.ledger, txHash: ev.txHash, eventId: ev.id ?? null, topics, value, name };
}

/** A field reader: converts one ScVal (or an absent map key) or throws a message. */
export type Reader<T> = ((v: xdr.ScVal | undefined) => T) & { optional?: boolean };

export class FieldTypeError extends Error {}

function want(v: xdr.ScVal | undefined, ...types: string[]): xdr.ScVal {
  if (v === undefined) throw new FieldTypeError("missing");
  if (!types.includes(v.type)) throw new FieldTypeError(`expected ${types.join("|")}, got ${v.type}`);
  return v;
}

export const address: Reader<string> = (v) => String(scValToNative(want(v, "scvAddress")));
export const i128: Reader<bigint> = (v) => BigInt(scValToNative(want(v, "scvI128")) as bigint);
export const u32: Reader<number> = (v) => Number(scValToNative(want(v, "scvU32")));
export const bool: Reader<boolean> = (v) => Boolean(scValToNative(want(v, "scvBool")));
export const string: Reader<string> = (v) => String(scValToNative(want(v, "scvString")));
export const bytes32: Reader<string> = (v) => {
  const b = scValToNative(want(v, "scvBytes")) as Uint8Array;
  if (b.length !== 32) throw new FieldTypeError(`expected 32 bytes, got ${b.length}`);
  return Buffer.from(b).toString("hex");
};

/**
 * An `Option<T>`: void, or a missing key (a sparse map omits `None`
 * fields — the SDK's default; Callora's events write them as void), is null.
 */
export function option<T>(inner: Reader<T>): Reader<T | null> {
  const r: Reader<T | null> = (v) => (v === undefined || v.type === "scvVoid" ? null : inner(v));
  r.optional = true;
  return r;
}

export function vec<T>(inner: Reader<T>): Reader<T[]> {
  return (v) => {
    const items = (want(v, "scvVec") as unknown as { vec: xdr.ScVal[] | null }).vec ?? [];
    return items.map((x, i) => {
      try {
        return inner(x);
      } catch (e) {
        throw new FieldTypeError(`[${i}]: ${(e as Error).message}`);
      }
    });
  };
}

/** A `#[contracttype]` struct or an event's data map: fields by name. */
export function mapEntries(v: xdr.ScVal | undefined): Map<string, xdr.ScVal> {
  const m = want(v, "scvMap") as unknown as { map: { key: xdr.ScVal; val: xdr.ScVal }[] | null };
  const out = new Map<string, xdr.ScVal>();
  for (const e of m.map ?? []) {
    if (e.key.type !== "scvSymbol") throw new FieldTypeError(`non-symbol map key ${e.key.type}`);
    out.set(String(scValToNative(e.key)), e.val);
  }
  return out;
}

export function struct<T>(fields: { [K in keyof T]: Reader<T[K]> }): Reader<T> {
  return (v) => {
    const m = mapEntries(v);
    const out = {} as T;
    for (const key of Object.keys(fields) as (keyof T & string)[]) {
      try {
        out[key] = fields[key](m.get(key));
      } catch (e) {
        throw new FieldTypeError(`.${key}: ${(e as Error).message}`);
      }
    }
    const extra = [...m.keys()].filter((k) => !(k in fields));
    if (extra.length) throw new FieldTypeError(`unexpected struct field(s) ${extra.join(", ")}`);
    return out;
  };
}
