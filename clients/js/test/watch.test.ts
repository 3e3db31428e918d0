// The watch list over the backfill stream.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { WATCHED, backfill, watchList, type EventStream } from "../src/index.js";
import { fixture, pkg, readJson } from "./helpers.js";

const records = () => backfill(readJson<EventStream>(fixture("backfill.json"))).records;

test("watch: every watched event, per contract, newest first", () => {
  const all = records();
  const list = watchList(all);
  const watched = all.filter((r) => WATCHED[r.event]);
  assert.equal([...list.values()].reduce((n, l) => n + l.length, 0), watched.length, "nothing dropped");
  for (const [id, items] of list) {
    assert.ok(items.every((i) => i.contractId === id));
    for (let k = 1; k < items.length; k++) {
      assert.ok(items[k - 1].ledger >= items[k].ledger, `${id}: newest first`);
    }
  }
  // Every category a who-can-take-what alert needs appears in the stream.
  const events = new Set(watched.map((r) => r.event));
  for (const e of Object.keys(WATCHED)) assert.ok(events.has(e as never), `stream has ${e}`);
  // The retired settlement's newest watched event is its retire, an alert.
  const retired = all.find((r) => r.event === "retired" && r.version === 3)!;
  const top = list.get(retired.contractId)![0];
  assert.equal(top.event, "retired");
  assert.ok(top.alert);
  assert.match(top.summary, /all \d+ USDC moved to successor C/);
});

test("watch: the CLI prints each contract's list and filters by contract", () => {
  const cli = join(pkg, "dist/src/cli/watch.js");
  const out = execFileSync(process.execPath, [cli, fixture("backfill.json")], { encoding: "utf8" });
  assert.match(out, /^settlement C[A-Z0-9]{55}: \d+ event\(s\), newest first$/m);
  assert.match(out, /spend limit 1000 per 17280 ledgers/);
  const vault = records().find((r) => r.event === "swept")!.contractId;
  const json = JSON.parse(execFileSync(process.execPath, [cli, fixture("backfill.json"), "--contract", vault, "--json"], { encoding: "utf8" }));
  assert.deepEqual(Object.keys(json), [vault]);
  assert.ok(json[vault].some((i: { event: string }) => i.event === "swept"));
});
