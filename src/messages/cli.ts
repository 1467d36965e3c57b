/** The command line's own words, zh-CN first. Rule messages live with their rules. */
export const cli = {
  summary: {
    zh: "共检查 {files} 个文件、{forms} 张表：错误 {errors} 个，警告 {warnings} 个，提示 {infos} 个。",
    en: "Checked {files} file(s), {forms} form(s): {errors} error(s), {warnings} warning(s), {infos} info.",
  },
  annotateOne: {
    zh: "--annotate 只能用于单个文件。",
    en: "--annotate takes exactly one input file.",
  },
  annotated: { zh: "已写出标注副本：{file}", en: "Annotated copy written: {file}" },
  annotateFailed: {
    zh: "无法写出标注副本 {file}：{reason}",
    en: "Could not write the annotated copy {file}: {reason}",
  },
  noFiles: { zh: "请指定要检查的 .xlsx 文件。", en: "Name the .xlsx files to check." },
  badFormat: {
    zh: "未知的输出格式：{value}（可选 text、json、sarif）",
    en: "Unknown format: {value} (text, json, sarif)",
  },
  badLang: { zh: "未知的语言：{value}（可选 zh、en）", en: "Unknown language: {value} (zh, en)" },
  newWritten: {
    zh: "已写出 {file}：{year} 年度绩效目标表模板，部门整体预算绩效目标申报表 1 张，项目绩效目标表 {projects} 张。",
    en: "Wrote {file}: the {year} performance-target template, 1 department form and {projects} project form(s).",
  },
  newWrittenTemplate: {
    zh: "已写出 {file}：{year} 年度空白表，模板「{name}」（{id}），{count} 张。",
    en: "Wrote {file}: {count} blank {year} form(s) of the template {name} ({id}).",
  },
  newDeptTemplate: {
    zh: "部门名称、主管部门、实施单位（表中有的）已填为「{dept}」。",
    en: "部门名称, 主管部门 and the implementing unit (where the form has them) are prefilled with {dept}.",
  },
  newUnknownTemplate: {
    zh: "未知的模板：{id}。可用的模板（--template）：\n{list}",
    en: "Unknown template: {id}. The templates (--template):\n{list}",
  },
  newNotTarget: {
    zh: "模板 {id}（{name}）不是绩效目标表，不能写出空白表。可用的模板：\n{list}",
    en: "The template {id} ({name}) is not a target form; no blank form is written. The templates:\n{list}",
  },
  /** The built-in workbook template's name in the list of `new --template`. */
  newDefaultTemplate: {
    zh: "东莞 2026 部门整体 + 项目绩效目标表（默认）",
    en: "Dongguan 2026 department + project forms (default)",
  },
  newTemplatesHelp: { zh: "模板（--template ID）：", en: "Templates (--template ID):" },
  newTemplateKind: {
    workbook: { zh: "部门+项目", en: "dept+projects" },
    project: { zh: "项目", en: "project" },
    department: { zh: "部门整体", en: "department" },
  },
  newSheets: { zh: "工作表：{sheets}", en: "Sheets: {sheets}" },
  newDept: {
    zh: "部门名称、主管部门、用款单位已填为「{dept}」。",
    en: "部门名称, 主管部门 and 用款单位 are prefilled with {dept}.",
  },
  newNoDept: {
    zh: "未指定部门：请在表中填写部门名称、主管部门和用款单位（或使用 --dept）。",
    en: "No department given: fill in 部门名称, 主管部门 and 用款单位 (or use --dept).",
  },
  newExists: {
    zh: "文件已存在：{file}。如需覆盖，请加 --force。",
    en: "{file} already exists; add --force to overwrite it.",
  },
  newBadYear: {
    zh: "--year 无效：{value}（应为 {min}–{max} 之间的年份）",
    en: "Bad --year: {value} (a year from {min} to {max})",
  },
  newBadProjects: {
    zh: "--projects 无效：{value}（应为 {min}–{max} 之间的整数）",
    en: "Bad --projects: {value} (a whole number from {min} to {max})",
  },
  newBadOut: {
    zh: "输出文件名应以 .xlsx 结尾：{file}",
    en: "The output file name must end in .xlsx: {file}",
  },
  newFailed: { zh: "无法写出 {file}：{reason}", en: "Could not write {file}: {reason}" },
  newReason: {
    noDir: { zh: "目录不存在", en: "the directory does not exist" },
    denied: { zh: "没有写入权限", en: "permission denied" },
    isDir: { zh: "这是一个目录", en: "it is a directory" },
    other: { zh: "写入失败（{code}）", en: "write failed ({code})" },
  },
  // Batch checking: inputs, workers, progress, combined reports.
  noMatch: {
    zh: "没有与「{pattern}」匹配的 .xlsx 文件。",
    en: "No .xlsx file matches {pattern}.",
  },
  emptyFolder: {
    zh: "文件夹「{dir}」中没有 .xlsx 文件。",
    en: "The folder {dir} contains no .xlsx file.",
  },
  folderUnreadable: {
    zh: "无法读取文件夹 {dir}：{reason}",
    en: "Could not read the folder {dir}: {reason}",
  },
  folderReason: {
    denied: { zh: "没有读取权限", en: "permission denied" },
    other: { zh: "读取失败（{code}）", en: "read failed ({code})" },
  },
  badJobs: {
    zh: "--jobs 无效：{value}（应为正整数）",
    en: "Bad --jobs: {value} (a whole number of at least 1)",
  },
  workerCrashed: {
    zh: "检查 {file} 时工作线程意外终止：{reason}",
    en: "The worker checking {file} stopped unexpectedly: {reason}",
  },
  workerExitCode: { zh: "退出码 {code}", en: "exit code {code}" },
  progress: { zh: "已检查 {done}/{total} 个文件…", en: "Checked {done}/{total} files…" },
  reportWritten: { zh: "已写出报告：{file}", en: "Report written: {file}" },
  reportFailed: { zh: "无法写出报告 {file}：{reason}", en: "Could not write the report {file}: {reason}" },
  fileCounts: {
    zh: "{status}：{forms} 张表，错误 {errors} 个，警告 {warnings} 个，提示 {infos} 个",
    en: "{status}: {forms} form(s), {errors} error(s), {warnings} warning(s), {infos} info",
  },
  summaryStatus: {
    zh: "文件状态：通过 {passed} 个，有错误 {errors} 个，未识别申报表 {noForm} 个，未检查 {notChecked} 个，无法读取 {unreadable} 个。",
    en: "Files: {passed} passed, {errors} with errors, {noForm} with no form recognised, {notChecked} not checked, {unreadable} unreadable.",
  },
  tooManyWarnings: {
    zh: "警告 {warnings} 个，超过 --max-warnings {max}。",
    en: "{warnings} warning(s), more than --max-warnings {max}.",
  },
  badMaxWarnings: {
    zh: "--max-warnings 无效：{value}（应为非负整数）",
    en: "Bad --max-warnings: {value} (a whole number of at least 0)",
  },
  /** Why a file was not checked or could not be read, by reason code (the JSON's error.code). */
  fileError: {
    "legacy-format": {
      zh: "{file}：旧版格式（{ext}），未检查。请在 Excel 或 WPS 中另存为 .xlsx 后再检查。",
      en: "{file}: legacy format ({ext}), not checked. Save it as .xlsx in Excel or WPS and check it again.",
    },
    "legacy-xls": {
      zh: "{file}：旧版 .xls 格式，未检查。请在 Excel 或 WPS 中另存为 .xlsx 后再检查。",
      en: "{file}: legacy .xls workbook, not checked. Save it as .xlsx in Excel or WPS and check it again.",
    },
    csv: {
      zh: "{file}：CSV 文件不是申报表工作簿，未检查。请使用申报表模板（.xlsx）填报。",
      en: "{file}: a CSV file is not a form workbook, not checked. Use the form template (.xlsx).",
    },
    "unsupported-format": {
      zh: "{file}：不支持的格式（{ext}），未检查。请另存为 .xlsx 后再检查。",
      en: "{file}: unsupported format ({ext}), not checked. Save it as .xlsx and check it again.",
    },
    internal: {
      zh: "检查 {file} 时出现内部错误：{reason}",
      en: "Internal error while checking {file}: {reason}",
    },
  },
  /** Help and option errors (commander's own words, replaced). */
  help: {
    "Usage:": { zh: "用法：", en: "Usage:" },
    "Options:": { zh: "选项：", en: "Options:" },
    "Arguments:": { zh: "参数：", en: "Arguments:" },
    "Commands:": { zh: "命令：", en: "Commands:" },
    "Global Options:": { zh: "全局选项：", en: "Global Options:" },
    choices: { zh: "可选：{list}", en: "choices: {list}" },
    default: { zh: "默认：{value}", en: "default: {value}" },
    helpOption: { zh: "显示帮助", en: "display help" },
    versionOption: { zh: "显示版本号", en: "output the version number" },
    description: {
      zh: "绩效目标表检查：按模板和规则目录检查绩效目标申报表工作簿",
      en: "Performance target form checker: checks declaration workbooks against the template and the rule catalogue",
    },
  },
  optionError: {
    unknownOption: { zh: "未知选项：{name}", en: "Unknown option: {name}" },
    missingArgument: { zh: "选项 {name} 缺少取值。", en: "The option {name} needs a value." },
    invalidArgument: { zh: "{name} 的取值无效：{detail}", en: "Invalid value for {name}: {detail}" },
    excessArguments: { zh: "参数过多：{detail}", en: "Too many arguments: {detail}" },
    other: { zh: "命令行有误：{detail}", en: "Bad command line: {detail}" },
    hint: { zh: "（用 --help 查看用法）", en: "(see --help)" },
    /** A refused value and the choices (commander's words, replaced). */
    valueChoices: { zh: "{value}（{choices}）", en: "{value}（{choices}）" },
    /** An option error followed by the hint. */
    withHint: { zh: "{text} {hint}", en: "{text} {hint}" },
  },
  rulesHeader: {
    zh: "规则|类别|默认级别|说明|帮助文档",
    en: "Rule|Category|Severity|Description|Help",
  },
  outputIsInput: {
    zh: "拒绝写出 {file}：它就是被检查的文件 {input}（输入文件绝不会被改写）。",
    en: "Refusing to write {file}: it is the input {input} (an input is never written).",
  },
  outputExists: {
    zh: "文件已存在：{file}，未覆盖。如需覆盖，请加 --force。",
    en: "{file} already exists and was kept; add --force to overwrite it.",
  },
  annotateDirInside: {
    zh: "--annotate-dir {dir} 位于被检查的文件夹 {root} 之内：请选择其他文件夹。",
    en: "--annotate-dir {dir} lies inside the checked folder {root}: choose another folder.",
  },
  annotateBoth: {
    zh: "--annotate 与 --annotate-dir 只能二选一。",
    en: "Use either --annotate or --annotate-dir, not both.",
  },
  annotateClash: {
    zh: "{file} 的标注副本与另一文件的副本同名（{out}），未写出。",
    en: "The annotated copy of {file} would have the same name as another one ({out}); not written.",
  },
  annotateSkipped: {
    zh: "{file} 未写出标注副本：{status}。",
    en: "No annotated copy of {file}: {status}.",
  },
  baselineFailed: {
    zh: "无法读取基线 {file}：{reason}",
    en: "Could not read the baseline {file}: {reason}",
  },
  baselineNote: {
    zh: "与基线 {file} 相比：新问题 {new} 个，未变 {unchanged} 个（未显示）。",
    en: "Against the baseline {file}: {new} new finding(s), {unchanged} unchanged (not shown).",
  },
  detailLine: { zh: "详情：{detail}", en: "Details: {detail}" },
  /** A finding's related cells in the text output, each named by its label, the address after it. */
  relatedLine: { zh: "相关单元格：{cells}", en: "Related cells: {cells}" },
  relatedCell: { zh: "{label}（{cell}）", en: "{label} ({cell})" },
  relatedSep: { zh: "、", en: "; " },
  /** `--fix OUT.xlsx` (src/cli/fix.ts). */
  fix: {
    option: {
      zh: "写出修正副本：对（单个）输入应用全部安全修正（不改动原文件）",
      en: "write a fixed copy of the (single) input with every safe fix applied (the input is never written)",
    },
    one: { zh: "--fix 只能用于单个文件。", en: "--fix takes exactly one input file." },
    written: {
      zh: "已写出修正副本：{out}（{file}：{fixes} 处安全修正，{cells} 个单元格）",
      en: "Fixed copy written: {out} ({file}: {fixes} safe fixes, {cells} cells)",
    },
    none: {
      zh: "{file} 没有可安全修正的问题，未写出 {out}。",
      en: "{file} has nothing to fix safely; {out} not written.",
    },
    cell: {
      zh: "  {sheet}!{cell}  {before} → {after}  ({rules})",
      en: "  {sheet}!{cell}  {before} → {after}  ({rules})",
    },
    skipped: {
      zh: "{file} 未写出修正副本：{status}。",
      en: "No fixed copy of {file}: {status}.",
    },
    failed: { zh: "无法写出修正副本 {out}：{reason}", en: "Could not write the fixed copy {out}: {reason}" },
    mismatch: {
      zh: "单元格 {sheet}!{cell} 的内容与检查时不同",
      en: "the cell {sheet}!{cell} differs from what was checked",
    },
    suggestionsOption: {
      zh: "与 --fix 同用：另应用每个问题的第一条建议修正（每个单元格只改一次）",
      en: "with --fix: also apply each finding's first suggestion (each cell is changed once at most)",
    },
    suggestionsNeedFix: {
      zh: "--fix-suggestions 须与 --fix 同用。",
      en: "--fix-suggestions needs --fix OUT.xlsx.",
    },
    writtenSuggestions: {
      zh: "已写出修正副本：{out}（{file}：{fixes} 处安全修正，{suggestions} 处建议修正，{cells} 个单元格）",
      en: "Fixed copy written: {out} ({file}: {fixes} safe fix(es), {suggestions} suggestion(s), {cells} cell(s))",
    },
    skippedSuggestion: {
      zh: "  未应用 {sheet}!{cell} 的建议「{fix}」（{rule}）：该单元格已由「{by}」修正",
      en: "  Suggestion not applied at {sheet}!{cell}: '{fix}' ({rule}); the cell is already changed by {by}",
    },
  },
  /** The options' and commands' descriptions in --help (each flag's own words). */
  option: {
    usage: { zh: "[选项] 文件|文件夹|通配符...", en: "[options] FILE|FOLDER|GLOB..." },
    files: {
      zh: ".xlsx 文件、文件夹（递归查找）或通配符（加引号：'dir/**/*.xlsx'）",
      en: ".xlsx files, folders (searched recursively) or globs (quoted: 'dir/**/*.xlsx')",
    },
    format: { zh: "输出格式", en: "output format" },
    output: {
      zh: "把 --format 的输出写入文件（而不是标准输出）",
      en: "write the --format output to this file instead of stdout",
    },
    sarif: { zh: "另写一份 SARIF 报告", en: "also write a SARIF report" },
    csv: {
      zh: "另写一份 CSV 汇总，每个文件一行（UTF-8 带 BOM，供 Excel 打开）",
      en: "also write a CSV summary, one row per file (UTF-8 with BOM, for Excel)",
    },
    annotate: {
      zh: "为（单个）输入写出标注副本",
      en: "write an annotated copy of the (single) input",
    },
    annotateDir: {
      zh: "为每个输入写出标注副本，按原文件夹结构放入此文件夹",
      en: "write an annotated copy of every input into this folder, mirroring the folder tree",
    },
    force: {
      zh: "允许覆盖已存在的标注副本或修正副本",
      en: "overwrite existing annotated or fixed copies",
    },
    maxWarnings: {
      zh: "警告超过 n 个时以 1 退出",
      en: "exit 1 when there are more than n warnings",
    },
    quiet: {
      zh: "只报告错误（不显示警告和提示）",
      en: "report errors only (no warnings, no infos)",
    },
    baseline: {
      zh: "只显示相对上次 SARIF 报告的新问题",
      en: "show only findings that are new against a previous SARIF report",
    },
    lang: {
      zh: "语言（默认按 LANG/LC_ALL）",
      en: "language (default: from LANG/LC_ALL)",
    },
    jobs: {
      zh: "并行检查的工作线程数；1 = 不用工作线程（默认 {jobs}，每 {perWorker} 个文件 1 个）",
      en: "files checked in parallel on worker threads; 1 = no worker (default: {jobs}, 1 per {perWorker} files)",
    },
    rules: {
      zh: "列出规则目录（编号、类别、级别、说明、帮助文档）",
      en: "list the rules (id, category, severity, description, help page)",
    },
    langShort: { zh: "语言", en: "language" },
    new: {
      zh: "写出空白绩效目标表模板（部门整体 + 项目绩效目标表）",
      en: "write a blank template workbook (department + project forms)",
    },
    newOut: { zh: "要写出的工作簿", en: "the workbook to write" },
    newTemplate: {
      zh: "模板编号（默认 {template}：部门整体 + 项目表；见下表）",
      en: "template id (default {template}: department + project forms; see below)",
    },
    newDept: {
      zh: "部门名称，也填入各项目的主管部门和用款单位（默认空白）",
      en: "部门名称, also 主管部门 and 用款单位 of every project (default: blank)",
    },
    newYear: {
      zh: "预算年度 {min}–{max}（默认明年）",
      en: "预算年度 {min}–{max} (default: next year)",
    },
    newProjects: {
      zh: "项目表张数，{min}–{max}",
      en: "how many project sheets, {min}–{max}",
    },
    newForce: { zh: "覆盖已存在的文件", en: "overwrite OUT.xlsx if it exists" },
  },
} as const;
