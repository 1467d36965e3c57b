import {
  columnRole,
  fieldLabel,
  printedLabel,
  profileFormLayout,
  treeSlots,
} from "../../src/template/profile-layout";
import { PROFILES, PROFILES_BY_ID } from "../../src/templates";
import { TREES } from "../../src/templates/trees";
import { normalizeLabel } from "../../src/engine/text";

const WITH_LAYOUT = PROFILES.filter((p) => p.layout);

describe("profile layout data", () => {
  it("is given for every non-canonical target-form profile, and for no other", () => {
    for (const p of PROFILES) {
      const target = p.kind === "project" || p.kind === "department";
      expect([p.id, p.layout !== undefined]).toEqual([p.id, target && !p.canonical]);
    }
  });

  it.each(WITH_LAYOUT.map((p) => [p.id, p] as const))(
    "%s: every header label is a column role the reader knows",
    (_id, p) => {
      for (const label of p.layout!.columns) expect([label, columnRole(p, label)]).not.toEqual([label, null]);
      if (p.table?.layout !== "prose") {
        const roles = p.layout!.columns.map((c) => columnRole(p, c));
        expect(roles).toContain("level3");
        expect(roles.some((r) => r === "value" || r === "periodValue")).toBe(true);
      }
    },
  );

  it.each(WITH_LAYOUT.map((p) => [p.id, p] as const))(
    "%s: every field is printed with a label its patterns accept",
    (_id, p) => {
      for (const f of p.fields) {
        const label = fieldLabel(p, f);
        expect([f.role, label === null]).toEqual([f.role, false]);
        const printed = normalizeLabel(printedLabel(label!));
        expect(f.labels.some((re) => re.test(printed))).toBe(true);
      }
    },
  );
});

describe("treeSlots", () => {
  it("lists each 二级 once; in the 2021 tree 成本指标 is a 一级, not a 二级 of 产出指标", () => {
    const slots = treeSlots(TREES.T2021).map((s) => `${s.level1}/${s.level2}`);
    expect(slots).toContain("成本指标/经济成本指标");
    expect(slots).not.toContain("产出指标/成本指标");
    expect(slots.filter((s) => s.endsWith("/服务对象满意度指标"))).toEqual(["满意度指标/服务对象满意度指标"]);
    expect(treeSlots(TREES.T2015).map((s) => `${s.level1}/${s.level2}`)).toContain("产出指标/成本指标");
    expect(treeSlots(TREES.flat)).toEqual([]);
  });
});

describe("profileFormLayout", () => {
  it("refuses the non-target families and profiles without layout data", () => {
    expect(profileFormLayout(PROFILES_BY_ID.get("self-assessment")!, { year: 2027 })).toEqual({
      error: "not-target",
      id: "self-assessment",
    });
    expect(profileFormLayout(PROFILES_BY_ID.get("dongguan-2026-project")!, { year: 2027 })).toEqual({
      error: "no-layout",
      id: "dongguan-2026-project",
    });
  });

  it("puts the year in the title and the department into 主管部门 and 实施单位", () => {
    const l = profileFormLayout(PROFILES_BY_ID.get("gansu-2023-project")!, { year: 2031, dept: "测试局" });
    if ("error" in l) throw new Error(l.error);
    const values = l.cells.map((c) => c.value).filter((v) => v !== null);
    expect(values[0]).toBe("2031年省级部门预算项目支出绩效目标表");
    expect(values.filter((v) => v === "测试局")).toHaveLength(2);
    // A blank form: no figure anywhere but the year.
    expect(values.filter((v) => /\d/.test(String(v)))).toEqual(["2031年省级部门预算项目支出绩效目标表"]);
  });
});
