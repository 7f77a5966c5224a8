/**
 * Codes of the compliance data's event columns: contact and activity kinds, initiators.
 * @module
 */
import { ActivityKindSchema, ContactKindSchema, InitiatorSchema } from "../model/records";

/** Kind codes: contact kinds 0–15, activity kinds 16–31. @internal */
export const CONTACT_KIND_CODE = new Map(ContactKindSchema.options.map((k, i) => [k as string, i]));
/** @internal */
export const ACTIVITY_KIND_CODE = new Map(
  ActivityKindSchema.options.map((k, i) => [k as string, 16 + i]),
);
/** @internal */
export const INITIATOR_CODE = new Map(InitiatorSchema.options.map((k, i) => [k as string, i]));
/** Initiator code of an activity (it has none). @internal */
export const NO_INITIATOR = 255;
