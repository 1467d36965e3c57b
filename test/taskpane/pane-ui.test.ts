/**
 * Issue 13's pane: the working of a sum with its items, 详情, 怎么改, the count chips, blank-form
 * names, template and configuration messages, amounts and units per language, the demo's own errors.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createElement, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { buildView, isPlaceholderName } from "../../src/app/findings";
import { checkWorkbook } from "../../src/checker";
import { checkXlsxBytes, demoError } from "../../src/demo/errors";
import { readerMessage, XlsxReadError } from "../../src/hosts/xlsx/lean/errors";
import { FindingList } from "../../src/taskpane/components/FindingList";
import { SumTable } from "../../src/taskpane/components/SumTable";
import { PaneController } from "../../src/taskpane/controller";
import { hasHelp, helpIn, helpPath, officeHelp } from "../../src/taskpane/help";
import {
  countChips,
  formTitle,
  groupDigits,
  groupFindings,
  groupHeading,
} from "../../src/taskpane/view-model";
import { amount, departmentRows, projectRows, sheet, workbook } from "../support/forms";
import { FakeHost } from "./fake-host";
import { SUM_KEY, sumFixtureView } from "./fixtures";
import { MESSAGES, unitWord } from "../../src/messages";

function render<P extends object>(component: ComponentType<P>, props: P): string {
  return renderToStaticMarkup(
    createElement(FluentProvider, { theme: webLightTheme }, createElement(component, props)),
  );
}
const noop = () => undefined;
const listProps = {
  editingKey: null,
  saving: false,
  onSelect: noop,
  onExplain: noop,
  onCancelExplain: noop,
  onSaveExplanation: noop,
  onRemoveExplanation: noop,
};
/** The markup's text, tags removed (attributes such as data-cell and title dropped). */
const textOf = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'");

describe("the working of a sum", () => {
  const view = sumFixtureView("zh");
  const finding = view.findings.find((f) => f.key === SUM_KEY)!;

  it("lists every item with its label and amount, the sum, the total by its label, the difference and the allowance", () => {
    const html = render(SumTable, { lang: "zh", sum: finding.sum!, onSelectCell: noop });
    expect(html).toContain('data-items="2"');
    const text = textOf(html).replace(/\s+/g, " ");
    expect(text).toContain("计算过程（单位：元）");
    expect(text).toContain("项目名称「伙食补助费」 100,000.00");
    expect(text).toContain("项目名称「窗口考评」 30,000.50");
    expect(text).toContain("各项合计 130,000.50");
    expect(text).toContain("应等于 「项目支出」 100,000.00");
    expect(text).toContain("差额 30,000.50");
    expect(text).toContain("容差 50.01");
    // Items are named by label; the address is only the target (and tooltip).
    expect(text).not.toContain("伙食补助费!B8");
    expect(html).toContain('data-cell="伙食补助费!B8"');
  });

  it("says the unit in each language", () => {
    const en = render(SumTable, { lang: "en", sum: finding.sum! });
    expect(textOf(en)).toContain("Working (unit: yuan)");
    expect(textOf(en)).toContain("项目名称 '伙食补助费'");
    expect(textOf(en)).not.toContain("元");
    expect(unitWord("万元", "en")).toBe("10k yuan");
    expect(unitWord("元", "zh")).toBe("元");
  });

  it("without items falls back to the 合计 / 应等于 / 差额 / 容差 box, in the language's unit", () => {
    const bare = { ...finding.sum!, items: undefined, total: undefined };
    const zh = textOf(render(SumTable, { lang: "zh", sum: bare }));
    expect(zh).toContain("130,000.50 元");
    expect(zh).not.toContain("计算过程");
    const en = textOf(render(SumTable, { lang: "en", sum: bare }));
    expect(en).toContain("130,000.50 yuan");
    expect(en).not.toContain("元");
  });

  it("the selected row shows the table, a closed 详情 and 怎么改; other rows stay compact", () => {
    const html = render(FindingList, {
      ...listProps,
      lang: "zh",
      selectedKey: SUM_KEY,
      groups: groupFindings(view, view.findings),
    });
    expect(html.match(/data-testid="finding-body"/g)).toHaveLength(1);
    expect(html.match(/data-testid="sum-table"/g)).toHaveLength(1);
    expect(html).toMatch(
      /data-testid="detail-button"[^>]*aria-expanded="false"|aria-expanded="false"[^>]*data-testid="detail-button"/,
    );
    expect(html).not.toContain('data-testid="finding-detail"');
    expect(html).toContain('href="help/rules/project-sum.html"');
    // Related cells are the sum's items: named in the table, not listed again by address.
    expect(html).not.toContain('data-testid="related-cell"');
  });

  it("renders 详情 like the message, from the rule's catalogue", () => {
    expect(finding.detailText).toContain("可能缺少项目绩效目标表");
    expect(finding.detailText).toContain("130,000.50");
    expect(
      buildView(checkWorkbook(workbook()), [], "zh").findings.every((f) => f.detailText === undefined),
    ).toBe(true);
  });

  it("leaves a slot for the selected row's further actions", () => {
    const html = render(FindingList, {
      ...listProps,
      lang: "zh",
      selectedKey: SUM_KEY,
      groups: groupFindings(view, view.findings),
      renderActions: (f) => createElement("button", { "data-testid": "fix-slot" }, f.rule),
    });
    expect(html.match(/data-testid="fix-slot"/g)).toHaveLength(1);
    expect(html).toContain(">project-sum</button>");
  });
});

