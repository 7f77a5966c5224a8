import { invalidArgument } from "../errors/validate";
import { text } from "../i18n";
import type { Answer } from "../model/records";
import type { ChecklistItem } from "./schema";

/**
 * The score of a reverse-scored Likert answer: `min + max − answer`. Applying it twice gives
 * the answer back.
 * @example
 * reverseLikert(0, 0, 2) //=> 2
 * reverseLikert(reverseLikert(1, 1, 5), 1, 5) //=> 1
 * @throws ValidationError when a number is not finite.
 * @category Checklists
 */
export function reverseLikert(answer: number, min: number, max: number): number {
  if (!Number.isFinite(answer) || !Number.isFinite(min) || !Number.isFinite(max)) {
    throw invalidArgument(
      "answer",
      "invalid_type",
      text(
        "答案和量表两端应为有限数",
        "the answer and the ends of the scale must be finite numbers",
      ),
      [answer, min, max].find((n) => !Number.isFinite(n)),
    );
  }
  return min + max - answer;
}

/**
 * The lowest and highest score an item can give (before its scale weight).
 * @example
 * itemScoreRange({ id: "q", kind: "likert", min: 0, max: 2, reverse: false, required: false, label: { "zh-CN": "问", en: "q" } })
 * //=> { min: 0, max: 2 }
 * @category Checklists
 */
export function itemScoreRange(item: ChecklistItem): { min: number; max: number } {
  switch (item.kind) {
    case "yes-no": {
      const s = item.scores ?? { yes: 1, no: 0 };
      return { min: Math.min(s.yes, s.no), max: Math.max(s.yes, s.no) };
    }
    case "likert":
      return { min: item.min, max: item.max };
    case "single-choice": {
      const scores = item.options.map((o) => o.score ?? 0);
      return { min: Math.min(...scores), max: Math.max(...scores) };
    }
    case "multiple-choice": {
      let min = 0;
      let max = 0;
      for (const o of item.options) {
        const s = o.score ?? 0;
        if (s < 0) min += s;
        else max += s;
      }
      return { min, max };
    }
    case "number":
      return { min: item.min ?? 0, max: item.max ?? 0 };
    default:
      return { min: 0, max: 0 };
  }
}

/**
 * The score of a valid, non-null answer to a scorable item (reverse scoring applied), or
 * `undefined` for an unanswered or unscorable item.
 * @example
 * itemScore({ id: "q", kind: "yes-no", required: false, label: { "zh-CN": "问", en: "q" } }, true) //=> 1
 * @category Checklists
 */
export function itemScore(item: ChecklistItem, answer: Answer | undefined): number | undefined {
  if (answer === null || answer === undefined) return undefined;
  switch (item.kind) {
    case "yes-no": {
      const s = item.scores ?? { yes: 1, no: 0 };
      return answer === true ? s.yes : s.no;
    }
    case "likert":
      return item.reverse
        ? reverseLikert(answer as number, item.min, item.max)
        : (answer as number);
    case "single-choice":
      return item.options.find((o) => o.value === answer)?.score;
    case "multiple-choice": {
      let sum = 0;
      for (const v of answer as string[])
        sum += item.options.find((o) => o.value === v)?.score ?? 0;
      return sum;
    }
    case "number":
      return answer as number;
    default:
      return undefined;
  }
}
