import type * as z from "zod";
import { describe, expect, it } from "vitest";
import { STORAGE_ENTITY_SCHEMAS } from "../ports/storage/entities";
import { fieldClassAt } from "./field-class";
import { schemaLeaves } from "./schema-walk";

const PERSONAL =
  /name|phone|mobile|address|idnumber|studentnumber|note|summary|followup|health|income|amount|cost|place|evidence|personality|employer|workplace|answer|responses/i;

/**
 * Personal-looking fields left without a class, each with the decision. Names stay unclassed:
 * a classed field is masked for every role, and staff must see the names of the children they
 * care for; the file's identifying numbers, addresses and phones are classed instead.
 */
const NOT_PERSONAL: Record<string, string> = {
  "files.child.name": "shown to staff in scope; identity numbers and addresses are classed",
  "files.guardians.*.name": "shown to staff in scope, who call the guardian",
  "files.parents.*.name": "shown to staff in scope",
  "files.emergencyContacts.*.name": "shown to staff in scope, for emergencies",
  "files.child.personality": "a teacher's observation, not sensitive data in the PIPL sense",
  "files.guardians.*.personality": "a teacher's observation of the carer",
  "files.parents.*.employer": "a work unit, needed to reach the parent; not identifying alone",
  "files.parents.*.workplace": "a city, as in the away periods",
  "schools.name": "organisation data",
  "classes.name": "organisation data",
  "mentors.name": "staff, not a child's data",
  "contacts.place": "where a visit took place: the home or activity room, as text",
  "contacts.summary": "the visit's record, read by every mentor in scope",
  "contacts.followUp": "the visit's record, read by every mentor in scope",
  "assistancePlans.items.*.progress.*.note": "the plan's progress, read by the helpers in scope",
  "assistancePlans.items.*.progress.*.note.zh-CN":
    "the plan's progress, read by the helpers in scope",
  "assistancePlans.items.*.progress.*.note.en": "the plan's progress, read by the helpers in scope",
  "wishes.donor.name": "a donor (a person or a company), not a child's data",
  "wishes.history.*.note": "the wish's status note",
  "activities.notes": "the activity's record",
  "aid.donor.name": "a donor (a person or a company), not a child's data",
  "wishes.costFen": "the price of a small gift, not family finances",
  "aid.notes": "the aid ledger's note",
};

describe("field classes of the entity schemas", () => {
  const found: string[] = [];
  for (const [kind, schema] of Object.entries(STORAGE_ENTITY_SCHEMAS)) {
    for (const [key, path] of schemaLeaves(schema as z.ZodType)) {
      const name = `${kind}.${key}`;
      if (!PERSONAL.test(key.split(".").at(-1) ?? "") && !PERSONAL.test(key)) continue;
      found.push(name);
      it(`${name} has a class or a decision`, () => {
        const cls = fieldClassAt(schema as z.ZodType, path);
        expect(cls !== undefined || Object.hasOwn(NOT_PERSONAL, name), name).toBe(true);
        // A decision on a field that now has a class is stale.
        if (cls !== undefined) expect(Object.hasOwn(NOT_PERSONAL, name), name).toBe(false);
      });
    }
  }
  it("finds the classed fields it must find, and every decision names a real field", () => {
    expect(found).toEqual(
      expect.arrayContaining([
        "files.child.idNumber",
        "files.child.address",
        "files.child.health",
        "files.guardians.*.phone",
        "files.parents.*.monthlyIncomeFen",
        "consents.evidence",
      ]),
    );
    for (const name of Object.keys(NOT_PERSONAL)) expect(found, name).toContain(name);
  });
});
