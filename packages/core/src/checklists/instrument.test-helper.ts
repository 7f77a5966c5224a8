import { text as t } from "../i18n";
import type { ChecklistInput } from "./schema";

/**
 * A test instrument authored for Liushou's own tests: it exercises every feature of the
 * checklist engine (every item kind, required and conditional items, reverse scoring,
 * weights, proration, subscales and a total, bands per population and informant, derived
 * flags and risk weights). Not a real instrument; not exported from the package.
 */
export const TEST_INSTRUMENT: ChecklistInput = {
  id: "test.instrument",
  version: "2.1.0",
  title: t("测试量表", "Test instrument"),
  source: [{ document: "liushou tests", quote: "authored for tests" }],
  licence: "MIT (authored for tests)",
  informants: ["teacher", "guardian", "child"],
  sections: [
    { id: "a", title: t("甲", "A") },
    { id: "b", title: t("乙", "B") },
  ],
  items: [
    {
      id: "e1",
      section: "a",
      kind: "likert",
      min: 0,
      max: 2,
      required: true,
      label: t("情绪1", "Emotion 1"),
    },
    { id: "e2", section: "a", kind: "likert", min: 0, max: 2, label: t("情绪2", "Emotion 2") },
    {
      id: "e3",
      section: "a",
      kind: "likert",
      min: 0,
      max: 2,
      reverse: true,
      label: t("情绪3（反向）", "Emotion 3 (reversed)"),
    },
    { id: "e4", section: "a", kind: "likert", min: 0, max: 2, label: t("情绪4", "Emotion 4") },
    { id: "e5", section: "a", kind: "likert", min: 0, max: 2, label: t("情绪5", "Emotion 5") },
    { id: "pet", section: "b", kind: "yes-no", label: t("养宠物", "Has a pet") },
    {
      id: "pet_kind",
      section: "b",
      kind: "single-choice",
      required: true,
      showIf: [{ item: "pet", equals: true }],
      label: t("宠物种类", "Kind of pet"),
      options: [
        { value: "dog", label: t("狗", "dog"), score: 2 },
        { value: "cat", label: t("猫", "cat"), score: 1 },
        { value: "other", label: t("其他", "other"), score: 0 },
      ],
    },
    {
      id: "worries",
      section: "b",
      kind: "multiple-choice",
      maxSelected: 3,
      label: t("担心的事", "Worries"),
      options: [
        { value: "school", label: t("学习", "school"), score: 1 },
        { value: "family", label: t("家庭", "family"), score: 2 },
        { value: "friends", label: t("朋友", "friends"), score: 1 },
        { value: "none", label: t("没有", "none"), score: 0 },
      ],
    },
    {
      id: "sleep_hours",
      section: "b",
      kind: "number",
      min: 0,
      max: 12,
      label: t("睡眠小时", "Hours of sleep"),
    },
    {
      id: "siblings",
      section: "b",
      kind: "number",
      min: 0,
      integer: true,
      label: t("兄弟姐妹数", "Siblings"),
    },
    { id: "note", section: "b", kind: "text", maxLength: 20, label: t("备注", "Note") },
    { id: "last_visit", section: "b", kind: "date", label: t("最近家访", "Last home visit") },
  ],
  scales: [
    {
      id: "emotion",
      label: t("情绪", "Emotion"),
      items: ["e1", "e2", "e3", "e4", "e5"],
      prorate: { minAnswered: 3 },
      bands: [
        {
          ranges: [
            { id: "normal", label: t("正常", "normal"), max: 4 },
            { id: "borderline", label: t("临界", "borderline"), max: 6, risk: 2 },
            { id: "abnormal", label: t("异常", "abnormal"), risk: 5 },
          ],
        },
        {
          informant: "child",
          ranges: [
            { id: "normal", label: t("正常", "normal"), max: 5 },
            { id: "borderline", label: t("临界", "borderline"), max: 7, risk: 2 },
            { id: "abnormal", label: t("异常", "abnormal"), risk: 5 },
          ],
        },
        {
          population: "uk",
          ranges: [
            { id: "normal", label: t("正常", "normal"), max: 3 },
            { id: "abnormal", label: t("异常", "abnormal"), risk: 5 },
          ],
        },
        {
          population: "uk",
          informant: "child",
          ranges: [
            { id: "normal", label: t("正常", "normal"), max: 8 },
            { id: "abnormal", label: t("异常", "abnormal"), risk: 5 },
          ],
        },
      ],
    },
    {
      id: "home",
      label: t("家庭", "Home"),
      items: [{ item: "pet_kind", weight: 2 }, "worries", { item: "sleep_hours", weight: 0.5 }],
      method: "sum",
    },
    {
      id: "emotion-mean",
      label: t("情绪均分", "Emotion mean"),
      items: ["e1", "e2", "e3", "e4", "e5"],
      method: "mean",
      prorate: { minAnswered: 2 },
    },
    { id: "total", label: t("总分", "Total"), scales: ["emotion", "home"] },
  ],
  flags: [
    {
      id: "worried-family",
      label: t("担心家庭", "Worried about family"),
      when: [{ item: "worries", includes: "family" }],
      tags: ["domain:psychology"],
      risk: 1,
    },
    {
      id: "distressed",
      label: t("情绪困扰且少眠", "Distressed and sleeping little"),
      when: [
        { scale: "emotion", bands: ["abnormal"] },
        { item: "sleep_hours", atMost: 6 },
      ],
      match: "all",
      tags: ["lack:care"],
      risk: 3,
    },
  ],
};
