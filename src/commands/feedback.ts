/**
 * What the ribbon's 检查表格 tells the user after it ran: the counts, or why it failed. Pure: the
 * command turns it into the dialog's URL (hash), the dialog page reads it back.
 */
import type { Counts } from "../app/findings";
import type { Lang } from "../core";
import { t } from "../messages";

export interface Feedback {
  lang: Lang;
  kind: "success" | "warning" | "error";
  title: string;
  text: string;
  ok: string;
}

export function successFeedback(counts: Counts, lang: Lang, notes: readonly string[] = []): Feedback {
  const summary = counts.forms === 0 ? t("app.noForms", lang) : t("app.summary", lang, { ...counts });
  return {
    lang,
    kind: counts.errors > 0 || counts.forms === 0 || notes.length > 0 ? "warning" : "success",
    title: t("app.appTitle", lang),
    text: [summary, ...notes].join("\n"),
    ok: t("app.ok", lang),
  };
}

export function failureFeedback(reason: string, lang: Lang): Feedback {
  return {
    lang,
    kind: "error",
    title: t("app.appTitle", lang),
    text: t("app.failed", lang, { reason }),
    ok: t("app.ok", lang),
  };
}

export function feedbackHash(f: Feedback): string {
  const p = new URLSearchParams({ lang: f.lang, kind: f.kind, title: f.title, text: f.text, ok: f.ok });
  return `#${p.toString()}`;
}

export function parseFeedbackHash(hash: string): Feedback {
  const p = new URLSearchParams(hash.replace(/^#/, ""));
  const kind = p.get("kind");
  return {
    lang: p.get("lang") === "en" ? "en" : "zh",
    kind: kind === "success" || kind === "warning" ? kind : "error",
    title: p.get("title") ?? "",
    text: p.get("text") ?? "",
    ok: p.get("ok") ?? t("app.ok", "zh"),
  };
}
