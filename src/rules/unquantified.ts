import { COLUMN_MESSAGES, reportOnce } from "./util";
import type { Indicator } from "../engine/model";
import { normalizeText } from "../engine/text";
import type { Level2 } from "../engine/vocabulary";
import { hasUnfilledNumber } from "../engine/placeholder";
import { wordsSetting } from "./options";
import { defineRule } from "./types";

type MessageId = "quantity" | "quality" | "time" | "cost" | "satisfaction" | "benefit";

const COST_LEVEL2: ReadonlySet<Level2> = new Set<Level2>([
  "经济成本指标",
  "社会成本指标",
  "生态环境成本指标",
  "成本指标",
]);

/**
 * Which kind of number an indicator's section expects, or null where a qualitative value is normal. The
 * 二级 decides when the reader placed it; a 二级 under the wrong 一级 is level2-parent's finding.
 */
function expected(ind: Indicator): MessageId | null {
  switch (ind.level2) {
    case null:
      break;
    case "服务对象满意度指标":
      return "satisfaction";
    case "数量指标":
      return "quantity";
    case "质量指标":
      return "quality";
    case "时效指标":
      return "time";
    default:
      return COST_LEVEL2.has(ind.level2) ? "cost" : null; // 效益: qualitative values are normal there
  }
  if (ind.level1 === "满意度指标") return "satisfaction";
  if (ind.level1 === "成本指标") return "cost";
  return null; // an 产出 or 效益 row whose 二级 the reader could not place
}

/**
 * 财预〔2020〕10号 asks for indicators that are 细化、量化. Output, cost and satisfaction indicators can
 * always be measured, so a value such as `及时`, `良好` or `有效提高` there is what reviewers send back
 * (seed: `及时` line 210, `良好` line 139). 效益 indicators are often qualitative by nature and are left
 * alone. A deadline (`1月份完成…`) is a measurable 时效 value and passes. A warning: 定性 is allowed
 * where quantification is truly impossible, with a grading basis.
 */
export default defineRule({
  meta: {
    id: "unquantified",
    category: "indicators",
    severity: "warning",
    description: {
      zh: "数量、质量、时效、成本和满意度指标应量化，不宜只写定性描述（如「及时」「良好」「有效提高」）。",
      en: "Quantity, quality, timeliness, cost and satisfaction indicators should be quantified, not qualitative ('及时', '良好', '有效提高').",
    },
    messages: {
      quantity: {
        zh: "数量指标「{name}」的{column}「{value}」是定性描述，应填写具体数量（如 ≥100人、6项）。",
        en: "The 数量指标 {name} has as its {column} the qualitative value '{value}'; state a number (e.g. ≥100人, 6项).",
      },
      quality: {
        zh: "质量指标「{name}」的{column}「{value}」是定性描述，应量化（如 合格率 100%、≥95%）。",
        en: "The 质量指标 {name} has as its {column} the qualitative value '{value}'; quantify it (e.g. a pass rate of 100%, ≥95%).",
      },
      time: {
        zh: "时效指标「{name}」的{column}「{value}」是定性描述，应填写完成时限、时长或比率（如 12月底前完成、≤30分钟、100%）。",
        en: "The 时效指标 {name} has as its {column} the qualitative value '{value}'; give a deadline, a duration or a rate (e.g. 12月底前完成, ≤30分钟, 100%).",
      },
      cost: {
        zh: "成本指标「{name}」的{column}「{value}」是定性描述，应填写金额（如 ≤60万元、≤300元/人/月）。",
        en: "The cost indicator {name} has as its {column} the qualitative value '{value}'; state an amount (e.g. ≤60万元, ≤300元/人/月).",
      },
      satisfaction: {
        zh: "满意度指标「{name}」的{column}「{value}」是定性描述，应填写比率（如 ≥90%）。",
        en: "The satisfaction indicator {name} has as its {column} the qualitative value '{value}'; state a rate (e.g. ≥90%).",
      },
      benefit: {
        zh: "效益指标「{name}」的{column}「{value}」只有「{word}」这类模糊表述，宜量化（如 提高至 95%、减少 10%）或写明评判标准。",
        en: "The benefit indicator {name} has as its {column} only a vague value '{value}' ('{word}'); quantify it (e.g. 提高至 95%, 减少 10%) or state how it is judged.",
      },
      ...COLUMN_MESSAGES,
    },
    options: {
      vagueWords: {
        type: "words",
        default: [],
        description: {
          zh: "模糊表述词（如「有效提高」「明显改善」）：效益指标的定性指标值含其中之一时也提示量化。默认为空：效益指标可以定性。",
          en: "Vague words (有效提高, 明显改善): a qualitative 效益 value containing one is reported too. Empty by default: 效益 values may be qualitative.",
        },
      },
    },
  },
  check(ctx) {
    const vague = wordsSetting(ctx, "vagueWords").map((w) => normalizeText(w));
    for (const form of ctx.model.forms) {
      for (const ind of form.indicators) {
        const messageId = expected(ind);
        if (!messageId) {
          if (vague.length > 0 && ind.level1 === "效益指标") {
            reportOnce(
              ctx,
              ind,
              (v) => {
                if (v.parsed.kind !== "qualitative") return [];
                const text = normalizeText(v.raw);
                const word = vague.find((w) => text.includes(w));
                return word ? [{ messageId: "benefit", args: { name: ind.name, value: text, word } }] : [];
              },
              "column",
            );
          }
          continue;
        }
        // `≥__人` is a number still to type in: indicator-value reports it as unfilled.
        reportOnce(
          ctx,
          ind,
          (v) =>
            v.parsed.kind === "qualitative" && !hasUnfilledNumber(v.raw)
              ? [{ messageId, args: { name: ind.name, value: normalizeText(v.raw) } }]
              : [],
          "column",
        );
      }
    }
  },
});
