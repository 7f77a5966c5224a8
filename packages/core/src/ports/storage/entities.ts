import type { z } from "zod";
import { AssistancePlanSchema, type AssistancePlan } from "../../assistance/schema";
import { ConsentRecordSchema, type ConsentRecord } from "../../consent/schema";
import { SchoolClassSchema, SchoolSchema } from "../../model/area";
import type { School, SchoolClass } from "../../model/area";
import { ChildFileSchema, type ChildFile } from "../../model/child-file";
import { MentorSchema, PairingSchema, type Mentor, type Pairing } from "../../model/mentor";
import {
  ActivitySchema,
  AidSchema,
  AssessmentSchema,
  ContactRecordSchema,
  MicroWishSchema,
  type Activity,
  type Aid,
  type Assessment,
  type ContactRecord,
  type MicroWish,
} from "../../model/records";

/**
 * The kinds of entity a storage adapter keeps, one repository each. The names are the
 * repositories' property names on a {@link StorageSession}.
 * @example
 * STORAGE_ENTITY_KINDS.includes("contacts") //=> true
 * @category Storage
 */
export const STORAGE_ENTITY_KINDS = [
  "files",
  "schools",
  "classes",
  "mentors",
  "pairings",
  "contacts",
  "assessments",
  "assistancePlans",
  "wishes",
  "activities",
  "aid",
  "consents",
] as const;

/**
 * One of {@link STORAGE_ENTITY_KINDS}.
 * @example
 * const kind: StorageEntityKind = "files";
 * @category Storage
 */
export type StorageEntityKind = (typeof STORAGE_ENTITY_KINDS)[number];

/**
 * The entity type kept by each repository.
 * @example
 * type F = StorageEntities["files"]; // ChildFile
 * @category Storage
 */
export interface StorageEntities {
  files: ChildFile;
  schools: School;
  classes: SchoolClass;
  mentors: Mentor;
  pairings: Pairing;
  contacts: ContactRecord;
  assessments: Assessment;
  assistancePlans: AssistancePlan;
  wishes: MicroWish;
  activities: Activity;
  aid: Aid;
  consents: ConsentRecord;
}

/**
 * The zod schema of each kind of stored entity: what goes in and what comes back out of an
 * adapter passes it.
 * @example
 * STORAGE_ENTITY_SCHEMAS.contacts.parse(record)
 * @category Storage
 */
export const STORAGE_ENTITY_SCHEMAS: {
  readonly [K in StorageEntityKind]: z.ZodType<StorageEntities[K], unknown>;
} = {
  files: ChildFileSchema as z.ZodType<ChildFile, unknown>,
  schools: SchoolSchema as z.ZodType<School, unknown>,
  classes: SchoolClassSchema as z.ZodType<SchoolClass, unknown>,
  mentors: MentorSchema as z.ZodType<Mentor, unknown>,
  pairings: PairingSchema as z.ZodType<Pairing, unknown>,
  contacts: ContactRecordSchema as z.ZodType<ContactRecord, unknown>,
  assessments: AssessmentSchema as z.ZodType<Assessment, unknown>,
  assistancePlans: AssistancePlanSchema as z.ZodType<AssistancePlan, unknown>,
  wishes: MicroWishSchema as z.ZodType<MicroWish, unknown>,
  activities: ActivitySchema as z.ZodType<Activity, unknown>,
  aid: AidSchema as z.ZodType<Aid, unknown>,
  consents: ConsentRecordSchema as z.ZodType<ConsentRecord, unknown>,
};
