import { isParentAway } from "../classification/definitions";
import { text } from "../i18n";
import { validate } from "../errors/validate";
import { ChildFileSchema, type ChildFile, type ChildFileInput } from "../model/child-file";
import { AsOfSchema } from "../model/primitives";
import { resolveAsOf } from "../time/convert";
import type { Guardian, Parent } from "../model/people";
import { addDays, dateParts, dayNumber } from "../time/calendar-date";
import { dateInZone } from "../time/zone";
import type { AsOf, CalendarDate } from "../time/types";
import { LEGAL_ARTICLES, type LegalHit, type LegalRule } from "./types";

/**
 * Stable codes of the legal rules.
 * @example
 * checkLegalDuties(file, { asOf }).some((f) => f.code === LegalCode.UNDER_16_LIVING_ALONE) //=> true
 * @category Legal
 */
export const LegalCode = {
  /** Art. 21: a child under 16 lives alone. */
  UNDER_16_LIVING_ALONE: "mpl21.under-16-living-alone",
  /** Art. 21: a child under 8 is unattended (lives alone, or no capable guardian is with them). */
  UNDER_8_UNATTENDED: "mpl21.under-8-unattended",
  /** Art. 21: a child from 8 to 15 has no capable guardian with them. */
  NO_CAPABLE_GUARDIAN: "mpl21.no-capable-guardian",
  /** Art. 22: a carer has one of the four disqualifications. */
  CARER_DISQUALIFIED: "mpl22.carer-disqualified",
  /** Art. 22: an entrusted carer is not a capable adult. */
  CARER_NOT_CAPABLE_ADULT: "mpl22.carer-not-capable-adult",
  /** Art. 23: no written notice of the entrusted carer. */
  NO_WRITTEN_NOTICE: "mpl23.no-written-notice",
  /** Art. 23: weeks without contact from the migrant parents. */
  NO_WEEKLY_CONTACT: "mpl23.no-weekly-contact",
  /** PIPL Art. 31: no guardian consent for a child under 14. */
  NO_GUARDIAN_CONSENT: "pipl31.no-guardian-consent",
} as const;
/** @category Legal */
export type LegalCode = (typeof LegalCode)[keyof typeof LegalCode];

/**
 * Whether a person born in `birthYear` is certainly under 18 on `asOf` (with only the year
 * known, a person may be a year younger than the difference of years; only a certain minor
 * counts).
 * @example
 * certainlyMinor(2010, "2026-12-31") //=> true
 * certainlyMinor(2008, "2026-01-01") //=> false (18 or 17: not certain)
 * @category Legal
 */
export function certainlyMinor(birthYear: number | undefined, asOf: CalendarDate): boolean {
  return birthYear !== undefined && dateParts(asOf).year - birthYear < 18;
}

function awayDuring(parent: Parent, from: CalendarDate, to: CalendarDate): boolean {
  return parent.awayPeriods.some((p) => p.from <= to && (p.to === undefined || p.to >= from));
}

/** A guardian able to look after the child: full capacity, no disqualification, not a minor. */
function capableGuardian(g: Guardian, asOf: CalendarDate): boolean {
  return (
    g.guardianshipCapacity === "full" &&
    g.disqualifications.length === 0 &&
    !certainlyMinor(g.birthYear, asOf)
  );
}

/**
 * Whether a capable adult looks after the child on `asOf`: the child does not live alone, and
 * a parent at home with full capacity, or a primary guardian who is a capable adult without
 * disqualification, is there. This is what "attended" means for Art. 21.
 * @example
 * hasCapableCare(file, "2026-03-01") //=> true
 * @category Legal
 */
export function hasCapableCare(file: ChildFileInput, asOf: AsOf): boolean {
  const subject = text("儿童档案", "child file");
  return capableCare(
    validate(ChildFileSchema, file, { subject }),
    resolveAsOf(validate(AsOfSchema, asOf, { path: ["asOf"] }), undefined),
  );
}

/** {@link hasCapableCare} on a validated file. */
function capableCare(file: ChildFile, asOf: CalendarDate): boolean {
  if (file.livingArrangement === "alone") return false;
  const parentHome = file.parents.some(
    (p) => !p.deceased && p.guardianshipCapacity === "full" && !isParentAway(p, asOf),
  );
  if (parentHome) return true;
  return file.guardians.some((g) => g.primary && capableGuardian(g, asOf));
}

