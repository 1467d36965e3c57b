/**
 * A server-side render of the pane (no DOM needed): the markup carries the test ids, the cells
 * and the words the e2e tests look for. Interaction is covered by the controller tests and e2e.
 */
import { createElement, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { buildView } from "../../src/app/findings";
import { checkWorkbook } from "../../src/checker";
import { App } from "../../src/taskpane/App";
import { FindingList } from "../../src/taskpane/components/FindingList";
import { Filters } from "../../src/taskpane/components/Filters";
import { Summary } from "../../src/taskpane/components/Summary";
import { DEFAULT_FILTERS, filterCounts, groupFindings } from "../../src/taskpane/view-model";
import { amount, departmentRows, projectRows, sheet, standardIndicators, workbook } from "../support/forms";
import { FakeHost } from "./fake-host";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";

function view(explained = false) {
  const indicators = standardIndicators();
  indicators[5] = [null, "时效指标", "按时完成率", "及时", "及时"];
  const wb = workbook(
    sheet("部门", departmentRows({ fiscal: amount(70) })),
    sheet("项目A", projectRows({ name: "项目A", indicators })),
  );
  const ex = explained
    ? [{ key: "unquantified|time|项目A!E19", text: "以合同为准", at: "2026-01-01T00:00:00Z" }]
    : [];
  return buildView(checkWorkbook(wb), ex, "zh");
}

function render<P extends object>(component: ComponentType<P>, props: P): string {
  return renderToStaticMarkup(
    createElement(FluentProvider, { theme: webLightTheme }, createElement(component, props)),
  );
}

const noop = () => undefined;

describe("App", () => {
  it("shows the start-up error when there is no host", () => {
    const html = renderToStaticMarkup(
      createElement(App, { host: null, lang: "zh", startupError: "此加载项需要在 Excel 中运行。" }),
    );
    expect(html).toContain('data-testid="status"');
    expect(html).toContain("此加载项需要在 Excel 中运行。");
    expect(html).not.toContain('data-testid="check-button"');
  });

  it("shows the toolbar and the invitation before a check", () => {
    const html = renderToStaticMarkup(createElement(App, { host: new FakeHost(workbook()), lang: "zh" }));
    for (const id of ["check-button", "clear-button", "export-button", "summary"]) {
      expect(html).toContain(`data-testid="${id}"`);
    }
    expect(html).toContain("检查表格");
    expect(html).toContain("清除标记");
    expect(html).toContain("导出检查报告");
    expect(html).toMatch(/data-testid="export-button"[^>]*disabled|disabled[^>]*data-testid="export-button"/);
  });

  it("with a host, shows a start-up message as a warning above a working pane", () => {
    const html = renderToStaticMarkup(
      createElement(App, { host: new FakeHost(workbook()), lang: "zh", startupError: "旧版 .xls" }),
    );
    expect(html).toContain('data-testid="startup-message"');
    expect(html).toContain("旧版 .xls");
    expect(html).toContain('data-testid="check-button"');
  });

  it("speaks English with lang en", () => {
    const html = renderToStaticMarkup(createElement(App, { host: new FakeHost(workbook()), lang: "en" }));
    expect(html).toContain("Check forms");
    expect(html).toContain("Export report");
  });
});

describe("FindingList", () => {
  const props = {
    lang: "zh" as const,
    selectedKey: "dept-balance|unbalanced|部门!E6",
    editingKey: null,
    saving: false,
    onSelect: noop,
    onExplain: noop,
    onCancelExplain: noop,
    onSaveExplanation: noop,
    onRemoveExplanation: noop,
  };

  it("renders each finding with its cell, rule, severity, sum table and related cells", () => {
    const v = view();
    const html = render(FindingList, { ...props, groups: groupFindings(v, v.findings) });
    expect(html.match(/data-testid="finding"/g)).toHaveLength(v.findings.length);
    expect(html).toContain('data-cell="部门!E6" data-rule="dept-balance" data-severity="error"');
    expect(html).toContain('data-cell="项目A!E19" data-rule="unquantified" data-severity="warning"');
    expect(html).toContain('data-testid="sum-table"');
    for (const w of ["合计", "应等于", "差额", "容差", "10.00 万元", "0.02 万元"]) expect(html).toContain(w);
    // dept-balance carries its items: the related cells are named by their labels in the sum table.
    expect(html).toContain('data-cell="部门!C6" data-testid="sum-item-link">「基本支出」');
    expect(html).toContain("测试部门");
    expect(html).toContain("部门!A1:F25");
    expect(html).toMatch(/data-cell="部门!E6"[^>]*data-selected="true"/);
    // Compact rows: only the selected one (an error) shows its body; the warning's 说明 is not offered yet.
    expect(html.match(/data-testid="finding-body"/g)).toHaveLength(1);
    expect(html).not.toContain('data-testid="explain-button"');
    // One Tab stop for the list: the selected row.
    expect(html.match(/role="listitem" tabindex="0"/g)).toHaveLength(1);
    expect(html).toMatch(/tabindex="0"[^>]*data-cell="部门!E6"/);
    expect(html).toContain('href="help/rules/dept-balance.html"');
  });

  it("offers 说明 on a selected warning", () => {
    const v = view();
    const html = render(FindingList, {
      ...props,
      selectedKey: "unquantified|time|项目A!E19",
      groups: groupFindings(v, v.findings),
    });
    expect(html.match(/data-testid="explain-button"/g)).toHaveLength(1);
    expect(html).toMatch(/role="listitem" tabindex="0"[^>]*data-cell="项目A!E19"/);
  });

  it("shows the 已说明 badge and the text of an explained warning", () => {
    const v = view(true);
    const html = render(FindingList, {
      ...props,
      selectedKey: "unquantified|time|项目A!E19",
      groups: groupFindings(v, v.findings),
    });
    expect(html).toContain('data-testid="explained-badge"');
    expect(html).toContain("已说明");
    expect(html).toContain("以合同为准");
  });

  it("opens the editor with the placeholder", () => {
    const v = view(true);
    const html = render(FindingList, {
      ...props,
      editingKey: "unquantified|time|项目A!E19",
      groups: groupFindings(v, v.findings),
    });
    expect(html).toContain('data-testid="explanation-input"');
    expect(html).toContain("填写此警告的说明");
    expect(html).toContain('data-testid="explanation-save"');
    expect(html).toContain('data-testid="explanation-remove"');
  });
});

describe("Filters and Summary", () => {
  it("renders the severity toggles with counts", () => {
    const v = view();
    const html = render(Filters, {
      lang: "zh",
      filters: DEFAULT_FILTERS,
      counts: filterCounts(v.findings, DEFAULT_FILTERS),
      onToggleSeverity: noop,
      onCategory: noop,
    });
    for (const s of ["error", "warning"]) expect(html).toContain(`data-testid="filter-severity-${s}"`);
    // No info finding: 提示（0） is not offered.
    expect(v.counts.infos).toBe(0);
    expect(html).not.toContain('data-testid="filter-severity-info"');
    // Switched off, it stays, so it can be switched on again.
    const off = { ...DEFAULT_FILTERS, severities: { ...DEFAULT_FILTERS.severities, info: false } };
    const html2 = render(Filters, {
      lang: "zh",
      filters: off,
      counts: filterCounts(v.findings, off),
      onToggleSeverity: noop,
      onCategory: noop,
    });
    expect(html2).toContain('data-testid="filter-severity-info"');
    expect(html).toContain(`错误（${v.counts.errors}）`);
    expect(html).toContain('data-testid="filter-category"');
  });

  it("renders the summary and the pending re-check", () => {
    const html = render(Summary, { lang: "zh", view: view(), checkedAt: new Date(), recheckPending: true });
    expect(html).toContain("共 2 张表");
    expect(html).toContain(">错误 1 个<");
    // 已说明 and 提示 only when there are some.
    expect(html).not.toContain("已说明");
    expect(html).not.toContain("提示");
    expect(html).toContain("表格已修改，正在重新检查…");
  });
});
