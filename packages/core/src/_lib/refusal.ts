import { text } from "../i18n";

/**
 * The options of a zod `refine` whose refusal reads in both languages: the English text as zod's
 * message, and both texts as the `params.text` that Liushou's errors show.
 * @param zh - The refusal in Chinese, without the field name or the value received.
 * @param en - The same in English.
 * @param path - Where below the refined value the refusal points, if not at the value itself.
 * @returns options for `schema.refine(check, refusal(zh, en, path))`.
 * @example
 * z.object({ from: z.string(), to: z.string() })
 *   .refine((p) => p.from <= p.to, refusal("开始不能晚于结束", "from must not be after to", ["to"]))
 */
export function refusal(zh: string, en: string, path?: PropertyKey[]) {
  return { message: en, params: { text: text(zh, en) }, ...(path ? { path } : {}) };
}
