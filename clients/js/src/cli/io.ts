// Reading a history file for the CLIs.
import { readFileSync } from "node:fs";
import type { EventStream } from "../backfill.js";
import type { WasmRange } from "../history.js";

export type HistoryFile = (EventStream & { ranges?: undefined }) | { ranges: WasmRange[]; deployments?: undefined; events?: undefined };

export function readHistory(path: string): HistoryFile {
  const doc = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  if (Array.isArray(doc.ranges)) return { ranges: doc.ranges as WasmRange[] };
  if (Array.isArray(doc.deployments) && Array.isArray(doc.events)) {
    return { deployments: doc.deployments, events: doc.events } as EventStream;
  }
  throw new Error(`${path}: expected {deployments, events} (getEvents JSON) or {ranges}`);
}
