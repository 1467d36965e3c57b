/**
 * The .xlsx host's words (src/hosts/xlsx), zh-CN first: why a workbook file could not be read (each
 * XlsxReadError names one of `reader.*` with the file and, for a damaged package, the part, the
 * sheet, the cell and the parser's reason, shown in both languages), and why a blank form could not
 * be written (`reader.write.*`, TemplateWriteError). Rendered at the edge (CLI, web checker) in the
 * output language; an error's `message` is the zh text, for logs.
 */
export const reader = {
  notFound: { zh: "找不到文件 {file}", en: "{file} was not found" },
  notAFile: { zh: "无法读取文件 {file}：不是文件", en: "{file} could not be read: it is not a file" },
  denied: { zh: "无法读取文件 {file}：没有读取权限", en: "{file} could not be read: permission denied" },
  /** `reason`: the system's error code (EIO, …) or its message. */
  readFailed: {
    zh: "无法读取文件 {file}：读取失败（{reason}）",
    en: "{file} could not be read: read failed ({reason})",
  },
  empty: { zh: "无法读取文件 {file}：文件是空的（0 字节）", en: "{file} is empty (0 bytes)" },
  encrypted: {
    zh: "无法读取文件 {file}：工作簿已加密（设有打开密码），请在 Excel 中另存为 .xlsx（不加密）",
    en: "{file} is an encrypted (password-protected) workbook: save it as .xlsx without a password",
  },
  legacyXls: {
    zh: "无法读取文件 {file}：旧版 .xls 或已加密的工作簿，请在 Excel 中另存为 .xlsx（不加密）",
    en: "{file} is a legacy .xls or an encrypted workbook: save it as .xlsx without a password",
  },
  notXlsx: { zh: "无法读取文件 {file}：不是有效的 .xlsx 文件", en: "{file} is not a valid .xlsx file" },
  noWorkbook: {
    zh: "无法读取文件 {file}：不是有效的 .xlsx 文件（ZIP 包中没有工作簿）",
    en: "{file} is not a valid .xlsx file (no workbook in the package)",
  },
  noWorksheets: {
    zh: "无法读取文件 {file}：工作簿中没有工作表（为空或只有图表工作表）",
    en: "{file} has no worksheets (the workbook is empty or holds only chart sheets)",
  },
  /**
   * A damaged package. `reason` is the parser's own (one line, in English: what is wrong with the
   * part), shown in both languages; `part` the package part, `sheet` the worksheet it holds, `cell`
   * the cell, where known.
   */
  damaged: {
    zh: "无法读取文件 {file}：文件已损坏或格式不受支持",
    en: "{file} could not be read: the file is damaged or in an unsupported format",
  },
  damagedReason: {
    zh: "无法读取文件 {file}：文件已损坏或格式不受支持（{reason}）",
    en: "{file} could not be read: the file is damaged or in an unsupported format ({reason})",
  },
  damagedPart: {
    zh: "无法读取文件 {file}：文件已损坏或格式不受支持（{part}: {reason}）",
    en: "{file} could not be read: the file is damaged or in an unsupported format ({part}: {reason})",
  },
  damagedSheet: {
    zh: "无法读取文件 {file}：文件已损坏或格式不受支持（工作表「{sheet}」，{part}: {reason}）",
    en: "{file} could not be read: the file is damaged or in an unsupported format (sheet “{sheet}”, {part}: {reason})",
  },
  damagedCell: {
    zh: "无法读取文件 {file}：文件已损坏或格式不受支持（工作表「{sheet}」单元格 {cell}，{part}: {reason}）",
    en: "{file} could not be read: the file is damaged or in an unsupported format (sheet “{sheet}”, cell {cell}, {part}: {reason})",
  },
  /**
   * The bracket of a damaged package's message on its own (what the reader found, where), for a page
   * that words the failure itself (the web checker: its message, then this).
   */
  where: {
    part: { zh: "{part}: {reason}", en: "{part}: {reason}" },
    sheet: { zh: "工作表「{sheet}」，{part}: {reason}", en: "sheet “{sheet}”, {part}: {reason}" },
    cell: {
      zh: "工作表「{sheet}」单元格 {cell}，{part}: {reason}",
      en: "sheet “{sheet}”, cell {cell}, {part}: {reason}",
    },
  },
  /** A message of the page's own, then the reader's `where`. */
  withDetail: { zh: "{message}（{detail}）", en: "{message} ({detail})" },
  /** A blank form that could not be written (`new`). */
  write: {
    exists: {
      zh: "文件已存在：{file}（如需覆盖请使用 --force）",
      en: "{file} already exists (use --force to overwrite)",
    },
    noDir: { zh: "无法写入文件 {file}：目录不存在", en: "{file} could not be written: no such directory" },
    denied: {
      zh: "无法写入文件 {file}：没有写入权限",
      en: "{file} could not be written: permission denied",
    },
    isDir: { zh: "无法写入文件 {file}：这是一个目录", en: "{file} could not be written: it is a directory" },
    failed: {
      zh: "无法写入文件 {file}：写入失败（{reason}）",
      en: "{file} could not be written: write failed ({reason})",
    },
    badYear: {
      zh: "年度无效：{year}（应为 {min}–{max}）",
      en: "bad year {year} ({min}–{max})",
    },
    badProjects: {
      zh: "项目数无效：{projects}（应为 {min}–{max}）",
      en: "bad project count {projects} ({min}–{max})",
    },
    noTemplate: { zh: "无法按模板 {id} 写出空白表", en: "no blank form for template {id}" },
  },
} as const;