/** Non-parent guardians with their index in `file.guardians`. */
function carers(file: ChildFile): { g: Guardian; i: number }[] {
  return file.guardians
    .map((g, i) => ({ g, i }))
    .filter(({ g }) => g.relation !== "father" && g.relation !== "mother");
}

const DISQUALIFICATION_TEXT = {
  "abuse-or-violence": text(
    "曾实施性侵害、虐待、遗弃、拐卖、暴力伤害等违法犯罪行为",
    "has committed abuse, abandonment, trafficking or violence",
  ),
  addiction: text("有吸毒、酗酒、赌博等恶习", "has a drug, alcohol or gambling habit"),
  "neglected-care-duties": text(
    "曾拒不履行或长期怠于履行监护、照护职责",
    "has refused or long neglected care duties",
  ),
  "otherwise-unsuitable": text("有其他不适宜担任被委托人的情形", "is otherwise unsuitable"),
} as const;

/**
 * The Monday starting the ISO week of a date.
 * @example
 * weekStart("2026-03-01") //=> "2026-02-23"
 * @category Legal
 */
export function weekStart(date: CalendarDate): CalendarDate {
  const n = dayNumber(date);
  // 1970-01-01 (day 0) was a Thursday: (n + 3) mod 7 is 0 on Mondays.
  return addDays(date, -(((n + 3) % 7) + 7) % 7);
}

const CONTACT_KINDS = new Set(["parent-call", "family-call", "video-call"]);

const under16Alone: LegalRule = {
  code: LegalCode.UNDER_16_LIVING_ALONE,
  article: LEGAL_ARTICLES.mpl21,
  severity: "critical",
  mandatoryReport: true,
  title: text(
    "未满十六周岁的未成年人不得脱离监护单独生活",
    "No child under 16 may live without a guardian",
  ),
  check: ({ file, age }) =>
    file.livingArrangement === "alone" && age < 16
      ? [
          {
            path: "livingArrangement",
            evidence: { age, livingArrangement: file.livingArrangement },
            message: text(
              `儿童 ${file.id} 未满十六周岁（${age} 岁）独自生活，脱离监护；须立即落实监护并依第十一条报告`,
              `Child ${file.id} is under 16 (${age}) and lives alone without a guardian; arrange care now and report under Art. 11`,
            ),
          },
        ]
      : [],
};

const under8Unattended: LegalRule = {
  code: LegalCode.UNDER_8_UNATTENDED,
  article: LEGAL_ARTICLES.mpl21,
  severity: "critical",
  mandatoryReport: true,
  title: text(
    "不得使未满八周岁的未成年人处于无人看护状态",
    "No child under 8 may be left unattended",
  ),
  check: ({ file, age, asOf }) => {
    if (age >= 8 || capableCare(file, asOf)) return [];
    return [
      {
        path: file.livingArrangement === "alone" ? "livingArrangement" : "guardians",
        evidence: {
          age,
          livingArrangement: file.livingArrangement,
          primaryGuardianIds: file.guardians.filter((g) => g.primary).map((g) => g.id),
          parentsAway: file.parents.filter((p) => isParentAway(p, asOf)).map((p) => p.id),
        },
        message: text(
          `儿童 ${file.id} 未满八周岁（${age} 岁），身边没有具备监护能力的成年人，处于无人看护状态；须立即落实看护并依第十一条报告`,
          `Child ${file.id} is under 8 (${age}) with no capable adult looking after them: unattended; arrange care now and report under Art. 11`,
        ),
      },
    ];
  },
};