describe("怎么改", () => {
  it("links registered rules to their page and refuses other ids", () => {
    expect(helpPath("project-sum")).toBe("help/rules/project-sum.html");
    expect(helpPath("project-sum", "en")).toBe("help/rules/en/project-sum.html");
    expect(helpPath("../secret")).toBe("help.html");
    expect(helpPath("../secret", "en")).toBe("help.html");
    expect(hasHelp("project-sum")).toBe(true);
    expect(hasHelp("internal")).toBe(false);
  });

  it("opens an Office dialog where DialogApi 1.1 is supported, else a new window", () => {
    const opened: string[] = [];
    (globalThis as { window?: unknown }).window = { open: (url: string) => opened.push(url) };
    try {
      const dialogs: string[] = [];
      const office = (supported: boolean) => ({
        context: {
          requirements: {
            isSetSupported: (name: string, v?: string) => supported && name === "DialogApi" && v === "1.1",
          },
          ui: {
            displayDialogAsync: (
              url: string,
              _o: unknown,
              cb?: (r: { status: unknown; value?: { close(): void } }) => void,
            ) => {
              dialogs.push(url);
              cb?.({ status: "succeeded", value: { close: noop } });
            },
          },
        },
      });
      const base = () => "https://addin.example/ptc/taskpane.html";
      officeHelp(office(true), base).open("amount");
      expect(dialogs).toEqual(["https://addin.example/ptc/help/rules/amount.html"]);
      expect(opened).toEqual([]);
      officeHelp(office(false), base).open("amount");
      expect(opened).toEqual(["https://addin.example/ptc/help/rules/amount.html"]);
      expect(dialogs).toHaveLength(1);
      // In the pane's language: an English pane opens the English page, in the dialog and in its href.
      const en = helpIn(officeHelp(office(true), base), "en");
      en.open("amount");
      expect(dialogs[1]).toBe("https://addin.example/ptc/help/rules/en/amount.html");
      expect(en.url("amount")).toBe("help/rules/en/amount.html");
      expect(helpIn(officeHelp(office(true), base), "zh").url("amount")).toBe("help/rules/amount.html");
    } finally {
      delete (globalThis as { window?: unknown }).window;
    }
  });
});

