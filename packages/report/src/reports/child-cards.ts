import {
  DefinitionChoiceSchema,
  IssueCode,
  invalidArgument,
  labelOf,
  text,
  type ChildFile,
  type DefinitionChoice,
  type Locale,
  type Mentor,
  type Pairing,
  type School,
  type SchoolClass,
} from "@liushou/core";
import * as z from "zod";
import { leftBehindFiles } from "../care/left-behind";
import { CareDataSchema } from "../care/scope";
import { createLookup, type Lookup } from "../care/lookup";
import { joinList, tr } from "../care/words";
import type { Card, CardField, Report, ReportMeta } from "../model/types";
import { createMasker, type Masker } from "../privacy/mask";
import { reportMeta, resolveOptions, SubjectSchema, type ReportOptions } from "./options";

/**
 * Input of {@link childCardsReport}.
 * @example
 * const input: ChildCardsInput = { files, mentors, pairings, classes, cards: "contact", asOf: "2026-06-30", generatedAt: "2026-07-01T09:00:00+08:00" };
 * @category Report builders
 */
export interface ChildCardsInput extends ReportOptions {
  files: readonly ChildFile[];
  mentors?: readonly Mentor[];
  pairings?: readonly Pairing[];
  schools?: readonly School[];
  classes?: readonly SchoolClass[];
  definition?: DefinitionChoice;
  /** The children to print, in this order. Default: every child left behind on `asOf`. */
  childIds?: readonly string[];
  /** The file card (档案卡), the contact card (联系卡) or both (default). */
  cards?: "file" | "contact" | "both";
  subject?: ReportMeta["subject"];
}

const InputSchema = CareDataSchema.pick({
  files: true,
  mentors: true,
  pairings: true,
  schools: true,
  classes: true,
})
  .partial({ mentors: true, pairings: true })
  .extend({
    definition: DefinitionChoiceSchema.optional(),
    childIds: z.array(z.string().min(1)).optional(),
    cards: z.enum(["file", "contact", "both"]).optional(),
    subject: SubjectSchema.optional(),
  });

const field = (label: string, value: string | undefined): CardField[] =>
  value === undefined || value === "" ? [] : [{ label, value }];

function fileCard(f: ChildFile, l: Locale, m: Masker, look: Lookup): Card {
  const c = f.child;
  return {
    type: "card",
    id: `${f.id}-file`,
    title: tr(l, `留守儿童档案卡 · ${c.name}`, `Child file card · ${c.name}`),
    groups: [
      {
        title: tr(l, "基本信息", "Identity"),
        fields: [
          { label: tr(l, "姓名", "Name"), value: c.name },
          { label: tr(l, "性别", "Gender"), value: labelOf("gender", c.gender, l) },
          { label: tr(l, "出生日期", "Born"), value: c.birthDate },
          ...field(tr(l, "身份证号", "ID number"), m.idNumber(c.idNumber)),
          ...field(tr(l, "学籍号", "Student number"), m.text(c.studentNumber)),
          ...field(tr(l, "学校", "School"), look.schoolName(f)),
          ...field(tr(l, "班级", "Class"), look.className(f)),
          ...field(tr(l, "家庭住址", "Address"), m.address(c.address)),
        ],
      },
      {
        title: tr(l, "留守情况", "Care"),
        fields: [
          {
            label: tr(l, "生活方式", "Lives"),
            value: labelOf("livingArrangement", f.livingArrangement, l),
          },
          {
            label: tr(l, "寄宿", "Boards"),
            value: tr(l, c.boarding ? "是" : "否", c.boarding ? "yes" : "no"),
          },
          {
            label: tr(l, "重点帮扶对象", "Key case"),
            value: tr(l, f.keyCase ? "是" : "否", f.keyCase ? "yes" : "no"),
          },
          ...(f.riskLevel
            ? [{ label: tr(l, "风险等级", "Risk"), value: labelOf("riskLevel", f.riskLevel, l) }]
            : []),
          ...field(tr(l, "健康状况", "Health"), m.health(c.health)),
          ...field(tr(l, "建档日期", "File opened"), f.openedOn),
        ],
      },
      {
        title: tr(l, "成长情况", "Growth"),
        fields: [
          ...field(tr(l, "思想品德", "Moral character"), c.moralCharacter),
          ...field(tr(l, "行为习惯", "Behaviour habits"), c.behaviourHabits),
          ...field(tr(l, "兴趣爱好", "Interests"), c.interests),
          ...field(tr(l, "性格", "Personality"), c.personality),
          ...field(tr(l, "学习态度", "Learning motivation"), c.learningMotivation),
          ...field(tr(l, "与监护人关系", "Rapport with guardian"), c.rapportWithGuardian),
          ...field(tr(l, "与父母沟通", "Contact with parents"), c.communicationWithParents),
        ],
      },
    ],
  };
}

