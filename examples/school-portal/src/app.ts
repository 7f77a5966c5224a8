import { Hono } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import {
  createLiushou,
  toCalendarDate,
  toInstant,
  type Liushou,
  type StorageAdapter,
} from "liushou";
import { DEFAULT_REPORT_POLICIES } from "@liushou/report";
import { createSqliteStorage } from "@liushou/storage-sqlite";
import type { PortalContext, PortalEnv } from "./context";
import { localeOf } from "./i18n";
import { dashboardRoutes } from "./routes/dashboard";
import { pairingRoutes } from "./routes/pairings";
import { reportRoutes } from "./routes/reports";
import { visitRoutes } from "./routes/visit";
import { wishRoutes } from "./routes/wishes";
import { workRoutes } from "./routes/work";
import { schoolReportBuilder } from "./reports";
import { seedSchool } from "./seed";

/** Options of {@link createPortal}. */
export interface PortalOptions {
  /** SQLite file; default `:memory:` (the data lives as long as the process). */
  filename?: string;
  /** The clock (default the system's); the seeded school is generated for its day. */
  clock?: () => Date | string;
  /** Show children's names in full. Default false (masked). */
  revealNames?: boolean;
}

/** A running portal: the Hono app, Liushou and the storage behind it. */
export interface Portal {
  readonly web: Hono<PortalEnv>;
  readonly app: Liushou;
  readonly storage: StorageAdapter;
  close(): Promise<void>;
}

/**
 * Builds the school portal: Liushou on SQLite, seeded with a synthetic school, and the Hono app
 * serving its pages. zh-CN by default, English with `?lang=en` (remembered in a cookie).
 */
export async function createPortal(options: PortalOptions = {}): Promise<Portal> {
  const storage = await createSqliteStorage({ filename: options.filename ?? ":memory:" });
  const clock = options.clock ?? (() => new Date());
  const app = createLiushou({
    storage,
    actor: "school-portal",
    clock: clock as () => Date,
    policies: DEFAULT_REPORT_POLICIES,
    renderers: { school: schoolReportBuilder },
  });
  // The school's zone: today and the current instant as wall time there.
  const zone = "Asia/Shanghai";
  const today = () => toCalendarDate(clock(), zone);
  const school = await seedSchool(app, today());
  const portal: PortalContext = {
    app,
    storage: app.storage,
    school,
    today,
    now: () => toInstant(clock(), zone),
    revealNames: options.revealNames ?? false,
  };
  const web = new Hono<PortalEnv>();
  web.use(async (c, next) => {
    const query = c.req.query("lang");
    c.set("locale", localeOf(query, getCookie(c, "lang")));
    if (query === "en" || query === "zh-CN")
      setCookie(c, "lang", query, { path: "/", sameSite: "Lax" });
    await next();
  });
  for (const routes of [
    dashboardRoutes,
    workRoutes,
    visitRoutes,
    pairingRoutes,
    wishRoutes,
    reportRoutes,
  ])
    routes(web, portal);
  return { web, app, storage: app.storage, close: async () => storage.close?.() };
}
