import Decimal from "decimal.js";
import {
  parseIndicatorValue,
  quantitiesOf,
  type Operator,
  type ParsedValue,
  type Quantity,
  type UnitKind,
} from "../../src/engine/value-grammar";

/** What a test says about one quantity; omitted fields are not checked. */
interface Q {
  op?: Operator | null;
  opText?: string | null;
  value?: string;
  written?: string;
  decimals?: number;
  magnitude?: "万" | "亿" | "千" | null;
  /** unit.text, or null for "no unit". */
  unit?: string | null;
  base?: string;
  per?: readonly string[];
  kind?: UnitKind;
}

function checkQuantity(q: Quantity, e: Q): void {
  if (e.op !== undefined) expect(q.op).toBe(e.op);
  if (e.opText !== undefined) expect(q.opText).toBe(e.opText);
  if (e.value !== undefined) {
    expect(q.value.toString()).toBe(e.value);
    expect(q.value.equals(new Decimal(e.value))).toBe(true);
  }
  if (e.written !== undefined) expect(q.written).toBe(e.written);
  if (e.decimals !== undefined) expect(q.decimals).toBe(e.decimals);
  if (e.magnitude !== undefined) expect(q.magnitude).toBe(e.magnitude);
  if (e.unit === null) expect(q.unit).toBeNull();
  if (e.unit !== undefined && e.unit !== null) expect(q.unit?.text).toBe(e.unit);
  if (e.base !== undefined) expect(q.unit?.base).toBe(e.base);
  if (e.per !== undefined) expect(q.unit?.per).toEqual(e.per);
  if (e.kind !== undefined) expect(q.unit?.kind).toBe(e.kind);
}

function asKind<K extends ParsedValue["kind"]>(v: ParsedValue, kind: K): Extract<ParsedValue, { kind: K }> {
  expect(v.kind).toBe(kind);
  if (v.kind !== kind) throw new Error(`expected ${kind}, got ${v.kind}`);
  return v as Extract<ParsedValue, { kind: K }>;
}

const pct = { unit: "%", base: "%", per: [], kind: "percent" } as const;
const yuan = { unit: "元", base: "元", per: [], kind: "money" } as const;

