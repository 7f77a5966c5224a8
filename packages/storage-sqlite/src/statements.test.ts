import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { reusingStatements } from "./statements";

describe("reusingStatements", () => {
  it("prepares each SQL text once and keeps the latest ones", () => {
    const database = new Database(":memory:");
    const reusing = reusingStatements(database, 2);
    const a = reusing.prepare("select 1 as n");
    expect(reusing.prepare("select 1 as n")).toBe(a);
    const b = reusing.prepare("select 2 as n");
    expect(reusing.prepare("select 1 as n")).toBe(a); // a is now the latest
    reusing.prepare("select 3 as n"); // b, the least recently used, goes
    expect(reusing.prepare("select 1 as n")).toBe(a);
    expect(reusing.prepare("select 2 as n")).not.toBe(b);
    expect(reusing.prepare("select 2 as n").all([])).toEqual([{ n: 2 }]);
    reusing.close();
    expect(database.open).toBe(false);
  });

  it("a kept statement runs again with new values, and after the table changes", () => {
    const reusing = reusingStatements(new Database(":memory:"));
    reusing.prepare("create table t (a integer)").run([]);
    const insert = "insert into t (a) values (?)";
    reusing.prepare(insert).run([1]);
    reusing.prepare(insert).run([2]);
    reusing.prepare("alter table t add column b text").run([]);
    reusing.prepare(insert).run([3]);
    expect(reusing.prepare("select a from t order by a").all([])).toEqual([
      { a: 1 },
      { a: 2 },
      { a: 3 },
    ]);
    reusing.close();
  });
});
