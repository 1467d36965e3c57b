/**
 * A related cell named by its label everywhere (issue 13): the pane's view (runCheck on the in-memory
 * Excel host) names every related cell as the command line's JSON does, and the selected row's related
 * list shows the label, the address kept as the link's target and title.
 */
import { memoryHost } from "../support/memory-host";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { runCheck } from "../../src/app/run-check";
import { run } from "../../src/cli/main";
import type { Report } from "../../src/report/report";
import { FindingList } from "../../src/taskpane/components/FindingList";
import { groupFindings } from "../../src/taskpane/view-model";

jest.setTimeout(60_000);
const EXAMPLE = "examples/nancheng-2026-per-sheet.xlsx";

async function paneView(lang: "zh" | "en") {
  const { host } = await memoryHost(EXAMPLE, {}, lang);
  return (await runCheck(host, lang)).view;
}

async function jsonReport(lang: "zh" | "en"): Promise<Report> {
  let out = "";
  await run(["--jobs", "1", "-f", "json", "--lang", lang, EXAMPLE], {
    stdout: (s) => (out += s),
    stderr: () => undefined,
  });
  return JSON.parse(out) as Report;
}

const noop = () => undefined;

describe("related cells by label", () => {
  it("the pane names them as the JSON does, every one with a label", async () => {
    for (const lang of ["zh", "en"] as const) {
      const view = await paneView(lang);
      const json = (await jsonReport(lang)).files[0].diagnostics;
      const pane = view.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell} ${JSON.stringify(f.related)}`);
      expect(pane).toEqual(json.map((d) => `${d.rule} ${d.sheet}!${d.cell} ${JSON.stringify(d.related)}`));
      expect(view.findings.flatMap((f) => f.related).filter((r) => r.label === "")).toEqual([]);
      expect(view.findings.flatMap((f) => f.related).length).toBeGreaterThan(20);
    }
  });

  it("the selected row lists them by label, linked to their address", async () => {
    const view = await paneView("zh");
    const f = view.findings.find((x) => x.rule === "dept-vs-project" && x.cell === "F30")!;
    const html = renderToStaticMarkup(
      createElement(
        FluentProvider,
        { theme: webLightTheme },
        createElement(FindingList, {
          lang: "zh",
          selectedKey: f.key,
          editingKey: null,
          saving: false,
          onSelect: noop,
          onExplain: noop,
          onCancelExplain: noop,
          onSaveExplanation: noop,
          onRemoveExplanation: noop,
          groups: groupFindings(view, view.findings),
        }),
      ),
    );
    const links = [...html.matchAll(/data-testid="related-cell" data-cell="([^"]+)"[^>]*>([^<]+)</g)].map(
      (m) => `${m[1]} ${m[2]}`,
    );
    expect(links).toEqual([
      "部门整体!D30 产出指标 › 数量指标 › 伙食补贴人数",
      "伙食补助费!D18 伙食补助费 › 产出指标 › 数量指标 › 补贴人数",
      "伙食补助费!F18 伙食补助费 › 产出指标 › 数量指标 › 补贴人数 › 年度指标值",
      "伙食补助费!B2 项目名称「伙食补助费」",
    ]);
    expect(html).toContain('aria-label="定位到 项目名称「伙食补助费」"');
  });
});
