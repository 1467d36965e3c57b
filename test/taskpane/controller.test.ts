import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { PaneController, type PaneState } from "../../src/taskpane/controller";
import { amount, departmentRows, projectRows, sheet, standardIndicators, workbook } from "../support/forms";
import { FakeHost } from "./fake-host";

/** 部门!E6: an unbalanced budget (error, related C6 C7 E7); 项目A!E19: a vague 时效 value (warning). */
function faulty(): WorkbookSnapshot {
  const indicators = standardIndicators();
  indicators[5] = [null, "时效指标", "按时完成率", "及时", "及时"];
  return workbook(
    sheet("部门", departmentRows({ fiscal: amount(70) })),
    sheet("项目A", projectRows({ name: "项目A", indicators })),
  );
}

function clean(): WorkbookSnapshot {
  return workbook(sheet("部门", departmentRows()), sheet("项目A", projectRows({ name: "项目A" })));
}

const WHEN = new Date("2026-03-01T09:30:00.000Z");

function setup(snapshot = faulty(), options: ConstructorParameters<typeof FakeHost>[1] = {}) {
  const host = new FakeHost(snapshot, options);
  const pane = new PaneController(host, "zh", { now: () => WHEN });
  return { host, pane };
}

/** Lets the promise chains started by start() and timers settle. */
async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

const byCell = (s: PaneState, cell: string) => s.view?.findings.find((f) => `${f.sheet}!${f.cell}` === cell);

describe("checking", () => {
  it("reads, loads explanations, paints the marks and shows the view", async () => {
    const { host, pane } = setup();
    const seen: boolean[] = [];
    pane.subscribe(() => seen.push(pane.getState().checking));
    await pane.check();
    const s = pane.getState();
    expect(host.calls.map((c) => c.method)).toEqual(["read", "loadExplanations", "applyMarks"]);
    expect(host.marks).toEqual(
      expect.arrayContaining([
        { sheet: "部门", cell: "E6", severity: "error" },
        { sheet: "项目A", cell: "E19", severity: "warning" },
      ]),
    );
    expect(s.view?.counts.forms).toBe(2);
    expect(byCell(s, "部门!E6")?.sum?.unit).toBe("万元");
    expect(s.checkedAt).toBe(WHEN);
    expect(s.status).toBeNull();
    expect(seen[0]).toBe(true);
    expect(s.checking).toBe(false);
  });

  it("shows UI.failed when the host fails, and a later check clears it", async () => {
    const { host, pane } = setup();
    host.fail("read", new Error("工作簿已关闭"));
    await pane.check();
    expect(pane.getState().status).toEqual({
      intent: "error",
      text: "检查未完成：工作簿已关闭",
      source: "check",
    });
    expect(pane.getState().view).toBeNull();
    expect(pane.getState().checking).toBe(false);
    await pane.check();
    expect(pane.getState().status).toBeNull();
    expect(pane.getState().view).not.toBeNull();
  });

  it("keeps the selection across a re-check only if the finding is still there", async () => {
    const { host, pane } = setup();
    await pane.check();
    await pane.select(byCell(pane.getState(), "部门!E6")!);
    await pane.check();
    expect(pane.getState().selectedKey).toBe("dept-balance|unbalanced|部门!E6");
    host.snapshot = clean();
    await pane.check();
    expect(pane.getState().selectedKey).toBeNull();
    expect(pane.getState().view?.findings).toEqual([]);
  });
});

describe("marks and report", () => {
  it("clears the marks and says how many", async () => {
    const { host, pane } = setup();
    await pane.check();
    const n = host.marks.length;
    await pane.clearMarks();
    expect(host.marks).toEqual([]);
    expect(pane.getState().status).toEqual({
      intent: "success",
      text: `已清除 ${n} 处标记。`,
      source: "clear",
    });
  });

  it("a failed clear is an error status, not an exception", async () => {
    const { host, pane } = setup();
    host.fail("clearMarks", new Error("protected"));
    await expect(pane.clearMarks()).resolves.toBeUndefined();
    expect(pane.getState().status).toMatchObject({ intent: "error", text: "清除标记未完成：protected" });
    expect(pane.getState().clearing).toBe(false);
  });

  it("exports the report only after a check", async () => {
    const { host, pane } = setup();
    await pane.exportReport();
    expect(host.count("writeReport")).toBe(0);
    await pane.check();
    await pane.exportReport();
    expect(host.reports).toHaveLength(1);
    const plan = host.reports[0];
    expect(plan.sheetName).toBe("检查记录");
    expect(plan.heading[1]).toContain("2026-03-01 09:30");
    expect(plan.heading[1]).toContain("test.xlsx");
    expect(plan.rows.map((r) => `${r.cells[2]}!${r.cells[3]}`)).toEqual(
      expect.arrayContaining(["部门!E6", "项目A!E19"]),
    );
    expect(pane.getState().status?.text).toBe("检查报告已写入工作表「检查记录」。");
  });

  it("a failed export is an error status", async () => {
    const { host, pane } = setup();
    await pane.check();
    host.fail("writeReport", "sheet name taken");
    await pane.exportReport();
    expect(pane.getState().status).toMatchObject({
      intent: "error",
      text: "导出检查报告未完成：sheet name taken",
    });
    expect(pane.getState().exporting).toBe(false);
  });
});