describe("parseIndicatorValue: single quantities", () => {
  // [input, prefix, suffix, expected quantity]
  const cases: [string, string, string, Q][] = [
    // §5.4 `≥N%` / `≤N%`
    [
      "≥95%",
      "",
      "",
      { op: "≥", opText: "≥", value: "95", written: "95", decimals: 0, magnitude: null, ...pct },
    ],
    ["≥90%", "", "", { op: "≥", value: "90", ...pct }],
    ["≤10%", "", "", { op: "≤", opText: "≤", value: "10", ...pct }],
    // §5.4 bare `N%`
    ["100%", "", "", { op: null, opText: null, value: "100", written: "100", magnitude: null, ...pct }],
    // §5.4 `≥N万`: magnitude, no unit
    ["≥9.5万", "", "", { op: "≥", value: "95000", written: "9.5", decimals: 1, magnitude: "万", unit: null }],
    // §5.4 `>N万件`
    [
      ">40万件",
      "",
      "",
      { op: ">", opText: ">", value: "400000", written: "40", magnitude: "万", unit: "件", kind: "count" },
    ],
    // §5.4 `≤N万元`
    ["≤60万元", "", "", { op: "≤", value: "600000", written: "60", magnitude: "万", ...yuan }],
    ["≤16万元", "", "", { op: "≤", value: "160000", magnitude: "万", ...yuan }],
    // §5.4 `≤N元`
    ["≤4832039元", "", "", { op: "≤", value: "4832039", decimals: 0, magnitude: null, ...yuan }],
    ["≤311277.00元", "", "", { op: "≤", value: "311277", written: "311277.00", decimals: 2, ...yuan }],
    ["≤198068.84元", "", "", { op: "≤", value: "198068.84", written: "198068.84", decimals: 2, ...yuan }],
    // §5.4 bare amounts
    ["14955.23元", "", "", { op: null, value: "14955.23", written: "14955.23", decimals: 2, ...yuan }],
    ["12000元", "", "", { op: null, value: "12000", decimals: 0, ...yuan }],
    ["5元", "", "", { op: null, opText: null, value: "5", ...yuan }],
    // §5.4 per-unit costs
    [
      "≤18000元/台",
      "",
      "",
      { op: "≤", value: "18000", unit: "元/台", base: "元", per: ["台"], kind: "money" },
    ],
    ["≤18000元/台/年", "", "", { op: "≤", value: "18000", unit: "元/台/年", base: "元", per: ["台", "年"] }],
    ["1416元/台", "", "", { op: null, value: "1416", unit: "元/台", per: ["台"], kind: "money" }],
    ["300元/人", "", "", { op: null, value: "300", unit: "元/人", per: ["人"] }],
    [
      "300元/人/月",
      "",
      "",
      { op: null, value: "300", unit: "元/人/月", base: "元", per: ["人", "月"], kind: "money" },
    ],
    ["≤60元/人/天", "", "", { op: "≤", value: "60", unit: "元/人/天", per: ["人", "天"] }],
    ["60元/人/天", "", "", { op: null, value: "60", unit: "元/人/天", per: ["人", "天"] }],
    // §5.4 head counts
    ["≤39人", "", "", { op: "≤", value: "39", unit: "人", base: "人", per: [], kind: "count" }],
    ["≥40人", "", "", { op: "≥", value: "40", unit: "人", kind: "count" }],
    ["≥22人", "", "", { op: "≥", value: "22", unit: "人" }],
    ["39人", "", "", { op: null, value: "39", unit: "人" }],
    ["2人", "", "", { op: null, value: "2", unit: "人" }],
    // §5.4 `N项` / `N台` / `≥N件`
    ["6项", "", "", { op: null, value: "6", unit: "项", kind: "count" }],
    ["1项", "", "", { op: null, value: "1", unit: "项" }],
    ["3项", "", "", { op: null, value: "3", unit: "项" }],
    ["25台", "", "", { op: null, value: "25", unit: "台", kind: "count" }],
    ["5台", "", "", { op: null, value: "5", unit: "台" }],
    ["≥300件", "", "", { op: "≥", value: "300", unit: "件", kind: "count" }],
    // §5.4 number + unit + trailing noun
    [
      "25台“莞家政务”自助终端机",
      "",
      "“莞家政务”自助终端机",
      { op: null, value: "25", unit: "台", kind: "count" },
    ],
    // §5.4 prefix text + operator
    ["每月≤32人", "每月", "", { op: "≤", opText: "≤", value: "32", unit: "人" }],
    ["受惠群众每月≥1500人", "受惠群众每月", "", { op: "≥", value: "1500", unit: "人", kind: "count" }],
    // §5.4 ASCII <, full-width parens
    ["<250天（工作日）", "", "(工作日)", { op: "<", opText: "<", value: "250", unit: "天", kind: "time" }],
    // §5.4 duration "within"
    ["30分钟内", "", "", { op: "≤", opText: "内", value: "30", unit: "分钟", base: "分钟", kind: "time" }],
    [
      "半小时内",
      "",
      "",
      { op: "≤", opText: "内", value: "30", written: "30", magnitude: null, unit: "分钟", kind: "time" },
    ],
    // §5.4 sentence with amount
    [
      "该两人全年经费合计160077.00元。",
      "该两人全年经费合计",
      "。",
      { op: null, value: "160077", written: "160077.00", decimals: 2, ...yuan },
    ],
    // template.md "Amounts": thousands separators, full-width digits
    ["1,672.54", "", "", { op: null, value: "1672.54", written: "1672.54", decimals: 2, unit: null }],
    ["4,832,039.00", "", "", { value: "4832039", written: "4832039.00", decimals: 2, unit: null }],
    ["4,832,039.00元", "", "", { value: "4832039", written: "4832039.00", ...yuan }],
    ["１，６７２．５４元", "", "", { op: null, value: "1672.54", written: "1672.54", decimals: 2, ...yuan }],
    ["≥９５％", "", "", { op: "≥", value: "95", written: "95", ...pct }],
    // operator spellings
    [">=95%", "", "", { op: "≥", opText: "≥", value: "95", ...pct }],
    ["<=10%", "", "", { op: "≤", opText: "≤", value: "10", ...pct }],
    ["＞＝95%", "", "", { op: "≥", opText: "≥", value: "95", ...pct }],
    ["≧95%", "", "", { op: "≥", value: "95", ...pct }],
    ["＜250天", "", "", { op: "<", value: "250", unit: "天" }],
    ["=100%", "", "", { op: "=", opText: "=", value: "100", ...pct }],
    ["＝100%", "", "", { op: "=", value: "100", ...pct }],
    ["95%以上", "", "", { op: "≥", opText: "以上", value: "95", ...pct }],
    ["95%及以上", "", "", { op: "≥", opText: "及以上", value: "95", ...pct }],
    ["10人以下", "", "", { op: "≤", opText: "以下", value: "10", unit: "人" }],
    ["10人及以下", "", "", { op: "≤", opText: "及以下", value: "10", unit: "人" }],
    ["3天以内", "", "", { op: "≤", opText: "以内", value: "3", unit: "天" }],
    ["5个工作日之内", "", "", { op: "≤", opText: "之内", value: "5", unit: "个工作日", kind: "time" }],
    ["5个工作日内办结", "", "办结", { op: "≤", opText: "内", value: "5", unit: "个工作日" }],
    ["不低于90%", "", "", { op: "≥", opText: "不低于", value: "90", ...pct }],
    ["不少于3次", "", "", { op: "≥", opText: "不少于", value: "3", unit: "次", kind: "count" }],
    ["至少3次", "", "", { op: "≥", opText: "至少", value: "3", unit: "次" }],
    ["大于等于95%", "", "", { op: "≥", opText: "大于等于", value: "95", ...pct }],
    ["达到95%", "", "", { op: "≥", opText: "达到", value: "95", ...pct }],
    ["不超过60万元", "", "", { op: "≤", opText: "不超过", value: "600000", magnitude: "万", ...yuan }],
    ["不高于5%", "", "", { op: "≤", opText: "不高于", value: "5", ...pct }],
    ["不多于2次", "", "", { op: "≤", opText: "不多于", value: "2", unit: "次" }],
    ["小于等于10%", "", "", { op: "≤", opText: "小于等于", value: "10", ...pct }],
    ["控制在5%", "", "", { op: "≤", opText: "控制在", value: "5", ...pct }],
    ["大于5人", "", "", { op: ">", opText: "大于", value: "5", unit: "人" }],
    ["高于90%", "", "", { op: ">", opText: "高于", value: "90", ...pct }],
    ["超过5人", "", "", { op: ">", opText: "超过", value: "5", unit: "人" }],
    ["多于5人", "", "", { op: ">", opText: "多于", value: "5", unit: "人" }],
    ["小于1%", "", "", { op: "<", opText: "小于", value: "1", ...pct }],
    ["低于1%", "", "", { op: "<", opText: "低于", value: "1", ...pct }],
    ["少于3次", "", "", { op: "<", opText: "少于", value: "3", unit: "次" }],
    // both written: the symbol (or the leading word) is kept; an agreeing trailing word is consumed
    ["≥95%以上", "", "", { op: "≥", opText: "≥", value: "95", ...pct }],
    ["控制在60万元以内", "", "", { op: "≤", opText: "控制在", value: "600000", ...yuan }],
    ["≥95%以下", "", "以下", { op: "≥", opText: "≥", value: "95", ...pct }],
    // spaces
    ["≤ 60 万元", "", "", { op: "≤", value: "600000", written: "60", magnitude: "万", ...yuan }],
    ["≥ 95 %", "", "", { op: "≥", value: "95", ...pct }],
    ["　≥95%　", "", "", { op: "≥", value: "95", ...pct }],
    // magnitudes
    ["1.2亿元", "", "", { value: "120000000", written: "1.2", magnitude: "亿", ...yuan }],
    ["5千人", "", "", { value: "5000", magnitude: "千", unit: "人" }],
    ["5千米", "", "", { value: "5", magnitude: null, unit: "千米", kind: "measure" }],
    ["3万人次", "", "", { value: "30000", magnitude: "万", unit: "人次", kind: "count" }],
    ["2万元/人", "", "", { value: "20000", magnitude: "万", unit: "元/人", per: ["人"], kind: "money" }],
    // other units
    ["≥2次/年", "", "", { op: "≥", value: "2", unit: "次/年", base: "次", per: ["年"], kind: "count" }],
    ["5‰", "", "", { value: "5", unit: "‰", kind: "percent" }],
    ["100平方米", "", "", { value: "100", unit: "平方米", kind: "measure" }],
    ["100㎡", "", "", { value: "100", unit: "m2", kind: "measure" }],
    ["100GB", "", "", { value: "100", unit: "GB", kind: "measure" }],
    ["≥100Mbps", "", "", { op: "≥", value: "100", unit: "Mbps", kind: "measure" }],
    ["3个月", "", "", { value: "3", unit: "个月", base: "个月", kind: "time" }],
    ["≥90分", "", "", { op: "≥", value: "90", unit: "分", kind: "other" }],
    ["≥95", "", "", { op: "≥", value: "95", unit: null, magnitude: null }],
    // Chinese time words
    ["一小时内", "", "", { op: "≤", opText: "内", value: "1", unit: "小时", kind: "time" }],
    ["半天内办结", "", "办结", { op: "≤", value: "0.5", written: "0.5", decimals: 1, unit: "天" }],
    ["一天", "", "", { op: null, value: "1", unit: "天" }],
    // prefix text that is not an operator
    ["提高至95%", "提高至", "", { op: null, value: "95", ...pct }],
    ["2026年完成率≥95%", "2026年完成率", "", { op: "≥", value: "95", ...pct }],
    // HTML residue
    ["<p>≥95%</p>", "", "", { op: "≥", value: "95", ...pct }],
    ["<p>300元/人/月</p><br/>", "", "", { value: "300", unit: "元/人/月" }],
  ];

  it.each(cases)("%s", (input, prefix, suffix, q) => {
    const v = asKind(parseIndicatorValue(input), "quantity");
    expect(v.raw).toBe(input);
    expect(v.prefix).toBe(prefix);
    expect(v.suffix).toBe(suffix);
    checkQuantity(v.quantity, q);
  });
});

