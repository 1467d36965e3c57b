/**
 * The one renderer (src/messages/render.ts): typed ids with their placeholders, references nested in
 * references, lists, and a rule's own catalogue through the same function. The `@ts-expect-error` lines
 * are checked by the type-check (`tsc` covers test/): an unknown id or a left-out placeholder does not
 * compile.
 */
import { MESSAGES, ref, render, resolve, sourceOf, t, unitWord } from "../src/messages";

describe("t(id, lang, args)", () => {
  it("renders a message of the catalogue by its dotted id in each language", () => {
    expect(t("pane.countForms", "zh", { count: 3 })).toBe("共 3 张表");
    expect(t("pane.countForms", "en", { count: 3 })).toBe("3 form(s)");
    expect(t("terms.severity.warning", "zh")).toBe("警告");
    expect(t("cli.fileError.csv", "en", { file: "a.csv" })).toBe(
      "a.csv: a CSV file is not a form workbook, not checked. Use the form template (.xlsx).",
    );
  });

  it("leaves text arguments whole (only a rule's cell text is shortened)", () => {
    const long = "很".repeat(300);
    expect(t("app.failed", "zh", { reason: long })).toBe(`检查未完成：${long}`);
  });

  it("takes an id built from a key (`terms.severity.${s}`)", () => {
    const s = "info" as "error" | "info";
    expect(t(`terms.severity.${s}`, "en")).toBe("info");
  });

  it("rejects an unknown id and a missing placeholder at compile time", () => {
    // @ts-expect-error an id the catalogue does not have
    expect(t("pane.noSuchMessage", "zh")).toBe("pane.noSuchMessage");
    // @ts-expect-error countForms needs {count}
    expect(t("pane.countForms", "zh")).toBe("共 {count} 张表");
    // @ts-expect-error badNumber needs {value}, {min} and {max}
    expect(t("config.badNumber", "en", { value: 1 })).toBe(
      "1 is not valid: give a number from {min} to {max}.",
    );
    // `{预算金额}` and `{ … }` are not placeholders (the renderer's /\{(\w+)\}/ does not take them).
    expect(t("insert.noBudget", "zh")).toContain("「{预算金额}」");
    expect(t("config.notObject", "en", { value: "[]" })).toBe(
      "the configuration must be a JSON object ({ … }), not [].",
    );
  });
});

describe("render(ref, lang)", () => {
  it("renders nested references in the same language and lists as the language joins them", () => {
    const r = ref("insert.checkAfterFailed", {
      done: ref("insert.sheetAdded", { sheet: "项目2" }),
      check: ref("app.failed", { reason: { list: ["甲", "乙"] } }),
    });
    expect(render(r, "zh")).toBe("已新建工作表「项目2」（项目绩效目标表）。检查未完成：「甲」、「乙」");
    expect(render(r, "en")).toBe("Added sheet '项目2' (project form). The check did not complete: 甲, 乙");
  });

  it("renders an unknown id as the id, and resolve says null", () => {
    expect(render({ messageId: "pane.gone" }, "zh")).toBe("pane.gone");
    expect(resolve({ messageId: "pane.gone" }, "zh")).toBeNull();
  });

  it("stops a reference loop instead of recursing for ever", () => {
    const loop = { a: { zh: "<{x}>", en: "<{x}>" } };
    const deep = { messageId: "a", args: { x: { messageId: "a", args: {} as Record<string, unknown> } } };
    let r = deep.args.x;
    for (let i = 0; i < 10; i++) r = r.args.x = { messageId: "a", args: {} };
    const text = render(deep as never, "zh", { from: sourceOf(loop) });
    expect(text.startsWith("<<<<<")).toBe(true);
    expect(text.length).toBeLessThan(40);
  });

  it("renders a rule's own catalogue through the same function, shortening long cell text", () => {
    const rule = { quoted: { zh: "「{text}」为空", en: "'{text}' is blank" } };
    const text = "字".repeat(200);
    const out = render({ messageId: "quoted", args: { text } }, "zh", {
      from: sourceOf(rule),
      maxArgLength: 120,
    });
    expect(out).toBe(`「${"字".repeat(119)}…」为空`);
  });
});

it("unitWord: a known unit in the language, any other as written", () => {
  expect(unitWord("万元", "en")).toBe("10k yuan");
  expect(unitWord("元/人", "en")).toBe("元/人");
  expect(MESSAGES.terms.unit.元.zh).toBe("元");
});
