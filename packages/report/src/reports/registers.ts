import {
  DefinitionChoiceSchema,
  labelOf,
  text,
  type ChildFile,
  type DefinitionChoice,
  type Locale,
  type School,
  type SchoolClass,
} from "@liushou/core";
import { leftBehindFiles } from "../care/left-behind";
import { CareDataSchema } from "../care/scope";
import { createLookup, type Lookup } from "../care/lookup";
import { tr } from "../care/words";
import { section } from "../model/build";
import type { CellValue, Report, ReportMeta, Table, TableColumn, ValueType } from "../model/types";
import { createMasker, type Masker } from "../privacy/mask";
import {
  definitionName,
  reportMeta,
  resolveOptions,
  SubjectSchema,
  type ReportOptions,
} from "./options";

/**
 * Input of {@link registersReport}.
 * @example
 * const input: RegistersReportInput = { files, classes, asOf: "2026-06-30", generatedAt: "2026-07-01T09:00:00+08:00", reveal: ["phone"] };
 * @category Report builders
 */
export interface RegistersReportInput extends ReportOptions {
  /** The roster; the registers list its left-behind children on `asOf`. */
  files: readonly ChildFile[];
  schools?: readonly School[];
  classes?: readonly SchoolClass[];
  definition?: DefinitionChoice;
  /** What the registers cover. Default: all the files given. */
  subject?: ReportMeta["subject"];
}

const InputSchema = CareDataSchema.pick({ files: true, schools: true, classes: true }).extend({
  definition: DefinitionChoiceSchema.optional(),
  subject: SubjectSchema.optional(),
});

type Col = [key: string, zh: string, en: string, type?: ValueType];

function columns(l: Locale, cols: readonly Col[]): TableColumn[] {
  return cols.map(([key, zh, en, type]) => ({ key, header: tr(l, zh, en), type: type ?? "text" }));
}

const yes = (l: Locale, v: boolean) => tr(l, v ? "是" : "否", v ? "yes" : "no");
const opt = (v: string | undefined): CellValue => (v === undefined || v === "" ? null : v);
const age = (asOf: string, birthYear: number | undefined): CellValue =>
  birthYear === undefined ? null : Number(asOf.slice(0, 4)) - birthYear;

function childRegister(files: readonly ChildFile[], l: Locale, m: Masker, look: Lookup): Table {
  const cols: Col[] = [
    ["name", "姓名", "Name"],
    ["gender", "性别", "Gender"],
    ["birthDate", "出生日期", "Born", "date"],
    ["class", "班级", "Class"],
    ["studentNumber", "学籍号", "Student number"],
    ["idNumber", "身份证号", "ID number"],
    ["address", "家庭住址", "Address"],
    ["living", "生活方式", "Lives"],
    ["boarding", "寄宿", "Boards"],
    ["schooling", "在学状况", "Schooling"],
    ["health", "健康状况", "Health"],
    ["moralCharacter", "思想品德", "Moral character"],
    ["behaviourHabits", "行为习惯", "Behaviour habits"],
    ["interests", "兴趣爱好", "Interests"],
    ["intelligenceLevel", "智力水平", "Intelligence"],
    ["personality", "性格", "Personality"],
    ["learningMotivation", "学习动机与态度", "Learning motivation"],
    ["learningAbility", "学习能力与方法", "Learning ability"],
    ["rapportWithGuardian", "与临时监护人关系", "Rapport with guardian"],
    ["communicationWithParents", "与外出父母沟通", "Contact with parents"],
  ];
  return {
    type: "table",
    id: "children",
    title: tr(l, "留守儿童基本情况登记表", "Register of left-behind children"),
    columns: columns(l, cols),
    rows: files.map((f) => {
      const c = f.child;
      return {
        key: f.id,
        cells: [
          c.name,
          labelOf("gender", c.gender, l),
          c.birthDate,
          opt(look.className(f)),
          opt(m.text(c.studentNumber)),
          opt(m.idNumber(c.idNumber)),
          opt(m.address(c.address)),
          labelOf("livingArrangement", f.livingArrangement, l),
          yes(l, c.boarding),
          labelOf("schoolingStatus", c.schooling.status, l),
          opt(m.health(c.health)),
          opt(c.moralCharacter),
          opt(c.behaviourHabits),
          opt(c.interests),
          opt(c.intelligenceLevel),
          opt(c.personality),
          opt(c.learningMotivation),
          opt(c.learningAbility),
          opt(c.rapportWithGuardian),
          opt(c.communicationWithParents),
        ],
      };
    }),
    notes: [],
  };
}

