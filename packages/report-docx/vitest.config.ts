import { packageProject } from "../../vitest.shared.ts";

// Starting LibreOffice on a loaded machine takes a while.
export default packageProject("report-docx", { hookTimeout: 60_000 });
