import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/errors";
import type { ChildFileInput } from "../model/child-file";
import type { ContactRecordInput } from "../model/records";
import { checkLegalDutiesAll } from "./check";
import { asOf, call, file } from "./files.test-helper";
import { checkLegalDutiesPartitioned, type LegalPartition } from "./partitioned";
import type { LegalFinding } from "./types";

/** Child `i` in one of several situations, with a few parent calls of its own. */
function child(i: number, kind: number): { file: ChildFileInput; records: ContactRecordInput[] } {
  const id = `c${i}`;
  const situations: Partial<ChildFileInput>[] = [
    {},
    { livingArrangement: "alone" },
    { consent: undefined },
    { livingArrangement: "alone", consent: undefined },
  ];
  const records = Array.from({ length: kind % 3 }, (_, k) =>
    call(`r${i}-${k}`, `2026-02-${String(10 + 7 * k).padStart(2, "0")}T20:00:00+08:00`, {
      childIds: [id],
    }),
  );
  return { file: file({ id, ...situations[kind % situations.length] }), records };
}

async function* asyncly<T>(xs: readonly T[]): AsyncGenerator<T> {
  for (const x of xs) yield await Promise.resolve(x);
}

/** The counts of a summary, tallied here from one call's findings. */
function tally(all: ReadonlyMap<string, LegalFinding[]>) {
  const byCode: Record<string, { findings: number; children: number }> = {};
  const bySeverity = { critical: 0, high: 0, medium: 0, low: 0 };
  let withFindings = 0;
  let mandatoryReports = 0;
  for (const list of all.values()) {
    if (list.length > 0) withFindings++;
    if (list.some((f) => f.mandatoryReport)) mandatoryReports++;
    for (const f of list) {
      bySeverity[f.severity]++;
      byCode[f.code] ??= { findings: 0, children: 0 };
      byCode[f.code]!.findings++;
    }
    for (const code of new Set(list.map((f) => f.code))) byCode[code]!.children++;
  }
  return { children: all.size, withFindings, mandatoryReports, byCode, bySeverity };
}

describe("checkLegalDutiesPartitioned", () => {
  it("finds what one call over every file and record finds, however they are split", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(11), { minLength: 0, maxLength: 24 }),
        fc.array(fc.nat(24), { maxLength: 4 }),
        fc.boolean(),
        async (kinds, cuts, details) => {
          const children = kinds.map((k, i) => child(i, k));
          const at = [0, ...[...cuts].map((c) => Math.min(c, kinds.length)).sort((a, b) => a - b)];
          at.push(kinds.length);
          const parts: LegalPartition[] = at.slice(1).map((end, p) => ({
            key: `43010${p}`,
            files: children.slice(at[p], end).map((c) => c.file),
            records: children.slice(at[p], end).flatMap((c) => c.records),
          }));
          const seen: string[] = [];
          const summary = await checkLegalDutiesPartitioned(asyncly(parts), {
            asOf,
            details,
            onPartition: (findings, key) => {
              seen.push(key);
              expect([...findings.keys()]).toEqual(
                parts.find((p) => p.key === key)!.files.map((f) => f.id),
              );
            },
          });
          const all = checkLegalDutiesAll(
            children.map((c) => c.file),
            { asOf, records: children.flatMap((c) => c.records) },
          );
          const { findings, ...counts } = summary;
          expect(counts).toEqual({
            ...tally(all),
            byCode: expect.any(Object),
          });
          expect(counts.byCode).toEqual(tally(all).byCode);
          expect(Object.keys(counts.byCode)).toEqual(Object.keys(counts.byCode).sort());
          if (details) expect([...findings!]).toEqual([...all]);
          else expect("findings" in summary).toBe(false);
          expect(seen).toEqual(parts.map((p) => p.key));
        },
      ),
      { numRuns: 40 },
    );
  });

  it("checks the options before it reads any partition", async () => {
    let read = 0;
    function* counties(): Generator<LegalPartition> {
      read++;
      yield { key: "430102", files: [file()] };
    }
    const refusals: [object, string][] = [
      [{ asOf: "2026-02-30" }, "asOf"],
      [{ asOf, lookbackWeeks: 0 }, "lookbackWeeks"],
      [{ asOf, details: "no" }, "details"],
      [{ asOf, onPartition: 1 }, "onPartition"],
      [{ asOf, records: [] }, "records"],
    ];
    for (const [options, path] of refusals) {
      const e = await checkLegalDutiesPartitioned(counties(), options as never).catch((x) => x);
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues.map((i) => i.path)).toEqual([path]);
    }
    expect(read).toBe(0);
    await expect(checkLegalDutiesPartitioned(42 as never, { asOf })).rejects.toThrow(/partitions/);
  });

  it("names the partition of a bad file or record, and a child given by two partitions", async () => {
    const bad = { ...file({ id: "c9" }), child: { ...file().child, birthDate: "2016-02-30" } };
    const e = await checkLegalDutiesPartitioned(
      [
        { key: "430102", files: [file()] },
        { key: "430103", files: [bad], records: [call("r1", "nonsense")] },
      ],
      { asOf },
    ).catch((x) => x);
    expect(e).toBeInstanceOf(ValidationError);
    const issues = (e as ValidationError).issues;
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(["partitions[1].files[0].child.birthDate"]),
    );
    expect(issues[0]!.message.en).toMatch(/^partition 430103: /);
    const twice = await checkLegalDutiesPartitioned(
      [
        { key: "430102", files: [file({ id: "c1" }), file({ id: "c2" })] },
        { key: "430103", files: [file({ id: "c3" }), file({ id: "c2" })] },
      ],
      { asOf },
    ).catch((x) => x);
    expect((twice as ValidationError).issues).toEqual([
      expect.objectContaining({
        path: "partitions[1].files[1].id",
        code: "duplicate_id",
        message: {
          "zh-CN": "字段 partitions[1].files[1].id：分区 430103 的儿童 c2 已在分区 430102 中",
          en: "partitions[1].files[1].id: child c2 of partition 430103 is already in partition 430102",
        },
      }),
    ]);
    for (const partition of [null, 7, { files: [] }, { key: {}, files: [] }]) {
      await expect(
        checkLegalDutiesPartitioned([partition as never], { asOf }),
      ).rejects.toBeInstanceOf(ValidationError);
    }
  });
});
