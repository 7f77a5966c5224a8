import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_CHECKLISTS } from "../checklists";
import { PAIRING_PRESETS } from "../pairing";
import { POLICY_PRESETS } from "../policies";
import { ValidationError } from "../errors";
import { cite, citationText, type SeedCitation } from "./cite";
import { SUMMARY_DOCUMENTS, SUMMARIES_FILE, summaryAt, type SummaryKind } from "./summaries";
import { citationProblem, findSeedFile, loadSeedLines, REPO_ROOT } from "./seed.test-helper";

/** Every file under `dir` whose name passes `keep`, skipping dependencies and build output. */
function walk(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name === "dist" || e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p, keep));
    else if (keep(e.name)) out.push(p);
  }
  return out;
}

const SOURCES = walk(
  join(REPO_ROOT, "packages"),
  (n) => n.endsWith(".ts") && !/\.test(-d|-helper)?\.ts$/.test(n),
);
const DOCS = [
  ...walk(join(REPO_ROOT, "docs/guide"), (n) => n.endsWith(".md")),
  join(REPO_ROOT, "README.md"),
];

/** `cite("kind", line, "quote")` and `fromSummary("kind", line, "quote", …)` calls in the sources. */
function citationsInCode(): { where: string; c: SeedCitation }[] {
  const re = /\b(?:cite|fromSummary)\(\s*"([a-z-]+)",\s*(\d+),\s*"((?:[^"\\]|\\.)*)"/g;
  const out: { where: string; c: SeedCitation }[] = [];
  for (const file of SOURCES) {
    const src = readFileSync(file, "utf8");
    for (const m of src.matchAll(re)) {
      out.push({
        where: relative(REPO_ROOT, file),
        c: { source: m[1] as SummaryKind, line: Number(m[2]), quote: JSON.parse(`"${m[3]}"`) },
      });
    }
  }
  return out;
}

/** Words that name a kind of summary in a written citation, in English and Chinese. */
const KIND_WORDS: Record<SummaryKind, RegExp> = {
  school: /school summary|学校总结/,
  "class-teacher": /class-teacher summary|班主任总结/,
  community: /community summary|社区总结/,
  street: /street summary|街道总结/,
  township: /school-district summary|学区总结/,
  county: /county summary|县级总结/,
  city: /city report|市级报道/,
  "work-unit": /work-unit summary|机关单位总结/,
};

/**
 * Written citations: `“quote” (school summary, L18)` or `“quote”（学校总结，L18）`; several
 * quotes may share one parenthesis. Also returns every `L<n>` that is not part of one.
 */
function citationsInText(
  text: string,
  anyLineToken: boolean,
): { found: { c: SeedCitation; kinds: string }[]; loose: string[] } {
  const found: { c: SeedCitation; kinds: string }[] = [];
  const covered = new Set<number>();
  const re = /“((?:[^“”]|“[^“”]*”)+)”[^“”()（）\n]{0,12}[（(]([^()（）\n]*?)L(\d+)[）)]/g;
  for (const m of text.matchAll(re)) {
    const line = Number(m[3]);
    const kind = (Object.keys(KIND_WORDS) as SummaryKind[]).find((k) =>
      KIND_WORDS[k].test(m[2]!.replace(/\s+/g, " ")),
    );
    found.push({
      c: { source: kind ?? ("unnamed" as SummaryKind), line, quote: m[1]! },
      kinds: m[2]!,
    });
    covered.add(m.index! + m[0].lastIndexOf("L"));
  }
  const loose: string[] = [];
  const token = anyLineToken ? /\bL(\d+)\b/g : /[,，]\s*L(\d+)[)）]/g;
  for (const m of text.matchAll(token)) {
    const at = m.index! + m[0].indexOf("L");
    if (!covered.has(at)) loose.push(text.slice(Math.max(0, at - 40), at + 6).replace(/\n/g, " "));
  }
  return { found, loose };
}