describe("selecting", () => {
  it("selects the finding's cell with its related cells", async () => {
    const { host, pane } = setup();
    await pane.check();
    const f = byCell(pane.getState(), "部门!E6")!;
    await pane.select(f);
    expect(host.selection).toEqual({
      target: { sheet: "部门", cell: "E6" },
      related: [
        { sheet: "部门", cell: "C6" },
        { sheet: "部门", cell: "C7" },
        { sheet: "部门", cell: "E7" },
      ],
    });
    expect(pane.getState().selectedKey).toBe(f.key);
  });

  it("selects a related cell with the finding's cell and the other related cells", async () => {
    const { host, pane } = setup();
    await pane.check();
    const f = byCell(pane.getState(), "部门!E6")!;
    await pane.select(f, { sheet: "部门", cell: "C7" });
    expect(host.selection).toEqual({
      target: { sheet: "部门", cell: "C7" },
      related: [
        { sheet: "部门", cell: "E6" },
        { sheet: "部门", cell: "C6" },
        { sheet: "部门", cell: "E7" },
      ],
    });
  });

  it("a failed select keeps the row selected and shows why", async () => {
    const { host, pane } = setup();
    await pane.check();
    host.fail("select", new Error("sheet hidden"));
    const f = byCell(pane.getState(), "项目A!E19")!;
    await pane.select(f);
    expect(pane.getState().selectedKey).toBe(f.key);
    expect(pane.getState().status).toMatchObject({ intent: "error", text: "无法定位到单元格：sheet hidden" });
    await pane.select(f);
    expect(pane.getState().status).toBeNull();
  });
});

describe("filters", () => {
  it("toggles severities and sets the category", () => {
    const { pane } = setup();
    pane.toggleSeverity("warning");
    expect(pane.getState().filters.severities).toEqual({ error: true, warning: false, info: true });
    pane.setCategory("amounts");
    expect(pane.getState().filters.category).toBe("amounts");
    pane.resetFilters();
    expect(pane.getState().filters).toEqual({
      severities: { error: true, warning: true, info: true },
      category: "all",
    });
  });
});

describe("explanations", () => {
  const WARNING = "unquantified|time|项目A!E19";
  /** An explanation stored earlier for a finding that is not in the workbook now. */
  const ORPHAN = { key: "owner|blank|旧表!B5", text: "旧说明", at: "2025-12-01T00:00:00.000Z" };

  it("saves all explanations (also those of absent findings) and shows the badge at once", async () => {
    const { host, pane } = setup(faulty(), { explanations: [ORPHAN] });
    pane.start();
    await flush();
    await pane.check();
    pane.startExplaining(WARNING);
    expect(pane.getState().editingKey).toBe(WARNING);
    await expect(pane.saveExplanation(WARNING, "  按合同约定时限执行  ")).resolves.toBe(true);
    const saved = { key: WARNING, text: "按合同约定时限执行", at: WHEN.toISOString() };
    expect(host.explanations).toEqual([ORPHAN, saved]);
    const s = pane.getState();
    expect(byCell(s, "项目A!E19")?.explanation).toEqual(saved);
    expect(s.view?.counts.explained).toBe(1);
    expect(s.editingKey).toBeNull();
    expect(s.status).toMatchObject({ intent: "success", text: "说明已保存。" });
    // The next check picks it up from the workbook.
    await pane.check();
    expect(byCell(pane.getState(), "项目A!E19")?.explanation).toEqual(saved);
    pane.stop();
  });

  it("removes an explanation; blank text removes too", async () => {
    const { host, pane } = setup(faulty(), {
      explanations: [ORPHAN, { key: WARNING, text: "x", at: "2026-01-01T00:00:00.000Z" }],
    });
    await pane.check();
    expect(pane.getState().view?.counts.explained).toBe(1);
    await pane.removeExplanation(WARNING);
    expect(host.explanations).toEqual([ORPHAN]);
    expect(byCell(pane.getState(), "项目A!E19")?.explanation).toBeNull();
    await pane.saveExplanation(WARNING, "again");
    await pane.saveExplanation(WARNING, "   ");
    expect(host.explanations).toEqual([ORPHAN]);
  });

  it("reads the stored list before the first save even without start()", async () => {
    const { host, pane } = setup(faulty(), { explanations: [ORPHAN] });
    await pane.saveExplanation(WARNING, "先保存");
    expect(host.explanations.map((e) => e.key)).toEqual([ORPHAN.key, WARNING]);
  });

  it("a failed save keeps the editor open and says why", async () => {
    const { host, pane } = setup();
    await pane.check();
    pane.startExplaining(WARNING);
    host.fail("saveExplanation", new Error("read-only workbook"));
    await expect(pane.saveExplanation(WARNING, "说明")).resolves.toBe(false);
    const s = pane.getState();
    expect(s.editingKey).toBe(WARNING);
    expect(s.saving).toBe(false);
    expect(s.status).toMatchObject({ intent: "error", text: "保存说明未完成：read-only workbook" });
    expect(byCell(s, "项目A!E19")?.explanation).toBeNull();
  });

  it("two quick saves both end up in the workbook", async () => {
    const { host, pane } = setup();
    await pane.check();
    const release = host.hold("saveExplanation");
    const first = pane.saveExplanation("k1", "one");
    const second = pane.saveExplanation("k2", "two");
    await flush();
    release();
    await Promise.all([first, second]);
    expect(host.explanations.map((e) => e.key)).toEqual(["k1", "k2"]);
  });

  it("cancel closes the editor", () => {
    const { pane } = setup();
    pane.startExplaining(WARNING);
    pane.cancelExplaining();
    expect(pane.getState().editingKey).toBeNull();
  });
});

