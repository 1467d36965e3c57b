/** The configuration's own words, zh-CN first: every validation message, as data. */
export const config = {
  // One line per problem: where (file and JSON path), then what.
  issue: { zh: "{file}：配置项 {path}：{problem}", en: "{file}: setting {path}: {problem}" },
  issueRoot: { zh: "{file}：{problem}", en: "{file}: {problem}" },
  notObject: {
    zh: "配置应为一个 JSON 对象（{ … }），而不是 {value}。",
    en: "the configuration must be a JSON object ({ … }), not {value}.",
  },
  badJson: {
    zh: "不是有效的 JSON（第 {line} 行第 {column} 列附近）：{reason}",
    en: "is not valid JSON (near line {line}, column {column}): {reason}",
  },
  badJsonNoPosition: { zh: "不是有效的 JSON：{reason}", en: "is not valid JSON: {reason}" },
  unreadable: { zh: "无法读取配置文件：{reason}", en: "the configuration file cannot be read: {reason}" },
  unknownKey: {
    zh: "未知的配置项「{key}」。可用的配置项：{known}。",
    en: "unknown setting '{key}'. Known settings: {known}.",
  },
  unknownRule: {
    zh: "未知的规则「{key}」。规则编号见 docs/config.md（如 {example}）。",
    en: "unknown rule '{key}'. Rule ids are listed in docs/config.md (e.g. {example}).",
  },
  unknownRuleNear: {
    zh: "未知的规则「{key}」，是否指「{near}」？",
    en: "unknown rule '{key}'; did you mean '{near}'?",
  },
  unknownOption: {
    zh: "规则「{rule}」没有选项「{key}」。可用的选项：{known}。",
    en: "the rule {rule} has no option '{key}'. Its options: {known}.",
  },
  noOptions: { zh: "规则「{rule}」没有可配置的选项。", en: "the rule {rule} has no options." },
  badSeverity: {
    zh: '严重性 {value} 无效：应为 "off"、"info"、"warning" 或 "error"。',
    en: 'the severity {value} is not valid: use "off", "info", "warning" or "error".',
  },
  badRuleEntry: {
    zh: '{value} 无效：应为严重性（如 "off"）或 { "severity": …, "options": { … } }。',
    en: '{value} is not valid: give a severity (e.g. "off") or { "severity": …, "options": { … } }.',
  },
  badNumber: {
    zh: "{value} 无效：应为 {min} 至 {max} 之间的数。",
    en: "{value} is not valid: give a number from {min} to {max}.",
  },
  badNumberOrNull: {
    zh: "{value} 无效：应为 {min} 至 {max} 之间的数，或 null（不检查）。",
    en: "{value} is not valid: give a number from {min} to {max}, or null (not checked).",
  },
  badInteger: {
    zh: "{value} 无效：应为 {min} 至 {max} 之间的整数。",
    en: "{value} is not valid: give a whole number from {min} to {max}.",
  },
  badWords: {
    zh: '{value} 无效：应为非空字符串的列表（如 ["有效提高", "明显改善"]）。',
    en: '{value} is not valid: give a list of non-empty strings (e.g. ["有效提高", "明显改善"]).',
  },
  badTolerance: {
    zh: '容差策略 {value} 无效：应为 "interval"（按填报精度）、"exact"（不容差）或 "absolute:N"（N 元，如 "absolute:50"）。',
    en: 'the tolerance policy {value} is not valid: use "interval" (by shown precision), "exact" (none) or "absolute:N" (N yuan, e.g. "absolute:50").',
  },
  badTemplates: {
    zh: '{value} 无效：应为模板编号的列表（如 ["{example}"]）。',
    en: '{value} is not valid: give a list of template ids (e.g. ["{example}"]).',
  },
  unknownTemplate: {
    zh: "未知的模板「{value}」。可用的模板：{known}。",
    en: "unknown template '{value}'. Known templates: {known}.",
  },
  badString: { zh: "{value} 无效：应为字符串。", en: "{value} is not valid: give a string." },
  // Command line.
  badRuleFlag: {
    zh: "--rule {value} 无效：应写作 规则编号=off|info|warning|error（如 --rule unquantified=off）。",
    en: "--rule {value} is not valid: write rule-id=off|info|warning|error (e.g. --rule unquantified=off).",
  },
  ruleFlagSource: { zh: "命令行 --rule", en: "command line --rule" },
  templateFlagSource: { zh: "命令行 --template", en: "command line --template" },
  workbookSource: { zh: "工作簿设置", en: "workbook setting" },
  configNotFound: { zh: "找不到配置文件 {file}。", en: "The configuration file {file} does not exist." },
  printConfigOne: {
    zh: "--print-config 只能用于单个文件。",
    en: "--print-config takes exactly one input file.",
  },
} as const;
