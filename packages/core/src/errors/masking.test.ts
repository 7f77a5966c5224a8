import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ChildFileSchema, IdNumberSchema, MobileSchema, type ChildFileInput } from "../model";
import { FieldClass, fieldClassAt, fieldClassOf } from "../privacy";
import type { ValidationError } from "./errors";
import { safeValidate, validate } from "./validate";

const ID = "110105194912310021"; // check character wrong on purpose
const VALID_ID = "11010519491231002X";
const PHONE = "1380013800"; // one digit short

function everyRendering(err: ValidationError): string[] {
  return [
    err.message,
    err.messageIn("en"),
    JSON.stringify(err),
    JSON.stringify(err.issues),
    JSON.stringify(err.zodIssues),
    inspect(err, { depth: 20 }),
    String(err.stack),
  ];
}

function errorOf(schema: z.ZodType, input: unknown): ValidationError {
  const r = safeValidate(schema, input);
  if (r.success) throw new Error("expected a failure");
  return r.error;
}

const file: ChildFileInput = {
  id: "c1",
  child: { name: "王小明", gender: "male", birthDate: "2014-04-02", regionCode: "430102001001" },
  livingArrangement: "grandparents",
};

describe("personal data in errors", () => {
  it("an ID number validated on its own is masked, in every rendering of the error", () => {
    const err = errorOf(IdNumberSchema, ID);
    for (const s of everyRendering(err)) expect(s).not.toContain(ID);
    expect(err.issues[0]!.received).toBe('"11**************21" (18 chars)');
    expect(() => validate(IdNumberSchema, ID)).toThrow(/11\*+21/);
  });

  it("zod's issues kept on the error carry no input", () => {
    const err = errorOf(ChildFileSchema, { ...file, child: { ...file.child, idNumber: ID } });
    for (const issue of err.zodIssues) expect(issue).not.toHaveProperty("input");
    for (const s of everyRendering(err)) expect(s).not.toContain(ID);
  });

  it("masking follows the schema, not the field name", () => {
    const Renamed = z.object({
      zhengjian: IdNumberSchema,
      dianhua: MobileSchema,
      idNumber: z.number(),
    });
    const err = errorOf(Renamed, { zhengjian: ID, dianhua: PHONE, idNumber: "x" });
    for (const s of everyRendering(err)) {
      expect(s).not.toContain(ID);
      expect(s).not.toContain(PHONE);
    }
    expect(err.issues.find((i) => i.path === "idNumber")!.received).toBe('"x"');
  });

  it("the ID/birth-date and ID/sex mismatch messages do not print what the ID encodes", () => {
    const err = errorOf(ChildFileSchema, {
      ...file,
      child: { ...file.child, gender: "male", birthDate: "2014-04-02", idNumber: VALID_ID },
    });
    expect(err.issues.map((i) => i.code)).toEqual([
      "id_number_birth_mismatch",
      "id_number_sex_mismatch",
    ]);
    for (const s of everyRendering(err)) {
      expect(s).not.toContain(VALID_ID);
      expect(s).not.toContain("1949-12-31");
      expect(s).not.toMatch(/encodes female|性别为 女/);
    }
  });

  it("addresses and health notes are classed, and a long number typed into free text is masked", () => {
    expect(fieldClassAt(ChildFileSchema, ["child", "address"])).toBe(FieldClass.IDENTIFYING);
    expect(fieldClassAt(ChildFileSchema, ["guardians", 0, "health"])).toBe(FieldClass.HEALTH);
    expect(fieldClassAt(ChildFileSchema, ["parents", 1, "monthlyIncomeFen"])).toBe(
      FieldClass.FINANCIAL,
    );
    expect(fieldClassAt(ChildFileSchema, ["child", "name"])).toBeUndefined();
    expect(fieldClassOf(MobileSchema.optional())).toBe(FieldClass.IDENTIFYING);
    const err = errorOf(ChildFileSchema, {
      ...file,
      child: { ...file.child, address: 7, name: `电话${VALID_ID}`.repeat(3) },
    });
    for (const s of everyRendering(err)) expect(s).not.toContain(VALID_ID);
  });

  it("a class on an enclosing object masks every field inside it", () => {
    const Contact = z
      .object({ note: z.string().max(3) })
      .meta({ fieldClass: FieldClass.SENSITIVE });
    const err = errorOf(z.object({ contact: Contact }), { contact: { note: "secret note" } });
    expect(err.issues[0]!.received).toBe('"se*******te" (11 chars)');
  });
});