describe("counts, names and amounts", () => {
  it("shows 已说明 and 提示 only when non-zero", () => {
    const texts = (c: Parameters<typeof countChips>[0]) => countChips(c, "zh").map((x) => x.text);
    expect(texts({ forms: 2, errors: 1, warnings: 0, infos: 0, explained: 0 })).toEqual([
      "共 2 张表",
      "错误 1 个",
      "警告 0 个",
    ]);
    expect(texts({ forms: 2, errors: 0, warnings: 3, infos: 4, explained: 1 })).toEqual([
      "共 2 张表",
      "错误 0 个",
      "警告 3 个",
      "已说明 1 个",
      "提示 4 个",
    ]);
    expect(
      countChips({ forms: 1, errors: 2, warnings: 0, infos: 1, explained: 0 }, "en").map((x) => x.text),
    ).toEqual(["1 form(s)", "2 error(s)", "0 warning(s)", "1 info"]);
  });

  it("names a blank form by its kind and sheet", () => {
    const v = buildView(
      checkWorkbook(
        workbook(sheet("表二", projectRows({ name: null })), sheet("甲", projectRows({ name: "甲项目" }))),
      ),
      [],
      "zh",
    );
    expect(v.forms.map((f) => f.blank)).toEqual([true, false]);
    expect(formTitle(v.forms[0], "zh")).toBe("项目绩效目标表（工作表「表二」，未填名称）");
    expect(formTitle(v.forms[0], "en")).toBe("Project form (sheet '表二', no name)");
    expect(formTitle(v.forms[1], "zh")).toBe("甲项目");
    expect(isPlaceholderName("项目绩效目标表（表二!2行）", "表二")).toBe(true);
    expect(isPlaceholderName("部门整体预算绩效目标申报表（部门）", "部门")).toBe(true);
    expect(isPlaceholderName("城区道路（二期）", "部门")).toBe(false);
  });

  it("shows the form's template profile", () => {
    const v = buildView(
      checkWorkbook(workbook(sheet("部门", departmentRows({ fiscal: amount(70) })))),
      [],
      "en",
    );
    expect(v.forms[0].template?.id).toBeTruthy();
    const g = groupFindings(v, v.findings)[0];
    expect(groupHeading(g, "en").template).toMatch(/^Template: .*department form$/i);
  });

  it("groups the digits of an amount", () => {
    expect(groupDigits("330000")).toBe("330,000");
    expect(groupDigits("1234567.50")).toBe("1,234,567.50");
    expect(groupDigits("-1000")).toBe("-1,000");
    expect(groupDigits("999")).toBe("999");
    expect(groupDigits("约三十万")).toBe("约三十万");
  });
});

describe("configuration messages", () => {
  it("an invalid workbook setting is said in the pane, and the check still runs with the defaults", async () => {
    const host = new FakeHost(workbook(sheet("部门", departmentRows({ fiscal: amount(70) }))));
    Object.assign(host, { loadConfig: () => Promise.resolve('{"rules": {"amount": "loud"}}') });
    const pane = new PaneController(host, "zh");
    await pane.check();
    const s = pane.getState();
    expect(s.view).not.toBeNull();
    expect(s.configMessages.length).toBeGreaterThan(0);
    expect(s.configMessages.join(" ")).toContain("amount");
  });

  it("a valid (or no) setting gives none", async () => {
    const pane = new PaneController(new FakeHost(workbook(sheet("部门", departmentRows()))), "zh");
    await pane.check();
    expect(pane.getState().configMessages).toEqual([]);
  });
});

describe("the web checker's own error messages", () => {
  it("names the file in our words for each reader error, in both languages", () => {
    const e = new XlsxReadError(
      "legacy-xls",
      "旧表.xls",
      readerMessage("reader.legacyXls", { file: "旧表.xls" }),
    );
    expect(demoError(e, "旧表.xls", "zh")).toBe(
      MESSAGES.demo.error["legacy-xls"].zh.replace("{file}", "旧表.xls"),
    );
    expect(demoError(e, "旧表.xls", "en")).toContain("legacy .xls");
    // Anything else (JSZip's "Corrupted zip: …") is our "damaged" message, never the raw text.
    const raw = new Error("Corrupted zip: can't find end of central directory");
    expect(demoError(raw, "坏.xlsx", "zh")).toBe(
      "无法打开「坏.xlsx」：文件已损坏或格式不受支持。请在 Excel 中打开并重新保存为 .xlsx 后再试。",
    );
    expect(demoError(raw, "坏.xlsx", "en")).not.toContain("Corrupted");
    expect(demoError(raw, "x.xlsx", "zh", "download")).toContain("无法为「x.xlsx」生成下载文件");
  });

  it("tells an empty file, an .xls and a non-zip apart before reading", () => {
    const code = (bytes: number[]) => {
      try {
        checkXlsxBytes(new Uint8Array(bytes).buffer, "f.xlsx");
        return "ok";
      } catch (e) {
        return e instanceof XlsxReadError ? e.code : "other";
      }
    };
    expect(code([])).toBe("empty");
    expect(code([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])).toBe("legacy-xls");
    expect(code([0x3c, 0x68, 0x74, 0x6d, 0x6c])).toBe("not-xlsx");
    expect(code([0x50, 0x4b, 0x03, 0x04, 0, 0])).toBe("ok");
  });
});