describe("parseIndicatorValue: unit spellings", () => {
  // Every spelling of "per person per month" gives the same unit.
  it.each(["300元/人/月", "300元/人·月", "300元/人.月", "300元/(人·月)", "300元/人・月", "300元/(人/月)"])(
    "%s",
    (input) => {
      const v = asKind(parseIndicatorValue(input), "quantity");
      checkQuantity(v.quantity, {
        value: "300",
        unit: "元/人/月",
        base: "元",
        per: ["人", "月"],
        kind: "money",
      });
      expect(v.suffix).toBe("");
    },
  );

  it("leaves a slash that is not followed by a unit in the suffix", () => {
    const v = asKind(parseIndicatorValue("300元/餐厅"), "quantity");
    expect(v.quantity.unit?.text).toBe("元/餐");
    expect(v.suffix).toBe("厅");
    const w = asKind(parseIndicatorValue("300元/xyz"), "quantity");
    expect(w.quantity.unit?.text).toBe("元");
    expect(w.suffix).toBe("/xyz");
  });
});

describe("parseIndicatorValue: ranges", () => {
  // [input, prefix, suffix, low, high]
  const cases: [string, string, string, Q, Q][] = [
    [
      "81140-165696元/年/人",
      "",
      "",
      { op: null, value: "81140", unit: "元/年/人", base: "元", per: ["年", "人"], kind: "money" },
      { op: null, value: "165696", unit: "元/年/人", per: ["年", "人"], kind: "money" },
    ],
    ["80%-90%", "", "", { value: "80", ...pct }, { value: "90", ...pct }],
    ["80-90%", "", "", { value: "80", ...pct }, { value: "90", ...pct }],
    ["80～90%", "", "", { value: "80", ...pct }, { value: "90", ...pct }],
    ["80~90", "", "", { value: "80", unit: null }, { value: "90", unit: null }],
    ["80至90%", "", "", { value: "80", ...pct }, { value: "90", ...pct }],
    ["80 - 90 %", "", "", { value: "80", ...pct }, { value: "90", ...pct }],
    ["5到10人", "", "", { value: "5", unit: "人" }, { value: "10", unit: "人" }],
    [
      "8-10万元",
      "",
      "",
      { value: "80000", written: "8", magnitude: "万", ...yuan },
      { value: "100000", written: "10", magnitude: "万", ...yuan },
    ],
    ["满意度80%-90%左右", "满意度", "左右", { value: "80", ...pct }, { value: "90", ...pct }],
  ];

  it.each(cases)("%s", (input, prefix, suffix, low, high) => {
    const v = asKind(parseIndicatorValue(input), "range");
    expect(v.raw).toBe(input);
    expect(v.prefix).toBe(prefix);
    expect(v.suffix).toBe(suffix);
    checkQuantity(v.low, low);
    checkQuantity(v.high, high);
  });

  it("does not join numbers with different units into a range", () => {
    const v = asKind(parseIndicatorValue("5人-3天"), "compound");
    expect(v.parts.map((p) => p.unit?.text)).toEqual(["人", "天"]);
  });
});

