import { html } from "hono/html";
import {
  ContactKindSchema,
  ValidationError,
  labelOf,
  toInstant,
  type ContactKind,
  type Locale,
} from "liushou";
import { childName, filesById, type PortalContext, type Routes } from "../context";
import { say, tr } from "../i18n";
import { layout } from "../views";

/** The fields of the visit form, as typed. */
interface VisitForm {
  child: string;
  mentor: string;
  kind: string;
  at: string;
  summary: string;
}

/** The form fields a record's issue path belongs to. */
const FIELD_OF_PATH: readonly [RegExp, keyof VisitForm][] = [
  [/^childIds/, "child"],
  [/^mentorId/, "mentor"],
  [/^kind/, "kind"],
  [/^at/, "at"],
  [/^summary/, "summary"],
];

/** Errors by field (`form` for those no field owns), in the request's locale. */
type FieldErrors = Partial<Record<keyof VisitForm | "form", string[]>>;

function errorsOf(e: ValidationError, l: Locale): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of e.issues) {
    const field = FIELD_OF_PATH.find(([re]) => re.test(issue.path))?.[1] ?? "form";
    (out[field] ??= []).push(say(l, issue.message));
  }
  return out;
}

/** `/visits/new` and `POST /visits`: the visit form, checked by Liushou's own validation. */
export const visitRoutes: Routes = (web, portal) => {
  web.get("/visits/new", async (c) => {
    const form: VisitForm = {
      child: c.req.query("child") ?? "",
      mentor: c.req.query("mentor") ?? "",
      kind: c.req.query("kind") ?? "home-visit",
      at: portal.now().slice(0, 16),
      summary: "",
    };
    return c.html(await visitPage(portal, c.get("locale"), form, {}));
  });

  web.post("/visits", async (c) => {
    const l = c.get("locale");
    const body = await c.req.parseBody();
    const field = (k: keyof VisitForm) => (typeof body[k] === "string" ? body[k].trim() : "");
    const form: VisitForm = {
      child: field("child"),
      mentor: field("mentor"),
      kind: field("kind"),
      at: field("at"),
      summary: field("summary"),
    };
    // A datetime-local value is wall time in the school's zone; Liushou reads it.
    let at: string | undefined;
    let atErrors: string[] = [];
    if (form.at !== "") {
      try {
        at = toInstant(form.at, "Asia/Shanghai");
      } catch (e) {
        if (!(e instanceof ValidationError)) throw e;
        atErrors = e.issues.map((i) => say(l, i.message));
      }
    }
    try {
      const record = await portal.app.recordContact({
        kind: form.kind as ContactKind,
        at: at as string,
        childIds: form.child === "" ? [] : [form.child],
        ...(form.mentor !== "" ? { mentorId: form.mentor } : {}),
        ...(form.summary !== "" ? { summary: form.summary } : {}),
        initiator: "mentor",
      });
      return c.redirect(`/work?recorded=${encodeURIComponent(record.value.id)}`, 303);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      const errors = errorsOf(e, l);
      if (atErrors.length > 0) errors.at = atErrors;
      return c.html(await visitPage(portal, l, form, errors), 422);
    }
  });
};

async function visitPage(portal: PortalContext, l: Locale, form: VisitForm, errors: FieldErrors) {
  const files = await filesById(portal);
  const mentors = [];
  for await (const m of portal.storage.mentors.stream({})) mentors.push(m.value);
  const error = (f: keyof VisitForm | "form") =>
    errors[f]
      ? html`<span class="error" id="${f}-error" role="alert">${errors[f].join("；")}</span>`
      : "";
  const invalid = (f: keyof VisitForm) =>
    errors[f] ? html`aria-invalid="true" aria-describedby="${f}-error"` : "";
  const option = (value: string, label: string, selected: string) =>
    html`<option value="${value}" ${value === selected ? "selected" : ""}>${label}</option>`;
  return layout(
    l,
    "/visits/new",
    tr(l, "记录走访", "Record a visit"),
    html`<form method="post" action="/visits" novalidate>
      ${error("form")}
      <label
        >${tr(l, "儿童", "Child")}
        <select name="child" ${invalid("child")}>
          ${option("", tr(l, "— 请选择 —", "— choose —"), form.child)}
          ${[...files.values()].map((f) => option(f.id, childName(portal, f, f.id), form.child))}
        </select>
        ${error("child")}
      </label>
      <label
        >${tr(l, "帮扶人", "Mentor")}
        <select name="mentor" ${invalid("mentor")}>
          ${option("", tr(l, "— 无 —", "— none —"), form.mentor)}
          ${mentors.map((m) => option(m.id, m.name, form.mentor))}
        </select>
        ${error("mentor")}
      </label>
      <label
        >${tr(l, "方式", "Kind")}
        <select name="kind" ${invalid("kind")}>
          ${ContactKindSchema.options.map((k) => option(k, labelOf("contactKind", k, l), form.kind))}
        </select>
        ${error("kind")}
      </label>
      <label
        >${tr(l, "时间", "When")}
        <input type="datetime-local" name="at" value="${form.at}" ${invalid("at")} />
        ${error("at")}
      </label>
      <label
        >${tr(l, "情况记录", "Notes")}
        <textarea name="summary" rows="4" ${invalid("summary")}>${form.summary}</textarea>
        ${error("summary")}
      </label>
      <p><button type="submit">${tr(l, "保存", "Save")}</button></p>
    </form>`,
  );
}
