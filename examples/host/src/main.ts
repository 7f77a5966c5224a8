/**
 * A host's flow against the published package: rows in, the rules applied, results out. Run in
 * the workspace with `pnpm --filter @liushou/example-host start`, and against the packed
 * tarball in a fresh strict TypeScript project by `scripts/check-host.sh`. Exits non-zero when a
 * result is not the one expected.
 */
import {
  POLICY_PRESETS,
  ValidationError,
  assessRisk,
  checkLegalDuties,
  classifyLeftBehind,
  evaluateCompliance,
  labelOf,
  nextDue,
  text,
  type LegalRule,
} from "@liushou/core";
import { TEACHER_PAIRING_PRESET, planPairings } from "@liushou/core/pairing";
import { ValidationError as ValidationErrorFromSubpath } from "@liushou/core/errors";
import {
  childFileFromRows,
  contactFromRow,
  mentorFromRow,
  pairingFromRow,
  ZONE,
} from "./mapping.js";
import { guardians, pairings, parents, students, teachers, visits } from "./rows.js";

function check(ok: boolean, what: string): void {
  if (!ok) {
    console.error(`FAIL: ${what}`);
    process.exitCode = 1;
  } else console.log(`ok: ${what}`);
}

// A date as a request gives it: a plain string, no cast.
const asOf: string = process.argv[2] ?? "2026-04-10";

const files = students.map((s) => childFileFromRows(s, guardians, parents));
const mentors = teachers.map(mentorFromRow);
const records = visits.map(contactFromRow);
const existing = pairings.map(pairingFromRow);

// Who is left behind today.
const verdicts = files.map((f) => classifyLeftBehind(f, { asOf, zone: ZONE }));
const leftBehind = files.filter((_, i) => verdicts[i]!.leftBehind);
check(
  JSON.stringify(verdicts.map((v) => v.leftBehind)) === "[true,false,true]",
  "two of three pupils are left behind (both parents away), the third lives with her mother",
);

// Pairing, from the subpath export: the existing pairing (numeric ids, a Date) is kept.
const plan = planPairings({
  children: leftBehind,
  mentors,
  existing,
  rules: TEACHER_PAIRING_PRESET,
  asOf,
});
check(
  plan.diff.kept.length === 1 && plan.diff.kept[0]!.childId === "1001",
  "the pairing on file is kept, its ids now strings",
);
check(plan.pairs.length === 2, "every left-behind child has a mentor");

// Compliance: home visits per month, and the next window per policy (the list form).
const pairingsNow = plan.pairs.map((p) => p.pairing);
const report = evaluateCompliance({
  policies: [POLICY_PRESETS.homeVisitMonthly],
  children: leftBehind,
  mentors,
  pairings: pairingsNow,
  records,
  period: { from: "2026-03-01", to: "2026-03-31" },
  asOf,
  timeZone: ZONE,
});
check(report.counts().met >= 1, "the March home visit to 1001 counts (DATETIME read in Beijing)");
const due = nextDue({
  policies: [POLICY_PRESETS.homeVisitMonthly, POLICY_PRESETS.parentsContactWeekly],
  children: leftBehind,
  mentors,
  pairings: pairingsNow,
  records,
  asOf,
  subject: { childId: "1003" },
});
check(due.length > 0, "nextDue takes the raw lists");

// A county's own rule, citing the county's document.
const countyRule: LegalRule = {
  code: "county.key-case-visit",
  article: {
    law: "example-county-2024-3",
    article: "第五条",
    level: "county",
    citation: text(
      "《示例县农村留守儿童关爱保护实施办法》第五条",
      "Example County care measures (2024), Art. 5",
    ),
  },
  severity: "medium",
  mandatoryReport: false,
  title: text("重点对象每月家访", "Key cases visited monthly"),
  check: (ctx) =>
    ctx.file.keyCase &&
    !(ctx.records ?? []).some((r) => r.kind === "home-visit" && r.at >= "2026-04-01")
      ? [
          {
            message: text("本月尚未家访", "no home visit yet this month"),
            evidence: { childId: ctx.file.id },
          },
        ]
      : [],
};
const findings = checkLegalDuties(files[0]!, {
  asOf: new Date("2026-04-10T09:00:00+08:00"),
  records,
  rules: [countyRule],
});
check(
  findings.length === 1 && findings[0]!.article.level === "county",
  "a county rule cites the county document",
);
const risk = assessRisk(files[2]!, {
  asOf,
  findings: checkLegalDuties(files[2]!, { asOf, records }),
});
check(
  typeof risk.level === "string",
  `risk of 1003: ${labelOf("riskLevel", risk.level)} (${risk.level})`,
);

// One error class across the root and the subpaths.
try {
  classifyLeftBehind({ ...files[0]!, id: -1 }, { asOf });
  check(false, "a negative id is refused");
} catch (e) {
  check(
    e instanceof ValidationError && e instanceof ValidationErrorFromSubpath,
    "a bad row is a ValidationError, the same class from every entry",
  );
  if (e instanceof ValidationError)
    console.log(`   ${e.issues[0]?.path}: ${e.issues[0]?.message.en}`);
}

for (const f of leftBehind) {
  console.log(
    `${f.child.name} ${labelOf("livingArrangement", f.livingArrangement)} / ${labelOf("livingArrangement", f.livingArrangement, "en")}`,
  );
}