describe("parseIndicatorValue: compound values", () => {
  const cases: [string, Q[]][] = [
    [
      "组长400元/人/月，副组长200元/人/月",
      [
        { op: null, value: "400", unit: "元/人/月", per: ["人", "月"], kind: "money" },
        { op: null, value: "200", unit: "元/人/月", per: ["人", "月"], kind: "money" },
      ],
    ],
    [
      "每月正队长5名、副队长5名",
      [
        { op: null, value: "5", unit: "名", kind: "count" },
        { op: null, value: "5", unit: "名", kind: "count" },
      ],
    ],
    [
      "≥95%;≤100%",
      [
        { op: "≥", value: "95", ...pct },
        { op: "≤", value: "100", ...pct },
      ],
    ],
    [
      "A类5人,B类不少于3人",
      [
        { op: null, value: "5", unit: "人" },
        { op: "≥", opText: "不少于", value: "3", unit: "人" },
      ],
    ],
    [
      "10-20人；≥5次",
      [
        { value: "10", unit: "人" },
        { value: "20", unit: "人" },
        { op: "≥", value: "5", unit: "次" },
      ],
    ],
  ];

  it.each(cases)("%s", (input, parts) => {
    const v = asKind(parseIndicatorValue(input), "compound");
    expect(v.raw).toBe(input);
    expect(v.parts).toHaveLength(parts.length);
    parts.forEach((p, i) => checkQuantity(v.parts[i], p));
  });
});

