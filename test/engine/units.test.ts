import Decimal from "decimal.js";
import { parseIndicatorValue, quantitiesOf } from "../../src/engine/value-grammar";
import {
  annualize,
  dayCountIn,
  dimOf,
  formatDims,
  fromQuantity,
  isMoney,
  isUnitCost,
  mul,
  parseUnit,
  perYear,
  rateIn,
  sameDims,
  type UnitQuantity,
} from "../../src/engine/units";

function uq(text: string): UnitQuantity {
  const v = parseIndicatorValue(text);
  const q = quantitiesOf(v)[0];
  const r = fromQuantity(q, text);
  if (!r) throw new Error(`no unit quantity in ${text}`);
  return r;
}

describe("units table", () => {
  it.each([
    ["元", "元"],
    ["人", "人"],
    ["名", "人"],
    ["人次", "人"],
    ["台", "台"],
    ["项", "项"],
    ["套", "套"],
    ["户", "户"],
    ["个月", "月"],
    ["月", "月"],
    ["天", "天"],
    ["日", "天"],
    ["工作日", "天"],
    ["个工作日", "天"],
    ["小时", "小时"],
    ["分钟", "分钟"],
    ["年", "年"],
  ])("%s is %s", (text, dim) => {
    expect(dimOf(text)).toBe(dim);
  });

  it("does not know %, 分 or 平方米", () => {
    expect(dimOf("%")).toBeNull();
    expect(dimOf("分")).toBeNull();
    expect(dimOf("平方米")).toBeNull();
    expect(parseUnit("元/平方米")).toBeNull();
  });
});

describe("unit algebra", () => {
  it("parses numerators and denominators", () => {
    expect(parseUnit("元/台/年")).toEqual({ 元: 1, 台: -1, 年: -1 });
    expect(parseUnit("元/人/天")).toEqual({ 元: 1, 人: -1, 天: -1 });
    expect(parseUnit("元/人次")).toEqual({ 元: 1, 人: -1 });
    expect(formatDims({ 元: 1, 台: -1, 年: -1 })).toBe("元/台/年");
    expect(isUnitCost(parseUnit("元/台")!)).toBe(true);
    expect(isUnitCost(parseUnit("元")!)).toBe(false);
    expect(isMoney(parseUnit("元")!)).toBe(true);
  });

  it("multiplies and cancels: 25台 × 18000元/台/年 = 450000元/年 = 450000元 over the year", () => {
    const p = mul(uq("25台"), uq("≤18000元/台/年"));
    expect(p.value.toString()).toBe("450000");
    expect(p.dims).toEqual({ 元: 1, 年: -1 });
    const a = annualize(p)!;
    expect(a.value.toString()).toBe("450000");
    expect(a.factors).toEqual([{ dim: "年", count: new Decimal(1) }]);
  });

  it("22人 × 60元/人/天 × 250天 = 330000元", () => {
    const p = mul(mul(uq("≥22人"), uq("60元/人/天")), uq("<250天（工作日）"));
    expect(p.value.toString()).toBe("330000");
    expect(isMoney(p.dims)).toBe(true);
  });

  it("a day rate over the year needs a day count", () => {
    const p = mul(uq("22人"), uq("60元/人/天"));
    expect(annualize(p)).toBeNull();
    expect(annualize(p, new Decimal(250))!.value.toString()).toBe("330000");
  });

  it("reads rates from text: 每月≤32人, 受惠群众每月≥1500人, ≥1500人/月", () => {
    expect(uq("每月≤32人").dims).toEqual({ 人: 1, 月: -1 });
    expect(uq("受惠群众每月≥1500人").dims).toEqual({ 人: 1, 月: -1 });
    expect(uq("≥1500人/月").dims).toEqual({ 人: 1, 月: -1 });
    expect(uq("32人").dims).toEqual({ 人: 1 });
    expect(rateIn("月均7000元")).toBe("月");
    expect(rateIn("有效提高")).toBeNull();
  });

  it("5元/人次 × 1500人/月 × 12月 = 90000元", () => {
    const p = mul(uq("5元/人次"), uq("受惠群众每月≥1500人"));
    expect(p.dims).toEqual({ 元: 1, 月: -1 });
    expect(annualize(p)!.value.toString()).toBe("90000");
  });

  it("a money amount with no rate word stays money", () => {
    expect(uq("每月5元").dims).toEqual({ 元: 1 });
  });

  it("leaves unmatched counts alone", () => {
    expect(annualize(uq("300元/人/月"))).toBeNull();
    expect(sameDims(uq("5名").dims, uq("5人").dims)).toBe(true);
  });

  it("knows the year's horizon", () => {
    expect(perYear("年")!.toString()).toBe("1");
    expect(perYear("月")!.toString()).toBe("12");
    expect(perYear("季度")!.toString()).toBe("4");
    expect(perYear("天")).toBeNull();
    expect(perYear("小时")).toBeNull();
  });

  it("finds a stated day count", () => {
    expect(dayCountIn("覆盖2026年度约250个工作日。")!.toString()).toBe("250");
    expect(dayCountIn("全年250天")!.toString()).toBe("250");
    expect(dayCountIn("2026年度目标")).toBeNull();
    expect(dayCountIn("9999天")).toBeNull();
  });
});