function guardianRegister(files: readonly ChildFile[], l: Locale, m: Masker, asOf: string): Table {
  const cols: Col[] = [
    ["child", "儿童姓名", "Child"],
    ["name", "监护人姓名", "Guardian"],
    ["relation", "与儿童关系", "Relation"],
    ["entrusted", "受委托照护", "Entrusted"],
    ["age", "年龄", "Age", "integer"],
    ["education", "文化程度", "Education"],
    ["personality", "性格", "Personality"],
    ["discipline", "教育方式", "Discipline"],
    ["capacity", "监护能力", "Capacity"],
    ["health", "健康状况", "Health"],
    ["phone", "联系电话", "Phone"],
  ];
  return {
    type: "table",
    id: "guardians",
    title: tr(l, "临时监护人情况登记表", "Register of temporary guardians"),
    columns: columns(l, cols),
    rows: files.flatMap((f) =>
      f.guardians.map((g) => ({
        key: `${f.id}/${g.id}`,
        cells: [
          f.child.name,
          g.name,
          labelOf("guardianRelation", g.relation, l),
          yes(l, g.entrusted),
          age(asOf, g.birthYear),
          g.education === undefined ? null : labelOf("education", g.education, l),
          opt(g.personality),
          g.disciplineStyle === undefined ? null : labelOf("disciplineStyle", g.disciplineStyle, l),
          labelOf("guardianshipCapacity", g.guardianshipCapacity, l),
          opt(m.health(g.health)),
          opt(m.phone(g.phone)),
        ],
      })),
    ),
    notes: [
      tr(
        l,
        "教育方式为监护人登记的重点项目。",
        "How the guardian disciplines the child is the key item of this register.",
      ),
    ],
  };
}

function parentRegister(files: readonly ChildFile[], l: Locale, m: Masker, asOf: string): Table {
  const cols: Col[] = [
    ["child", "儿童姓名", "Child"],
    ["name", "家长姓名", "Parent"],
    ["role", "称谓", "Role"],
    ["age", "年龄", "Age", "integer"],
    ["education", "文化程度", "Education"],
    ["employer", "务工单位", "Employer"],
    ["occupation", "务工类型", "Work"],
    ["income", "月收入", "Monthly income", "money-fen"],
    ["awayIn", "外出务工地", "Works away in"],
    ["expectations", "对孩子的期望", "Expectations"],
    ["contactHabit", "联系方式", "Keeps in touch by"],
    ["phone", "联系电话", "Phone"],
  ];
  return {
    type: "table",
    id: "parents",
    title: tr(l, "外出务工家长情况登记表", "Register of migrant parents"),
    columns: columns(l, cols),
    rows: files.flatMap((f) =>
      f.parents.map((p) => {
        const away = p.awayPeriods.find(
          (a) => a.from <= asOf && (a.to === undefined || a.to >= asOf),
        );
        return {
          key: `${f.id}/${p.id}`,
          cells: [
            f.child.name,
            p.name,
            labelOf("parentRole", p.role, l),
            age(asOf, p.birthYear),
            p.education === undefined ? null : labelOf("education", p.education, l),
            opt(p.employer),
            opt(p.occupation),
            p.monthlyIncomeFen ?? null,
            away ? away.city : p.deceased ? tr(l, "已故", "deceased") : tr(l, "在家", "at home"),
            opt(p.expectations),
            opt(p.contactHabit),
            opt(m.phone(p.phone)),
          ],
        };
      }),
    ),
    notes: [],
  };
}

/**
 * The three registers the summaries name — left-behind children, temporary guardians and
 * migrant parents — for the children who are left behind on `asOf` (as `completenessReport`
 * counts them). Enum values print through core's labels; ID numbers, phones, addresses and
 * health notes are masked unless named in `reveal`.
 * @param input - The roster, `asOf`, `generatedAt`, and optionally `schools`, `classes`, `definition`, `reveal`, `locale`.
 * @returns The report (kind `registers`) with tables `children`, `guardians`, `parents`.
 * @throws ValidationError naming the field at fault.
 * @example
 * const report = registersReport({ files, classes, asOf: "2026-06-30", generatedAt: "2026-07-01T09:00:00+08:00" });
 * toCsv(report, { tableId: "guardians" })
 * @category Report builders
 */
export function registersReport(input: RegistersReportInput): Report {
  const { resolved: o } = resolveOptions(
    InputSchema,
    input,
    text("登记表选项", "register options"),
  );
  const l = o.locale;
  const m = createMasker(o.reveal, l);
  const { files, completeness } = leftBehindFiles(input.files, o, input.definition);
  const look = createLookup(input);
  const def = definitionName(input.definition, completeness.definition)[l];
  return {
    kind: "registers",
    locale: l,
    title: tr(l, "留守儿童信息登记表", "Registers of left-behind children"),
    subtitle: tr(l, `认定口径：${def}`, `Definition: ${def}`),
    meta: reportMeta(
      o,
      input.subject ?? { kind: "all", name: tr(l, "全部", "All") },
      [{ name: tr(l, "儿童档案", "Child files"), count: input.files.length }],
      completeness.definition,
    ),
    layout: { pageSize: "A4", orientation: "landscape" },
    body: [
      section("register-children", tr(l, "一、留守儿童", "1. Children"), [
        childRegister(files, l, m, look),
      ]),
      section("register-guardians", tr(l, "二、临时监护人", "2. Temporary guardians"), [
        guardianRegister(files, l, m, o.asOf),
      ]),
      section("register-parents", tr(l, "三、外出务工家长", "3. Migrant parents"), [
        parentRegister(files, l, m, o.asOf),
      ]),
    ],
    footnotes: [],
    privacy: m.notice,
  };
}