describe("parseIndicatorValue: deadlines", () => {
  const cases: [string, number | null][] = [
    ["1月份完成25台设备的安装和调试", 1],
    ["12月底前完成", 12],
    ["6月30日前", 6],
    ["6月前完成", 6],
    ["年底前完成", 12],
    ["年内完成", null],
    ["2026年12月31日前", 12],
    ["2026年12月31日", 12],
    ["2026年底前完成", 12],
    ["截至9月", 9],
    ["１２月底前完成", 12],
  ];

  it.each(cases)("%s", (input, month) => {
    const v = asKind(parseIndicatorValue(input), "deadline");
    expect(v.raw).toBe(input);
    expect(v.month).toBe(month);
    expect(v.text).toBe(input.normalize("NFKC"));
  });

  it("reads a bare month without 前/完成 as a quantity of months", () => {
    const v = asKind(parseIndicatorValue("≥12月"), "quantity");
    checkQuantity(v.quantity, { op: "≥", value: "12", unit: "月", kind: "time" });
  });

  it("reads N年内 (a duration) as a quantity, not a deadline", () => {
    const v = asKind(parseIndicatorValue("3年内完成"), "quantity");
    checkQuantity(v.quantity, { op: "≤", opText: "内", value: "3", unit: "年", kind: "time" });
    expect(v.suffix).toBe("完成");
  });
});

describe("parseIndicatorValue: qualitative values", () => {
  it.each([
    // template.md
    "有效提升",
    "有效保障",
    "提高至良好水平",
    "良好",
    "及时",
    "达到省、市工作要求",
    // §5.4
    "有效提高",
    "有效提稿",
    "有效降低",
    "有效推进网络基础设施建设",
    "做好食材验收和报销凭证合规",
    "费用每月一结",
    "信息化服务水平",
    // the closed lists of rating words
    "达成",
    "较好",
    "优",
    // a year label alone
    "2026年",
  ])("%s", (input) => {
    const v = asKind(parseIndicatorValue(input), "qualitative");
    expect(v.raw).toBe(input);
    expect(v.text).toBe(input);
    expect(quantitiesOf(v)).toEqual([]);
  });

  it("returns the normalised text", () => {
    const v = asKind(parseIndicatorValue("  有效  提升 "), "qualitative");
    expect(v.text).toBe("有效 提升");
    expect(v.raw).toBe("  有效  提升 ");
    const w = asKind(parseIndicatorValue("<p>良好</p>"), "qualitative");
    expect(w.text).toBe("良好");
  });
});

describe("parseIndicatorValue: blank cells", () => {
  it.each([
    [null, ""],
    [undefined, ""],
    ["", ""],
    ["   ", "   "],
    ["\u3000", "\u3000"],
    ["\u200b", "\u200b"],
    ["<p></p>", "<p></p>"],
  ])("%j", (input, raw) => {
    const v = parseIndicatorValue(input);
    expect(v).toEqual({ kind: "blank", raw });
    expect(quantitiesOf(v)).toEqual([]);
  });
});

describe("quantitiesOf", () => {
  it("returns the quantity of a single value", () => {
    const qs = quantitiesOf(parseIndicatorValue("≥95%"));
    expect(qs).toHaveLength(1);
    expect(qs[0].value.toString()).toBe("95");
  });

  it("returns low and high of a range", () => {
    const qs = quantitiesOf(parseIndicatorValue("80%-90%"));
    expect(qs.map((q) => q.value.toString())).toEqual(["80", "90"]);
  });

  it("returns the parts of a compound value", () => {
    const qs = quantitiesOf(parseIndicatorValue("组长400元/人/月，副组长200元/人/月"));
    expect(qs.map((q) => q.value.toString())).toEqual(["400", "200"]);
  });

  it("returns nothing for deadlines", () => {
    expect(quantitiesOf(parseIndicatorValue("12月底前完成"))).toEqual([]);
  });
});
