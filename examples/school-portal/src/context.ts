import type { Hono } from "hono";
import {
  addDays,
  type CalendarDate,
  type ChildFile,
  type Instant,
  type Liushou,
  type Locale,
  type StorageAdapter,
} from "liushou";
import { maskName } from "./i18n";
import type { SeededSchool } from "./seed";

/** What every page of the portal reads. */
export interface PortalContext {
  readonly app: Liushou;
  readonly storage: StorageAdapter;
  readonly school: SeededSchool;
  /** Today in the school's zone, and the current instant (from Liushou's clock). */
  today(): CalendarDate;
  now(): Instant;
  /** Show names in full (default false: masked). */
  readonly revealNames: boolean;
}

/** The Hono environment of the portal: the request's locale. */
export type PortalEnv = { Variables: { locale: Locale } };

/** A route module: adds its routes to the app. */
export type Routes = (web: Hono<PortalEnv>, portal: PortalContext) => void;

/** A child's name as the portal shows it (masked unless the portal reveals names). */
export function childName(portal: PortalContext, file: ChildFile | undefined, id: string): string {
  if (!file) return id;
  return portal.revealNames ? file.child.name : maskName(file.child.name);
}

/** The stored files by id. */
export async function filesById(portal: PortalContext): Promise<Map<string, ChildFile>> {
  const out = new Map<string, ChildFile>();
  for await (const r of portal.storage.files.stream({})) out.set(r.value.id, r.value);
  return out;
}

/** The period the portal reports on: the 120 days up to today. */
export function termOf(asOf: CalendarDate): { from: CalendarDate; to: CalendarDate } {
  return { from: addDays(asOf, -119), to: asOf };
}