function contactCard(
  f: ChildFile,
  l: Locale,
  m: Masker,
  look: Lookup,
  asOf: string,
  classTeacher: (f: ChildFile) => Mentor | undefined,
): Card {
  const person = (name: string, role: string, phone: string | undefined) =>
    [name, role, m.phone(phone)].filter((x) => x !== "").join(l === "zh-CN" ? "　" : " · ");
  const teacher = classTeacher(f);
  const mentors = look
    .activePairings(f.id, asOf)
    .map((p) => look.mentor(p.mentorId))
    .filter((x): x is Mentor => x !== undefined);
  const sep = l === "zh-CN" ? "；" : "; ";
  return {
    type: "card",
    id: `${f.id}-contact`,
    title: tr(l, `联系卡 · ${f.child.name}`, `Contact card · ${f.child.name}`),
    groups: [
      {
        title: tr(l, "学校", "School"),
        fields: [
          ...field(tr(l, "学校", "School"), look.schoolName(f)),
          ...field(tr(l, "班级", "Class"), look.className(f)),
          ...field(
            tr(l, "班主任", "Class teacher"),
            teacher ? person(teacher.name, "", teacher.phone) : undefined,
          ),
          ...field(
            tr(l, "帮扶人", "Mentors"),
            mentors.map((x) => person(x.name, labelOf("mentorKind", x.kind, l), x.phone)).join(sep),
          ),
        ],
      },
      {
        title: tr(l, "家庭", "Family"),
        fields: [
          ...f.guardians.map((g) => ({
            label: tr(l, "监护人", "Guardian"),
            value: person(g.name, labelOf("guardianRelation", g.relation, l), g.phone),
          })),
          ...f.parents.map((p) => {
            const away = p.awayPeriods.find(
              (a) => a.from <= asOf && (a.to === undefined || a.to >= asOf),
            );
            const where = away ? tr(l, `在${away.city}务工`, `working in ${away.city}`) : "";
            return {
              label: labelOf("parentRole", p.role, l),
              value: person(p.name, where, p.phone),
            };
          }),
        ],
      },
      {
        title: tr(l, "紧急联系", "Emergency"),
        fields: [
          ...f.emergencyContacts.map((e) => ({
            label: tr(l, "紧急联系人", "Emergency contact"),
            value: person(e.name, e.relation, e.phone),
          })),
          {
            label: tr(l, "应急机制", "Emergency chain"),
            value: joinList(l, [
              tr(l, "学校", "school"),
              tr(l, "监护人", "guardian"),
              tr(l, "村（居）委会及政府", "village committee and government"),
            ]),
          },
        ],
      },
    ],
  };
}

/**
 * Child file cards and contact cards (档案卡、联系卡), one of each per child, printable two to
 * an A4 page (`layout.cardsPerPage: 2`): identity, care and growth on the file card; class
 * teacher, mentors in force, guardians, parents and emergency contacts on the contact card.
 * Sensitive fields are masked unless named in `reveal`.
 * @param input - Files, mentors, pairings, names, `asOf`, `generatedAt`, and optionally `childIds`, `cards`, `reveal`, `locale`.
 * @returns The report (kind `child-cards`), cards in child order.
 * @throws ValidationError naming the field at fault, or an unknown child id.
 * @example
 * const report = childCardsReport({ files, mentors, pairings, classes, asOf: "2026-06-30", generatedAt: "2026-07-01T09:00:00+08:00", cards: "contact" });
 * report.layout.cardsPerPage //=> 2
 * @category Report builders
 */
export function childCardsReport(input: ChildCardsInput): Report {
  const { resolved: o } = resolveOptions(InputSchema, input, text("卡片选项", "card options"));
  const l = o.locale;
  const m = createMasker(o.reveal, l);
  const look = createLookup(input);
  let files: ChildFile[];
  if (input.childIds !== undefined) {
    files = input.childIds.map((id, i) => {
      const f = look.child(id);
      if (!f) throw invalidChild(i, id);
      return f;
    });
  } else files = leftBehindFiles(input.files, o, input.definition).files;
  const classes = new Map((input.classes ?? []).map((c) => [c.id, c]));
  const classTeacher = (f: ChildFile) =>
    look.mentor(classes.get(f.child.classId ?? "")?.classTeacherId);
  const which = input.cards ?? "both";
  const cards: Card[] = files.flatMap((f) => [
    ...(which !== "contact" ? [fileCard(f, l, m, look)] : []),
    ...(which !== "file" ? [contactCard(f, l, m, look, o.asOf, classTeacher)] : []),
  ]);
  return {
    kind: "child-cards",
    locale: l,
    title: tr(
      l,
      which === "file"
        ? "留守儿童档案卡"
        : which === "contact"
          ? "留守儿童联系卡"
          : "留守儿童档案卡与联系卡",
      which === "file"
        ? "Child file cards"
        : which === "contact"
          ? "Contact cards"
          : "Child file and contact cards",
    ),
    meta: reportMeta(o, input.subject ?? { kind: "all", name: tr(l, "全部", "All") }, [
      { name: tr(l, "儿童档案", "Child files"), count: files.length },
    ]),
    layout: { pageSize: "A4", orientation: "portrait", cardsPerPage: 2 },
    body: cards,
    footnotes: [],
    privacy: m.notice,
  };
}

function invalidChild(index: number, id: string) {
  return invalidArgument(
    `childIds[${index}]`,
    IssueCode.UNKNOWN_ID,
    text("档案中没有该儿童", "no child file with this id"),
    id,
  );
}
