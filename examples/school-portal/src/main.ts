/**
 * `pnpm --filter @liushou/example-school-portal start`: serves the portal on
 * http://localhost:3000 (`PORT` to change it; `PORTAL_DB` for an SQLite file instead of memory).
 */
import { serve } from "@hono/node-server";
import { createPortal } from "./app";

const portal = await createPortal(process.env.PORTAL_DB ? { filename: process.env.PORTAL_DB } : {});
const port = Number(process.env.PORT ?? 3000);
const server = serve({ fetch: portal.web.fetch, port }, (info) => {
  console.log(`留守儿童关爱 school portal: http://localhost:${info.port}/ (English: /?lang=en)`);
});
const stop = () => server.close(() => void portal.close().then(() => process.exit(0)));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