describe("re-check after an edit", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("does nothing before the first check", async () => {
    const { host, pane } = setup();
    pane.start();
    await flush();
    expect(host.listeners.size).toBe(1);
    host.edit("部门");
    await jest.advanceTimersByTimeAsync(5000);
    expect(host.count("read")).toBe(0);
    expect(pane.getState().recheckPending).toBe(false);
    pane.stop();
  });

  it("debounces edits by 1500 ms, shows the pending notice, then re-checks", async () => {
    const { host, pane } = setup();
    pane.start();
    await flush();
    await pane.check();
    expect(host.count("read")).toBe(1);

    host.edit("部门");
    expect(pane.getState().recheckPending).toBe(true);
    await jest.advanceTimersByTimeAsync(1000);
    host.edit("部门", clean()); // a second edit restarts the wait
    await jest.advanceTimersByTimeAsync(1499);
    expect(host.count("read")).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    await flush();
    expect(host.count("read")).toBe(2);
    expect(pane.getState().recheckPending).toBe(false);
    expect(pane.getState().view?.findings).toEqual([]);
    pane.stop();
  });

  it("an edit during a check runs another check after it", async () => {
    const { host, pane } = setup();
    pane.start();
    await flush();
    await pane.check();
    const release = host.hold("read");
    const running = pane.check();
    host.edit("部门", clean());
    await jest.advanceTimersByTimeAsync(1500);
    expect(pane.getState().recheckPending).toBe(true);
    release();
    await running;
    await jest.advanceTimersByTimeAsync(0);
    await flush();
    expect(host.count("read")).toBe(3);
    expect(pane.getState().view?.findings).toEqual([]);
    expect(pane.getState().recheckPending).toBe(false);
    pane.stop();
  });

  it("a manual check cancels the pending re-check", async () => {
    const { host, pane } = setup();
    pane.start();
    await flush();
    await pane.check();
    host.edit("部门");
    await pane.check();
    expect(pane.getState().recheckPending).toBe(false);
    await jest.advanceTimersByTimeAsync(3000);
    expect(host.count("read")).toBe(2);
    pane.stop();
  });

  it("stop() unsubscribes and cancels the timer", async () => {
    const { host, pane } = setup();
    pane.start();
    await flush();
    await pane.check();
    host.edit("部门");
    pane.stop();
    await flush();
    expect(host.listeners.size).toBe(0);
    await jest.advanceTimersByTimeAsync(3000);
    expect(host.count("read")).toBe(1);
  });

  it("a subscription that resolves after stop() is undone (React strict mode mounts twice)", async () => {
    const { host, pane } = setup();
    const release = host.hold("onUserEdit");
    pane.start();
    pane.stop();
    pane.start();
    release();
    await flush();
    expect(host.listeners.size).toBe(1);
    pane.stop();
    await flush();
    expect(host.listeners.size).toBe(0);
  });

  it("without change events it does not subscribe", async () => {
    const { host, pane } = setup(faulty(), { changeEvents: false });
    pane.start();
    await flush();
    expect(host.count("onUserEdit")).toBe(0);
    pane.stop();
  });
});

describe("start-up failures", () => {
  it("a failed subscription or explanation load is a status, not an exception", async () => {
    const { host, pane } = setup();
    host.fail("onUserEdit", new Error("no events"));
    host.fail("loadExplanations", new Error("no settings"));
    pane.start();
    await flush();
    expect(pane.getState().status?.intent).toBe("error");
    expect(pane.getState().status?.text).toMatch(/^(无法监听表格修改|读取已保存的说明未完成)/);
    pane.stop();
  });
});