const noCapableGuardian: LegalRule = {
  code: LegalCode.NO_CAPABLE_GUARDIAN,
  article: LEGAL_ARTICLES.mpl21,
  severity: "high",
  mandatoryReport: false,
  title: text(
    "未满十六周岁的未成年人须有具备监护能力的人照护",
    "A child under 16 needs a capable guardian",
  ),
  check: ({ file, age, asOf }) => {
    if (age < 8 || age >= 16 || file.livingArrangement === "alone" || capableCare(file, asOf))
      return [];
    return [
      {
        path: "guardians",
        evidence: {
          age,
          livingArrangement: file.livingArrangement,
          primaryGuardianIds: file.guardians.filter((g) => g.primary).map((g) => g.id),
        },
        message: text(
          `儿童 ${file.id}（${age} 岁）身边没有具备完全监护能力、无不良情形的成年照护人`,
          `Child ${file.id} (${age}) has no capable adult carer without disqualification at home`,
        ),
      },
    ];
  },
};

const carerDisqualified: LegalRule = {
  code: LegalCode.CARER_DISQUALIFIED,
  article: LEGAL_ARTICLES.mpl22,
  severity: "high",
  mandatoryReport: false,
  title: text(
    "有四种情形之一的人不得作为被委托人",
    "A person with one of the four disqualifications may not be entrusted",
  ),
  check: ({ file }) =>
    carers(file)
      .filter(({ g }) => g.disqualifications.length > 0)
      .map(({ g, i }): LegalHit => {
        const abuse = g.disqualifications.includes("abuse-or-violence");
        const zh = g.disqualifications.map((d) => DISQUALIFICATION_TEXT[d]["zh-CN"]).join("；");
        const en = g.disqualifications.map((d) => DISQUALIFICATION_TEXT[d].en).join("; ");
        return {
          path: `guardians[${i}].disqualifications`,
          evidence: {
            guardianId: g.id,
            disqualifications: g.disqualifications,
            entrusted: g.entrusted,
          },
          ...(abuse ? { severity: "critical" as const, mandatoryReport: true } : {}),
          message: text(
            `照护人 ${g.id} 不得作为被委托人：${zh}${abuse ? "；儿童面临危险，须依第十一条报告" : ""}`,
            `Carer ${g.id} may not be entrusted: ${en}${abuse ? "; the child is in danger, report under Art. 11" : ""}`,
          ),
        };
      }),
};

const carerNotCapableAdult: LegalRule = {
  code: LegalCode.CARER_NOT_CAPABLE_ADULT,
  article: LEGAL_ARTICLES.mpl22,
  severity: "high",
  mandatoryReport: false,
  title: text(
    "被委托人须为具有照护能力的完全民事行为能力人",
    "An entrusted carer must be a capable adult",
  ),
  check: ({ file, asOf }) =>
    file.guardians
      .map((g, i) => ({ g, i }))
      .filter(
        ({ g }) =>
          g.entrusted && (g.guardianshipCapacity !== "full" || certainlyMinor(g.birthYear, asOf)),
      )
      .map(({ g, i }): LegalHit => {
        const minor = certainlyMinor(g.birthYear, asOf);
        return {
          path: minor ? `guardians[${i}].birthYear` : `guardians[${i}].guardianshipCapacity`,
          evidence: {
            guardianId: g.id,
            guardianshipCapacity: g.guardianshipCapacity,
            birthYear: g.birthYear,
            minor,
          },
          message: text(
            `被委托照护人 ${g.id} 不是具有完全民事行为能力的成年人（${minor ? "未成年" : `监护能力：${g.guardianshipCapacity === "none" ? "无" : "有限"}`}）`,
            `Entrusted carer ${g.id} is not a capable adult (${minor ? "a minor" : `capacity: ${g.guardianshipCapacity}`})`,
          ),
        };
      }),
};

const noWrittenNotice: LegalRule = {
  code: LegalCode.NO_WRITTEN_NOTICE,
  article: LEGAL_ARTICLES.mpl23,
  severity: "medium",
  mandatoryReport: false,
  title: text(
    "父母须将委托照护情况书面告知学校和村（居）委会",
    "Parents must notify the school and village committee in writing",
  ),
  check: ({ file, asOf }) => {
    const away = file.parents.filter((p) => !p.deceased && isParentAway(p, asOf));
    if (away.length === 0) return [];
    return file.guardians
      .map((g, i) => ({ g, i }))
      .filter(
        ({ g }) => g.entrusted && (g.writtenNoticeOn === undefined || g.writtenNoticeOn > asOf),
      )
      .map(({ g, i }) => ({
        path: `guardians[${i}].writtenNoticeOn`,
        evidence: { guardianId: g.id, parentsAway: away.map((p) => p.id) },
        message: text(
          `父母外出务工，但未书面告知学校和村（居）委会由 ${g.id} 委托照护`,
          `The parents work away but have not told the school and village committee in writing that ${g.id} cares for the child`,
        ),
      }));
  },
};