describe("the summaries, by line", () => {
  it("are one run of documents with no gap or overlap", () => {
    SUMMARY_DOCUMENTS.forEach((d, i) => {
      expect(d.from).toBeLessThanOrEqual(d.to);
      if (i > 0) expect(d.from).toBe(SUMMARY_DOCUMENTS[i - 1]!.to + 1);
    });
    expect(summaryAt(67)?.kind).toBe("community");
    expect(summaryAt(0)).toBeUndefined();
  });

  it("cite() refuses a line of another kind of summary, in both languages", () => {
    expect(() => cite("school", 67, "一个月走访儿童两次")).toThrow(ValidationError);
    try {
      cite("school", 67, "一个月走访儿童两次");
    } catch (e) {
      expect((e as ValidationError).issues[0]!.message.en).toContain("community summary");
      expect((e as ValidationError).issues[0]!.message["zh-CN"]).toContain("社区总结");
    }
    expect(citationText(cite("school", 18, "各教师代理两位")).en).toBe(
      "“各教师代理两位” (school summary, L18)",
    );
  });
});

const lines = loadSeedLines();
if (lines === undefined) {
  console.warn(
    `SKIPPED: the seed file ${SUMMARIES_FILE} was not found beside the repository (../shared/seed/); set LIUSHOU_SEED_FILE to check citations`,
  );
}

describe.skipIf(lines === undefined)(
  `every citation holds against ${findSeedFile() ?? SUMMARIES_FILE}`,
  () => {
    const seed = lines!;

    it("the document table matches the seed file's length", () => {
      const last = SUMMARY_DOCUMENTS[SUMMARY_DOCUMENTS.length - 1]!.to;
      expect(seed[last]?.trim().length).toBeGreaterThan(0);
      expect(
        seed
          .slice(last + 1)
          .join("")
          .trim(),
      ).toBe("");
    });

    it("cite() and fromSummary() calls in the code", () => {
      const all = citationsInCode();
      expect(all.length).toBeGreaterThan(30);
      const bad = all
        .map(({ where, c }) => [where, citationProblem(seed, c)] as const)
        .filter(([, p]) => p !== undefined);
      expect(bad).toEqual([]);
    });

    it("the sources of built-in checklists, policy and pairing presets", () => {
      const data: SeedCitation[] = [];
      for (const c of BUILTIN_CHECKLISTS) {
        for (const s of c.source) {
          if (s.document !== SUMMARIES_FILE) continue;
          expect(s.kind, `${c.id}: ${s.quote}`).toBeDefined();
          expect(s.line, `${c.id}: ${s.quote}`).toBeDefined();
          data.push({ source: s.kind!, line: s.line!, quote: s.quote });
        }
      }
      for (const p of Object.values(POLICY_PRESETS)) data.push(...(p.source?.citations ?? []));
      for (const r of Object.values(PAIRING_PRESETS)) data.push(...(r.citations ?? []));
      expect(data.length).toBeGreaterThan(20);
      expect(data.map((c) => citationProblem(seed, c)).filter(Boolean)).toEqual([]);
    });

    it("written citations in TSDoc comments", () => {
      const problems: string[] = [];
      for (const file of SOURCES) {
        // Comment lines joined: a citation may wrap.
        const src = readFileSync(file, "utf8").replace(/\n\s*\*\s?/g, " ");
        const { found, loose } = citationsInText(src, false);
        for (const { c } of found) {
          const p = citationProblem(seed, c);
          if (p) problems.push(`${relative(REPO_ROOT, file)}: ${p}`);
        }
        for (const l of loose)
          problems.push(`${relative(REPO_ROOT, file)}: no quote or kind: ${l}`);
      }
      expect(problems).toEqual([]);
    });

    it("written citations in the guides (English and Chinese) and the README", () => {
      const problems: string[] = [];
      let n = 0;
      for (const file of DOCS) {
        // Lines of a paragraph joined: a citation may wrap.
        const md = readFileSync(file, "utf8").replace(/([^\n])\n(?=[^\n|#-])/g, "$1 ");
        const { found, loose } = citationsInText(md, true);
        n += found.length;
        for (const { c, kinds } of found) {
          const p = citationProblem(seed, c);
          if (p) problems.push(`${relative(REPO_ROOT, file)}: ${p} [${kinds}]`);
        }
        for (const l of loose)
          problems.push(`${relative(REPO_ROOT, file)}: no quote or kind: ${l}`);
      }
      expect(problems).toEqual([]);
      expect(n).toBeGreaterThan(10);
    });
  },
);
