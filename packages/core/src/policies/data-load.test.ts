import { afterEach, describe, expect, it, vi } from "vitest";
import { thrown } from "../_lib/throws.test-helper";
import { safeValidateList } from "../errors/validate-list";
import { text } from "../i18n";
import { ChildFileSchema } from "../model/child-file";
import { ContactRecordSchema } from "../model/records";
import { prepareComplianceData } from "./data";
import { scenario } from "./scenario.test-helper";

/**
 * Loading child files takes the quick check where it can: the prepared children must be exactly
 * what `ChildFileSchema` gives, whatever mix of files in shape and files zod must normalise
 * (numeric ids, dates as `Date`, phones with spaces), and a bad or repeated file must give the
 * same errors as validating the list with zod.
 */
describe("prepareComplianceData: child files", () => {
  it("prepares the children zod would, files in shape or not", () => {
    const s = scenario();
    const [first, second, ...rest] = s.children;
    const children = [
      { ...first!, child: { ...first!.child, birthDate: new Date("2015-03-02T00:00:00+08:00") } },
      {
        ...second!,
        extra: "dropped",
        emergencyContacts: [{ name: "王", relation: "祖父", phone: "+86 138 0013 8000" }],
      },
      ...rest,
    ];
    const d = prepareComplianceData({ ...s, children });
    expect(d.children).toStrictEqual(children.map((c) => ChildFileSchema.parse(c)));
  });

  it("reports a bad file and a repeated id as validating the list with zod does", () => {
    const s = scenario();
    const children = [
      ...s.children,
      { ...s.children[0]!, child: { ...s.children[0]!.child, grade: 13 } },
      s.children[1]!,
    ];
    const zod = safeValidateList(ChildFileSchema, children, {
      path: ["children"],
      idNoun: text("儿童", "child"),
    });
    expect(zod.success).toBe(false);
    const error = thrown(() => prepareComplianceData({ ...s, children }));
    expect((error as { issues: unknown }).issues).toEqual(zod.success ? [] : zod.error.issues);
  });
});

/**
 * The quick checks are the point of this loading code: a county's files and records in shape
 * must not reach zod at all (its output would be the same, only slower), while the rest does.
 */
describe("prepareComplianceData: what reaches zod", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("parses no child file and no record in shape, and each other one once", () => {
    const s = scenario();
    const files = vi.spyOn(ChildFileSchema, "safeParse");
    const records = vi.spyOn(ContactRecordSchema, "safeParse");
    prepareComplianceData(s);
    expect([files.mock.calls.length, records.mock.calls.length]).toEqual([0, 0]);
    const [first, ...rest] = s.children;
    prepareComplianceData({
      ...s,
      children: [
        { ...first!, child: { ...first!.child, birthDate: new Date(2015, 2, 2) } },
        ...rest,
      ],
      records: [{ ...s.records[0]!, at: new Date("2026-03-02T01:00:00Z") }, ...s.records.slice(1)],
    });
    expect([files.mock.calls.length, records.mock.calls.length]).toEqual([1, 1]);
  });
});
