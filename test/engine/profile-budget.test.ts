/**
 * The budget block as a profile describes it: the 中期 and 年度 halves of a P1 form (fields and
 * indicator values), the sums resolved to cells, the budget handed to the cost rules in 元.
 */
import { toA1 } from "../../src/engine/address";
import type { ProjectForm } from "../../src/engine/model";
import { readWorkbook } from "../../src/engine/read-forms";
import { sheet, workbook } from "../support/forms";
import { d2Rows, p10Rows, p1Rows } from "../support/profile-forms";

const at = (r: { row: number; col: number }) => toA1(r.row, r.col);

function project(rows: Parameters<typeof sheet>[1]): ProjectForm {
  const f = readWorkbook(workbook(sheet("S", rows))).forms[0];
  expect(f.kind).toBe("project");
  return f as ProjectForm;
}

describe("P1: the 中期 half beside the 年度 half", () => {
  it("reads each half's funds: the first of two labels is 中期, the last 年度", () => {
    const f = project(p1Rows({ midFiscal: "140.00" }));
    const cell = (role: string) => {
      const x = f.fields!.find((y) => y.role === role);
      return x ? `${at(x.ref)} ${x.text}` : "absent";
    };
    expect(cell("budgetMidTerm")).toBe("C6 150.00");
    expect(cell("fiscalMidTerm")).toBe("C7 140.00");
    expect(cell("otherMidTerm")).toBe("C8 0.00");
    expect(cell("budgetAnnual")).toBe("E6 50.00");
    expect(cell("fiscal")).toBe("E7 50.00");
    expect(cell("other")).toBe("E8 0.00");
  });

  it("a 年度-only form has no 中期 funds (the single label is the 年度 one)", () => {
    const f = project(p1Rows({ annualOnly: true }));
    expect(f.fields!.some((x) => x.role === "fiscalMidTerm" || x.role === "otherMidTerm")).toBe(false);
    expect(f.fields!.find((x) => x.role === "fiscal")?.text).toBe("50.00");
  });

  it("gives each 年度 indicator its 中期 value from the same row", () => {
    const f = project(p1Rows());
    expect(
      f.indicators.map(
        (i) => `${i.name} ${i.period.raw} ${at(i.period.ref)} / ${i.annual.raw} ${at(i.annual.ref)}`,
      ),
    ).toEqual([
      "宣传场次 ≥30场 E12 / ≥10场 I12",
      "宣传经费 ≤150万元 E13 / ≤50万元 I13",
      "群众法治意识 明显提升 E14 / 逐步提升 I14",
      "群众满意度 ≥90% E15 / ≥90% I15",
    ]);
    // One slot a 二级, not one a half.
    expect(f.slots.map((s) => s.level2)).toEqual([
      "数量指标",
      "成本指标",
      "社会效益指标",
      "服务对象满意度指标",
    ]);
  });

  it("keeps a 中期 indicator with no 年度 partner", () => {
    const rows = p1Rows();
    rows[14] = ["", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "", "", "", ""];
    const f = project(rows);
    expect(f.indicators.map((i) => i.name)).toEqual(["宣传场次", "宣传经费", "群众法治意识", "群众满意度"]);
  });

  it("names fields by their whole printed label, less a trailing colon", () => {
    const f = project(p1Rows());
    expect(f.fields!.filter((x) => x.type === "amount").map((x) => x.display)).toEqual([
      "中期资金总额",
      "年度资金总额",
      "其中:财政拨款",
      "其他资金",
      "其中:财政拨款",
      "其他资金",
    ]);
  });
});

describe("the budget handed to the cost rules", () => {
  it("is the 年度 amount converted from 万元 to 元, its precision with it", () => {
    const f = project(p1Rows());
    expect(f.budgetUnit).toBe("万元");
    expect(f.budget?.value?.toString()).toBe("500000");
    expect(f.budget?.decimals).toBe(-2); // 50.00 万元 is known to ±50 元
    expect(at(f.budget!.ref)).toBe("E6");
  });

  it("falls back on the total where the family has no 年度 amount (P10: 本年度预计投入 in B10)", () => {
    const f = project(p10Rows());
    expect(f.budget?.value?.toString()).toBe("70000");
    expect(f.budget?.decimals).toBe(-4);
  });
});

describe("sums resolved to cells", () => {
  it("P1: one sum a half; P10: the funds by level two rows under their headings", () => {
    const show = (rows: Parameters<typeof sheet>[1]) =>
      (readWorkbook(workbook(sheet("S", rows))).forms[0].sums ?? []).map(
        (s) => `${s.rule} ${at(s.total.number.ref)} = ${s.parts.map((p) => at(p.number.ref)).join(" + ")}`,
      );
    expect(show(p1Rows())).toEqual([
      "budget-sum E6 = E7 + E8",
      "budget-sum C6 = C7 + C8",
      "budget-sum C6 = E6",
    ]);
    expect(show(p10Rows())).toEqual(["budget-sum B10 = C10 + D10 + E10 + F10 + G10"]);
  });

  it("D2: 收入构成 and 支出构成 against their 合计 in every amount column, not in 占比", () => {
    const f = readWorkbook(workbook(sheet("S", d2Rows()))).forms[0];
    expect(
      (f.sums ?? []).map(
        (s) => `${s.total.field} ${at(s.total.number.ref)} = ${s.parts.map((p) => p.label).join("+")}`,
      ),
    ).toEqual([
      "当年金额 D8 = 财政拨款+其他资金",
      "2021年 F8 = 财政拨款+其他资金",
      "2022年 G8 = 财政拨款+其他资金",
      "当年金额 D11 = 基本支出+项目支出",
      "2021年 F11 = 基本支出+项目支出",
      "2022年 G11 = 基本支出+项目支出",
    ]);
    expect(f.sums!.every((s) => s.rule === "dept-balance")).toBe(true);
  });
});
