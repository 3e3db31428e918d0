// docs/indexers.md states the filters the decoder variants define.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { filterTables, topicFilter } from "../src/index.js";
import { root } from "./helpers.js";

test("docs/indexers.md: the topic-filter tables are the variants' (regenerate from filterTables())", () => {
  const doc = readFileSync(join(root, "docs/indexers.md"), "utf8");
  assert.ok(doc.includes(filterTables()), "docs/indexers.md's filter tables differ from filterTables()");
});

test("filters: developer_credited needs 3 slots under v1 and 2 from v2", () => {
  assert.equal(topicFilter("settlement", 1, "developer_credited")!.length, 3);
  assert.equal(topicFilter("settlement", 2, "developer_credited")!.length, 2);
  assert.equal(topicFilter("settlement", 3, "developer_credited")!.length, 2);
  assert.equal(topicFilter("settlement", 1, "retired"), undefined);
});
