import {
  MAX_TEXT_LENGTH,
  STORAGE_ENTITY_SCHEMAS,
  type Instant,
  type StorageEntities,
  type StorageEntityKind,
} from "@liushou/core";

/**
 * A random id with a readable prefix, unique across runs sharing one database.
 * @param prefix - What the id names (`c`, `m`, `s`).
 * @returns An id such as `c-1f0c9a5e7b2d4c61`.
 * @example
 * randomId("c") //=> "c-3b1f…"
 * @category Conformance
 */
export function randomId(prefix: string): string {
  return `${prefix}-${globalThis.crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
}

function digits(n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += Math.floor(Math.random() * 10);
  return s;
}

/**
 * The random neighbourhood one test writes into: its own school, class, township and village,
 * so tests sharing a database never see each other's rows.
 * @example
 * const scope = newSampleScope(); scope.township //=> "430102517"
 * @category Conformance
 */
export interface SampleScope {
  readonly schoolId: string;
  readonly classId: string;
  /** A 9-digit township code, unique to the scope. */
  readonly township: string;
  /** A 12-digit village code under `township`. */
  readonly village: string;
}

/**
 * Makes a fresh random {@link SampleScope}.
 * @returns The scope.
 * @example
 * const scope = newSampleScope();
 * @category Conformance
 */
export function newSampleScope(): SampleScope {
  const township = `43${digits(7)}`;
  return {
    schoolId: randomId("s"),
    classId: randomId("k"),
    township,
    village: `${township}${digits(3)}`,
  };
}

const AT: Instant = "2026-03-02T09:30:00+08:00";

type Raw = Record<string, unknown>;

const RAW: { readonly [K in StorageEntityKind]: (scope: SampleScope, id: string) => Raw } = {
  files: (s, id) => ({
    id,
    child: {
      name: "王小明",
      gender: "male",
      birthDate: "2015-03-02",
      regionCode: s.village,
      schoolId: s.schoolId,
      classId: s.classId,
      grade: 4,
    },
    livingArrangement: "grandparents",
    guardians: [
      {
        id: randomId("g"),
        name: "王奶奶",
        relation: "grandmother",
        phone: `139${digits(8)}`,
      },
    ],
    parents: [
      {
        id: randomId("p"),
        role: "father",
        name: "王大山",
        phone: `138${digits(8)}`,
        monthlyIncomeFen: 650_000,
        awayPeriods: [{ from: "2024-02-20", city: "深圳" }],
      },
    ],
  }),
  schools: (s, id) => ({ id, name: "示例小学", stage: "primary", regionCode: s.township }),
  classes: (s, id) => ({ id, schoolId: s.schoolId, grade: 4, name: "四年级一班" }),
  mentors: (s, id) => ({
    id,
    kind: "class-teacher",
    name: "李老师",
    schoolId: s.schoolId,
    classIds: [s.classId],
    regionCode: s.village,
  }),
  pairings: (_s, id) => ({
    id,
    childId: randomId("c"),
    mentorId: randomId("m"),
    role: "mentor",
    start: "2026-03-01",
  }),
  contacts: (_s, id) => ({
    id,
    kind: "home-visit",
    at: AT,
    childIds: [randomId("c")],
    mentorId: randomId("m"),
    summary: "与祖母交谈，孩子作业按时完成",
  }),
  assessments: (_s, id) => ({
    id,
    childId: randomId("c"),
    checklistId: "needs",
    checklistVersion: "1.0.0",
    takenAt: AT,
    informant: "teacher",
    responses: { sleep: true, mood: 3, "study.help": ["homework", "reading"], note: null },
  }),
  assistancePlans: (_s, id) => ({
    id,
    childId: randomId("c"),
    createdOn: "2026-03-01",
    items: [
      {
        id: "i1",
        domain: "study",
        need: "domain:study",
        what: "每周辅导一次",
        owner: { role: "subject-teacher" },
        startOn: "2026-03-02",
        due: "2026-06-30",
      },
    ],
  }),
  wishes: (_s, id) => ({
    id,
    childId: randomId("c"),
    title: "一套绘本",
    costFen: 8_800,
    status: "submitted",
  }),
  activities: (s, id) => ({
    id,
    kind: "festival",
    title: "中秋节联欢",
    date: "2026-09-25",
    festival: "mid-autumn",
    schoolId: s.schoolId,
    regionCode: s.township,
    childIds: [randomId("c")],
  }),
  aid: (s, id) => ({
    id,
    kind: "subsidy",
    form: "money",
    amountFen: 50_000,
    date: "2026-03-10",
    schoolId: s.schoolId,
    childIds: [randomId("c")],
  }),
  consents: (_s, id) => ({
    id,
    childId: randomId("c"),
    purpose: "health",
    guardianId: randomId("g"),
    relation: "grandmother",
    givenAt: AT,
    method: "written",
    evidence: "同意书 2026-017",
    dataClasses: ["health"],
  }),
};

const ID_PREFIX: { readonly [K in StorageEntityKind]: string } = {
  files: "c",
  schools: "s",
  classes: "k",
  mentors: "m",
  pairings: "pr",
  contacts: "r",
  assessments: "as",
  assistancePlans: "plan",
  wishes: "w",
  activities: "act",
  aid: "aid",
  consents: "cs",
};

/**
 * A valid entity of a kind, with a random id, inside the scope; `patch` overrides fields
 * before validation. The result has passed the core schema (defaults applied).
 * @param kind - The repository.
 * @param scope - Where it lives.
 * @param patch - Fields to set (shallow).
 * @returns The parsed entity.
 * @example
 * sampleEntity("mentors", scope, { kind: "caring-mother" }).kind //=> "caring-mother"
 * @category Conformance
 */
export function sampleEntity<K extends StorageEntityKind>(
  kind: K,
  scope: SampleScope,
  patch: Record<string, unknown> = {},
): StorageEntities[K] {
  const raw = { ...RAW[kind](scope, randomId(ID_PREFIX[kind])), ...patch };
  return STORAGE_ENTITY_SCHEMAS[kind].parse(raw);
}

/**
 * A changed copy of an entity (a text field rewritten), for update tests. The input is not
 * touched.
 * @param kind - The repository.
 * @param value - The entity.
 * @returns A new, valid entity with the same id.
 * @example
 * changedEntity("schools", school).name //=> "示例小学（改）"
 * @category Conformance
 */
export function changedEntity<K extends StorageEntityKind>(
  kind: K,
  value: StorageEntities[K],
): StorageEntities[K] {
  const v = structuredClone(value) as Raw;
  switch (kind) {
    case "files":
      (v.child as Raw).name = "王小明（改）";
      break;
    case "pairings":
      v.end = "2026-07-01";
      v.endReason = "mentor-left";
      break;
    case "contacts":
      v.summary = "改：再次家访";
      break;
    case "assessments":
      v.informant = "guardian";
      break;
    case "assistancePlans":
      v.reviewOn = "2026-05-01";
      break;
    case "aid":
      v.notes = "改：补发";
      break;
    case "consents":
      v.withdrawnAt = "2026-06-01T08:00:00+08:00";
      break;
    default:
      v[kind === "wishes" || kind === "activities" ? "title" : "name"] = "已修改";
  }
  return STORAGE_ENTITY_SCHEMAS[kind].parse(v);
}

/**
 * Strings that break naive storage or naive output: CJK, emoji with modifiers, quotes and
 * backslashes, SQL-looking text, `LIKE` wildcards, JSON-looking text, line breaks, script- and
 * formula-looking text, bidi and zero-width marks, NUL, a lone surrogate. Each must come back
 * exactly as written.
 * @example
 * TRICKY_STRINGS.includes("Robert'); DROP TABLE files;--") //=> true
 * @category Conformance
 */
export const TRICKY_STRINGS: readonly string[] = [
  "王小明，留守儿童；监护人：祖母",
  "👧🏻🎒 家访 👨‍👩‍👧 ❤️",
  `单引号 ' 双引号 " 反引号 \` 反斜杠 \\ 结束`,
  "Robert'); DROP TABLE files;--",
  "1' OR '1'='1",
  "50% 的 _下划线_ 与 %通配%",
  '{"json": "looking", "n": [1, 2]}',
  "第一行\n第二行\r\n\t缩进",
  "𠀀𪚥 (CJK Extension B)",
  '<script>alert("x")</script><img src=x onerror=alert(1)>',
  "=cmd|' /C calc'!A0",
  "+1+1",
  "@SUM(A1)",
  "\u202e反向\u200b零宽\ufeff",
  "NUL\u0000在中间",
  "孤立代理\ud800项",
];

const LONG_UNIT = "留守儿童关爱记录😀 abc ";

/**
 * A long text: as long as core allows free text (`MAX_TEXT_LENGTH`, 2,000 UTF-16 code units)
 * of mixed CJK, emoji and ASCII, never cutting an emoji in half (about 5 KB in UTF-8).
 * @example
 * LONG_TEXT.length <= MAX_TEXT_LENGTH //=> true
 * @category Conformance
 */
export const LONG_TEXT: string = LONG_UNIT.repeat(Math.floor(MAX_TEXT_LENGTH / LONG_UNIT.length));

/**
 * The same kind of moment written in several zones, with and without milliseconds.
 * @example
 * INSTANTS_IN_ZONES[1] //=> "2026-03-01T16:00:00Z"
 * @category Conformance
 */
export const INSTANTS_IN_ZONES: readonly Instant[] = [
  "2026-03-02T00:00:00+08:00",
  "2026-03-01T16:00:00Z",
  "2026-03-01T04:00:00-12:00",
  "2026-03-02T06:00:00.123+14:00",
  "2026-03-01T21:45:00+05:45",
  "2026-02-28T23:59:59.999-05:00",
];
