import { packageProject } from "../../vitest.shared.ts";

// The end-to-end tests import a synthetic school (files, mentors, a year of records).
export default packageProject("liushou");