const noWeeklyContact: LegalRule = {
  code: LegalCode.NO_WEEKLY_CONTACT,
  article: LEGAL_ARTICLES.mpl23,
  severity: "medium",
  mandatoryReport: false,
  title: text(
    "外出父母须至少每周与孩子联系一次",
    "Migrant parents must contact the child at least weekly",
  ),
  check: ({ file, asOf, timeZone, records, lookbackWeeks }) => {
    if (records === undefined) return [];
    const live = file.parents.filter((p) => !p.deceased);
    if (!live.some((p) => isParentAway(p, asOf))) return [];
    const contactDays = new Set<CalendarDate>();
    for (const r of records) {
      if (!CONTACT_KINDS.has(r.kind) || !r.childIds.includes(file.id)) continue;
      if (r.initiator !== "parent" && r.parentId === undefined) continue;
      contactDays.add(dateInZone(r.at, timeZone));
    }
    const current = weekStart(asOf);
    const missed: { from: CalendarDate; to: CalendarDate }[] = [];
    let checked = 0;
    for (let k = lookbackWeeks; k >= 1; k--) {
      const from = addDays(current, -7 * k);
      const to = addDays(from, 6);
      if (file.openedOn !== undefined && to < file.openedOn) continue;
      if (!live.some((p) => awayDuring(p, from, to))) continue;
      checked++;
      let contacted = false;
      for (let d = 0; d < 7 && !contacted; d++) contacted = contactDays.has(addDays(from, d));
      if (!contacted) missed.push({ from, to });
    }
    if (missed.length === 0) return [];
    const list = missed.map((w) => `${w.from}–${w.to}`);
    return [
      {
        severity: missed.length >= 2 ? "high" : "medium",
        evidence: { missedWeeks: missed, weeksChecked: checked, lookbackWeeks, timeZone },
        message: text(
          `近 ${lookbackWeeks} 周中有 ${missed.length} 周外出父母未与孩子联系：${list.join("、")}`,
          `In the last ${lookbackWeeks} weeks the migrant parents did not contact the child in ${missed.length} week(s): ${list.join(", ")}`,
        ),
      },
    ];
  },
};

const noGuardianConsent: LegalRule = {
  code: LegalCode.NO_GUARDIAN_CONSENT,
  article: LEGAL_ARTICLES.pipl31,
  severity: "medium",
  mandatoryReport: false,
  title: text(
    "处理不满十四周岁未成年人的个人信息须取得监护人同意",
    "Processing the data of a child under 14 needs guardian consent",
  ),
  check: ({ file, age, asOf }) =>
    age < 14 && (file.consent === undefined || file.consent.givenOn > asOf)
      ? [
          {
            path: "consent",
            evidence: { age },
            message: text(
              `儿童 ${file.id} 未满十四周岁（${age} 岁），其个人信息属敏感个人信息（第二十八条），档案中没有监护人同意记录`,
              `Child ${file.id} is under 14 (${age}); their information is sensitive (Art. 28) and no guardian consent is on file`,
            ),
          },
        ]
      : [],
};

/**
 * The legal rules Liushou ships, in order: Art. 21 (living alone, unattended, no capable
 * guardian), Art. 22 (disqualified carer, carer not a capable adult), Art. 23 (written notice,
 * weekly contact) and PIPL Art. 31 (guardian consent). A host may pass its own list.
 * @example
 * LEGAL_RULES.map((r) => r.code).includes("mpl21.under-16-living-alone") //=> true
 * @category Legal
 */
export const LEGAL_RULES: readonly LegalRule[] = /*#__PURE__*/ Object.freeze([
  under16Alone,
  under8Unattended,
  noCapableGuardian,
  carerDisqualified,
  carerNotCapableAdult,
  noWrittenNotice,
  noWeeklyContact,
  noGuardianConsent,
]);
