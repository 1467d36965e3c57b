/** Fault 10: the ribbon's 检查表格 says what happened — the counts, or the error — in a dialog. */
import { dialogUrl } from "../../src/commands/commands";
import { failureFeedback, parseFeedbackHash, successFeedback } from "../../src/commands/feedback";

describe("the ribbon command's feedback", () => {
  const counts = { forms: 10, errors: 3, warnings: 19, infos: 2, explained: 1 };

  it("success and failure look different, and both reach the dialog page intact", () => {
    const ok = successFeedback(counts, "zh");
    const bad = failureFeedback("Excel is in cell-editing mode.", "zh");
    expect(ok.kind).toBe("warning"); // errors were found
    expect(ok.text).toContain("错误 3 个");
    expect(bad.kind).toBe("error");
    expect(bad.text).toBe("检查未完成：Excel is in cell-editing mode.");
    for (const f of [ok, bad]) {
      const url = new URL(dialogUrl(f, "https://localhost:3000/commands.html"));
      expect(url.pathname).toBe("/dialog.html");
      expect(parseFeedbackHash(url.hash)).toEqual(f);
    }
    expect(successFeedback({ ...counts, errors: 0 }, "en").kind).toBe("success");
  });

  it("notes about marks not written are shown with the counts", () => {
    const f = successFeedback({ ...counts, errors: 0 }, "zh", [
      "工作表「部门整体」受保护，其中的标记未更新。",
    ]);
    expect(f.kind).toBe("warning");
    expect(f.text.split("\n")).toHaveLength(2);
  });
});
