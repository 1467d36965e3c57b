/** Template profiles: detection, forcing, split columns composed, fields only where the template has them. */
import { checkWorkbook } from "../../src/checker";
import { readWorkbook } from "../../src/engine/read-forms";
import { PROFILE_LIST, PROFILES, PROFILES_BY_ID } from "../../src/templates";
import { projectRows, sheet, workbook } from "../support/forms";

/** An 一体化 export (P5 style): operator, value and unit in their own columns. */
const yitihua = sheet("一体化", [
  ["项目绩效目标表"],
  ["项目名称", "培训经费"],
  ["项目类别", "部门预算项目"],
  ["归口科室", "综合科"],
  ["主管部门", "(433)某局"],
  ["实施单位", "(433001)某局"],
  ["投入目标(万元)", "资金来源", "年初安排金额(万元)"],
  ["", "资金总额", 3],
  ["年度目标", "完成培训"],
  ["绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "目标值", "计量单位", "分值"],
  ["", "产出指标", "数量指标", "培训人次", "正向", "≥", 24, "人次", 10],
  ["", "产出指标", "数量指标", "培训天数", "正向", "=", 3, "", 10],
  ["", "产出指标", "质量指标", "合格率", "正向", "≥", 95, "%", 10],
]);

describe("template profiles", () => {
  it("lists every profile with id, family and bilingual name; ids are unique", () => {
    expect(PROFILE_LIST.length).toBe(PROFILES.length);
    expect(new Set(PROFILE_LIST.map((p) => p.id)).size).toBe(PROFILES.length);
    for (const p of PROFILE_LIST) {
      expect(p.name.zh).not.toBe("");
      expect(p.name.en).not.toBe("");
      expect(PROFILES_BY_ID.get(p.id)?.family).toBe(p.family);
    }
  });

  it("detects the Dongguan layout and reports the choice", () => {
    const m = readWorkbook(workbook(sheet("P", projectRows())));
    expect(m.forms[0].template).toMatchObject({ id: "dongguan-2026-project", forced: false });
    expect(m.forms[0].template!.score).toBeGreaterThan(0.8);
  });

  it("composes operator, value and unit of split columns before the value rules", () => {
    const m = readWorkbook(workbook(yitihua));
    const f = m.forms[0];
    expect(f.template?.id).toBe("neimenggu-yitihua-project");
    const [a, b, c] = f.indicators;
    expect(a.annual.raw).toBe("≥24人次");
    expect(a.annual.parsed.kind).toBe("quantity");
    expect(c.annual.raw).toBe("≥95%");
    expect(b.annual.raw).toBe("=3");
  });

  it("puts a missing unit on the unit column, and not where the unit column holds it", () => {
    const { diagnostics } = checkWorkbook(workbook(yitihua));
    const units = diagnostics.filter((d) => d.rule === "unit-missing").map((d) => d.cell);
    expect(units).toEqual(["H12"]);
  });

  it("never reports fields the template does not have", () => {
    const { diagnostics } = checkWorkbook(workbook(yitihua));
    expect(diagnostics.filter((d) => d.rule === "missing-section" || d.rule === "required-field")).toEqual(
      [],
    );
  });

  it("a forced profile is used and marked forced", () => {
    const m = readWorkbook(workbook(yitihua), { templates: ["yitihua-export-project"] });
    expect(m.forms[0].template).toMatchObject({ id: "yitihua-export-project", forced: true });
    const viaOptions = checkWorkbook(workbook(yitihua), { templates: ["yitihua-export-project"] });
    expect(viaOptions.model.forms[0].template?.forced).toBe(true);
  });

  it("one workbook may mix families", () => {
    const m = readWorkbook(workbook(sheet("P", projectRows()), yitihua));
    expect(m.forms.map((f) => f.template?.family)).toEqual(["seed", "P5"]);
  });
});
