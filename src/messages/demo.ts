/**
 * The web checker's own words (src/demo), zh-CN first: its page, its downloads, and one message of ours
 * naming the file for a file it could not open or build a download from — never a raw JSZip / exceljs
 * error in English. `error` is keyed by XlsxReadError's code (plus download, fetch).
 */
export const demo = {
  title: { zh: "绩效目标表检查 · 网页版", en: "Form checker" },
  open: { zh: "打开 .xlsx…（或把文件拖到此处）", en: "Open .xlsx… (or drop a file here)" },
  workbook: { zh: "工作簿", en: "Workbook" },
  welcome: {
    zh: "打开或把 .xlsx 工作簿拖到左侧，即可检查其中的绩效目标表。文件只在本机浏览器中读取，不会上传。",
    en: "Open an .xlsx workbook, or drop it on the left, to check its performance-target forms. The file is read in this browser only; nothing is uploaded.",
  },
  annotated: { zh: "下载标注副本", en: "Download annotated copy" },
  annotatedTitle: {
    zh: "打开时的工作簿，问题单元格标红/标黄并加批注，另附「检查结果」工作表",
    en: "The workbook as opened, flagged cells filled and noted, with a results sheet",
  },
  report: { zh: "下载检查报告（CSV）", en: "Download report (CSV)" },
  /** The downloads' file names: the opened file's name without .xlsx, then this. */
  annotatedName: { zh: "{stem}-检查结果.xlsx", en: "{stem}-checked.xlsx" },
  reportName: { zh: "{stem}-检查报告.csv", en: "{stem}-report.csv" },
  error: {
    "not-found": { zh: "找不到文件「{file}」。", en: "The file “{file}” was not found." },
    "legacy-xls": {
      zh: "无法打开「{file}」：这是旧版 .xls 工作簿。请在 Excel 中另存为 .xlsx 后再打开。",
      en: "“{file}” cannot be opened: it is a legacy .xls workbook. Save it as .xlsx in Excel and open it again.",
    },
    encrypted: {
      zh: "无法打开「{file}」：工作簿设有打开密码。请在 Excel 中另存为不加密的 .xlsx 后再打开。",
      en: "“{file}” cannot be opened: the workbook has a password. Save it as .xlsx without a password and open it again.",
    },
    "not-xlsx": {
      zh: "无法打开「{file}」：这不是 .xlsx 工作簿。",
      en: "“{file}” cannot be opened: it is not an .xlsx workbook.",
    },
    empty: {
      zh: "无法打开「{file}」：文件是空的，或工作簿中没有工作表。",
      en: "“{file}” cannot be opened: the file is empty or the workbook has no worksheets.",
    },
    unreadable: {
      zh: "无法打开「{file}」：文件已损坏或格式不受支持。请在 Excel 中打开并重新保存为 .xlsx 后再试。",
      en: "“{file}” cannot be opened: the file is damaged or in an unsupported format. Open it in Excel, save it as .xlsx again and retry.",
    },
    download: {
      zh: "无法为「{file}」生成下载文件。请重新打开该文件后再试。",
      en: "The download for “{file}” could not be made. Open the file again and retry.",
    },
    fetch: { zh: "无法载入示例工作簿「{file}」。", en: "The example workbook “{file}” could not be loaded." },
  },
} as const;
