/** The task pane's 插入 tab: template rows, the standard structure and new project sheets, zh-CN first. */
export const insert = {
  tabCheck: { zh: "检查", en: "Check" },
  tabInsert: { zh: "插入", en: "Insert" },
  tabs: { zh: "功能", en: "Sections" },
  refresh: { zh: "按当前选区刷新", en: "Refresh from selection" },
  reading: { zh: "正在读取工作簿…", en: "Reading the workbook…" },
  form: { zh: "表格", en: "Form" },
  chooseForm: { zh: "选择表格", en: "Choose a form" },
  formOption: { zh: "{name}（{sheet}!{range}）", en: "{name} ({sheet}!{range})" },
  group: { zh: "一级 / 二级指标", en: "Level 1 / level 2" },
  chooseGroup: { zh: "选择二级指标", en: "Choose a level-2 group" },
  groupOption: { zh: "{level1} › {level2}", en: "{level1} › {level2}" },
  groupMissing: { zh: "{label}（表中缺少此行）", en: "{label} (missing from the form)" },
  budget: { zh: "预算金额：{budget} 元", en: "Budget: {budget} yuan" },
  noBudget: {
    zh: "表中未填写预算金额，成本指标的「{预算金额}」需插入后手工填写。",
    en: "The form has no budget; fill in “{预算金额}” of cost entries after inserting.",
  },
  // 插入指标行
  rowTitle: { zh: "插入指标行", en: "Insert indicator row" },
  library: { zh: "指标库", en: "Indicator library" },
  librarySearch: { zh: "搜索指标库（名称、单位、用途）", en: "Search the library (name, unit, use)" },
  libraryEmpty: { zh: "指标库中没有匹配的指标。", en: "No library entry matches." },
  blankRow: { zh: "空白指标行", en: "Blank row" },
  blankRowHint: { zh: "插入一行空白三级指标，自行填写", en: "Insert an empty row and fill it in yourself" },
  values: { zh: "实施周期 {period} · 年度 {annual}", en: "Period {period} · Annual {annual}" },
  unit: { zh: "单位：{unit}", en: "Unit: {unit}" },
  preview: { zh: "预览", en: "Preview" },
  whereInsert: {
    zh: "在工作表「{sheet}」第 {row} 行插入新行（{cell}）",
    en: "A new row at row {row} of sheet '{sheet}' ({cell})",
  },
  whereFill: {
    zh: "写入工作表「{sheet}」第 {row} 行（该二级指标的空行，{cell}）",
    en: "Written into row {row} of sheet '{sheet}' (the group's empty row, {cell})",
  },
  whereSelect: {
    zh: "工作表「{sheet}」第 {row} 行已是空白指标行，将选中 {cell}",
    en: "Row {row} of sheet '{sheet}' is already an empty row; {cell} will be selected",
  },
  insertRow: { zh: "插入", en: "Insert" },
  inserting: { zh: "正在插入…", en: "Inserting…" },
  // 补全标准结构
  structureTitle: { zh: "补全标准结构", en: "Complete the standard structure" },
  structureHint: {
    zh: "为所选表格补上缺少的二级指标行（按标准指标体系）。",
    en: "Adds the level-2 rows the chosen form lacks (standard tree).",
  },
  structurePreview: { zh: "预览缺少的二级指标", en: "Preview the missing rows" },
  structureComplete: {
    zh: "结构已完整，没有缺少的二级指标。",
    en: "The structure is complete; nothing is missing.",
  },
  structureWhere: {
    zh: "在工作表「{sheet}」插入 {count} 行",
    en: "{count} row(s) inserted in sheet '{sheet}'",
  },
  apply: { zh: "插入", en: "Insert" },
  // 新建项目表
  sheetTitle: { zh: "新建项目表", en: "New project sheet" },
  sheetHint: {
    zh: "新增一张工作表，放入空白的项目绩效目标表。",
    en: "Adds a worksheet holding a blank project form.",
  },
  sheetPreview: { zh: "预览新工作表", en: "Preview the new sheet" },
  sheetName: { zh: "工作表名称", en: "Sheet name" },
  owner: { zh: "主管部门", en: "Supervising department" },
  user: { zh: "用款单位", en: "Spending unit" },
  year: { zh: "预算年度", en: "Budget year" },
  blank: { zh: "（空，请填写）", en: "(blank; fill it in)" },
  create: { zh: "新建", en: "Create" },
  // messages
  noForms: {
    zh: "工作簿中没有绩效目标表。可用「新建项目表」添加一张。",
    en: "This workbook has no performance-target form. Use “New project sheet” to add one.",
  },
  noSelection: {
    zh: "没有选中的单元格。请在下方选择要插入的表格。",
    en: "No cell is selected. Choose the form below.",
  },
  selectionFailed: {
    zh: "无法读取当前选中的单元格（{reason}）。请在下方选择要插入的表格。",
    en: "The selection could not be read ({reason}). Choose the form below.",
  },
  outsideForm: {
    zh: "当前选中的单元格 {cell} 不在任何绩效目标表内。请在下方选择要插入的表格。",
    en: "The selected cell {cell} is not inside a form. Choose the form below.",
  },
  noTable: {
    zh: "「{form}」没有绩效指标表（未找到「一级指标 / 二级指标 / 三级指标」表头），无法插入指标行。",
    en: "“{form}” has no indicator table (no 一级指标 / 二级指标 / 三级指标 header); rows cannot be inserted.",
  },
  noGroup: {
    zh: "「{form}」没有「{level2}」二级指标行。请先「补全标准结构」。",
    en: "“{form}” has no “{level2}” row. Complete the structure first.",
  },
  outsideGroup: {
    zh: "选中的行不在「{level2}」指标组内，将插入到该组末尾。",
    en: "The selected row is not in the “{level2}” group; the row goes to the end of the group.",
  },
  formGone: {
    zh: "表格在预览后已修改，找不到「{form}」。已重新读取，请重新选择。",
    en: "The workbook changed since the preview and “{form}” is gone. It was read again; choose again.",
  },
  // status
  rowInserted: {
    zh: "已在「{form}」的「{level2}」下插入指标「{name}」（{sheet}!{cell}）。",
    en: "Inserted “{name}” under “{level2}” of “{form}” ({sheet}!{cell}).",
  },
  blankInserted: {
    zh: "已在「{form}」的「{level2}」下插入空白指标行（{sheet}!{cell}）。",
    en: "Inserted a blank row under “{level2}” of “{form}” ({sheet}!{cell}).",
  },
  structureInserted: {
    zh: "已为「{form}」补全 {count} 个二级指标行：{names}。",
    en: "Added {count} level-2 row(s) to “{form}”: {names}.",
  },
  sheetAdded: {
    zh: "已新建工作表「{sheet}」（项目绩效目标表）。",
    en: "Added sheet '{sheet}' (project form).",
  },
  /** An insertion that was done, followed by the failed check's own status text. */
  checkAfterFailed: { zh: "{done}{check}", en: "{done} {check}" },
  readFailed: { zh: "读取工作簿未完成：{reason}", en: "Reading the workbook did not complete: {reason}" },
  insertFailed: { zh: "插入未完成：{reason}", en: "The insertion did not complete: {reason}" },
  sheetFailed: { zh: "新建工作表未完成：{reason}", en: "Adding the sheet did not complete: {reason}" },
} as const;
