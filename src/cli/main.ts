/**
 * perf-target-check [options] FILE|FOLDER|GLOB...     check submissions (see README, "The command line")
 * perf-target-check rules [--format text|json]         list the rule catalogue
 * perf-target-check new OUT.xlsx [--dept 部门名称] [--year YYYY] [--projects N] [--force]
 *
 * Options are declared once, in CHECK_OPTIONS (flags, zh/en help, choices, default): add a row
 * there and read it from `opts`. Language: --lang, else LC_ALL / LC_MESSAGES / LANG (zh or unset →
 * Chinese, anything else → English); help and option errors are in that language only.
 *
 * Exit status (EXIT below; README has the same table):
 *   0  every file was checked, no error, warnings within --max-warnings;
 *   1  errors found (or more warnings than --max-warnings), every file checked;
 *   2  a file was not checked (unreadable, a format we do not read, no form recognised), bad usage,
 *      or an output that could not or must not be written (an input, or existing without --force).
 */
import { Command, CommanderError, Help, Option } from "commander";
import { readFileSync } from "node:fs";
import { dirname, extname, join, resolve, sep } from "node:path";
import { realpathSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { CATALOGUE } from "../checker";
import { buildAnnotatedCopy } from "../hosts/xlsx/annotate";
import { annotateLabels } from "../report/labels";
import {
  DEFAULT_TEMPLATE,
  TEMPLATE_LIMITS,
  TemplateWriteError,
  writeTemplateWorkbook,
} from "../hosts/xlsx/write-template";
import { blankFormTemplates } from "../template/profile-layout";
import { PROFILES_BY_ID } from "../templates";
import type { Lang } from "../core";
import type { CheckOptions } from "../rules/types";
import { checkFiles, defaultJobs, FILES_PER_WORKER } from "./batch";
import {
  applyConfigOptions,
  KNOWN_TEMPLATE_IDS,
  registerConfigOptions,
  type ConfigFlags,
} from "./config-options";
import { formatCsv } from "../report/csv";
import { FINGERPRINT_KEY, formatSarif } from "./format-sarif";
import { formatText } from "./format-text";
import { expandInputs, type InputEntry } from "./inputs";
import { CLI_MESSAGES as M, t } from "./messages";
import { ruleDocUri, VERSION } from "./package-info";
import { createProgress } from "./progress";
import { failedFileReport, totals, type Report, type ReportFile } from "../report/report";
import { inputAt, OutputError, writeAtomic } from "./safe-write";
import { changedPart, FIX_MESSAGES as FIX, planFix, writeFixedCopy } from "./fix";

export { checkFile } from "./check-file";
export { checkFiles, type CheckFilesOptions } from "./batch";

export const EXIT = { ok: 0, findings: 1, notChecked: 2 } as const;

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** stderr is a terminal: long runs then show a progress line there. Default false. */
  stderrIsTTY?: boolean;
  /** Environment for the language (default process.env). */
  env?: Record<string, string | undefined>;
  /** Working folder for SARIF's %SRCROOT% (default process.cwd()). */
  cwd?: string;
}

const defaultIO: CliIO = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stderrIsTTY: Boolean(process.stderr.isTTY),
};

type Format = "text" | "json" | "sarif";

interface Options {
  format: Format;
  output?: string;
  sarif?: string;
  csv?: string;
  annotate?: string;
  annotateDir?: string;
  fix?: string;
  fixSuggestions?: boolean;
  force?: boolean;
  maxWarnings?: string;
  quiet?: boolean;
  baseline?: string;
  lang?: Lang;
  jobs?: string;
}

interface NewOptions {
  template?: string;
  dept?: string;
  year?: string;
  projects: string;
  force?: boolean;
}

/** One row per option of the check command: add options here. */
interface OptionRow {
  flags: string;
  zh: string;
  en: string;
  choices?: string[];
  default?: string;
}

const CHECK_OPTIONS: OptionRow[] = [
  {
    flags: "-f, --format <format>",
    zh: "输出格式",
    en: "output format",
    choices: ["text", "json", "sarif"],
    default: "text",
  },
  {
    flags: "-o, --output <file>",
    zh: "把 --format 的输出写入文件（而不是标准输出）",
    en: "write the --format output to this file instead of stdout",
  },
  { flags: "--sarif <file>", zh: "另写一份 SARIF 报告", en: "also write a SARIF report" },
  {
    flags: "--csv <file>",
    zh: "另写一份 CSV 汇总，每个文件一行（UTF-8 带 BOM，供 Excel 打开）",
    en: "also write a CSV summary, one row per file (UTF-8 with BOM, for Excel)",
  },
  {
    flags: "--annotate <out.xlsx>",
    zh: "为（单个）输入写出标注副本",
    en: "write an annotated copy of the (single) input",
  },
  {
    flags: "--annotate-dir <dir>",
    zh: "为每个输入写出标注副本，按原文件夹结构放入此文件夹",
    en: "write an annotated copy of every input into this folder, mirroring the folder tree",
  },
  { flags: "--fix <out.xlsx>", zh: FIX.option.zh, en: FIX.option.en },
  { flags: "--fix-suggestions", zh: FIX.suggestionsOption.zh, en: FIX.suggestionsOption.en },
  {
    flags: "--force",
    zh: "允许覆盖已存在的标注副本或修正副本",
    en: "overwrite existing annotated or fixed copies",
  },
  {
    flags: "--max-warnings <n>",
    zh: "警告超过 n 个时以 1 退出",
    en: "exit 1 when there are more than n warnings",
  },
  {
    flags: "--quiet",
    zh: "只报告错误（不显示警告和提示）",
    en: "report errors only (no warnings, no infos)",
  },
  {
    flags: "--baseline <previous.sarif>",
    zh: "只显示相对上次 SARIF 报告的新问题",
    en: "show only findings that are new against a previous SARIF report",
  },
  {
    flags: "--lang <lang>",
    zh: "语言（默认按 LANG/LC_ALL）",
    en: "language (default: from LANG/LC_ALL)",
    choices: ["zh", "en"],
  },
  {
    flags: "-j, --jobs <n>",
    zh: `并行检查的工作线程数；1 = 不用工作线程（默认 ${defaultJobs()}，每 ${FILES_PER_WORKER} 个文件 1 个）`,
    en: `files checked in parallel on worker threads; 1 = no worker (default: ${defaultJobs()}, 1 per ${FILES_PER_WORKER} files)`,
  },
];

/** The language: --lang, else the environment (zh or unset → zh; any other language → en). */
export function chooseLang(argv: readonly string[], env: Record<string, string | undefined>): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = a === "--lang" ? argv[i + 1] : a.startsWith("--lang=") ? a.slice(7) : undefined;
    if (v === "zh" || v === "en") return v;
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  if (locale === "" || /^(zh|C|POSIX)([._@]|$)/i.test(locale)) return "zh";
  return "en";
}

function localHelp(lang: Lang): Partial<Help> {
  return {
    styleTitle: (s: string) =>
      s in M.help ? t(M.help[s as keyof typeof M.help] as { zh: string; en: string }, lang) : s,
    optionDescription(option: Option): string {
      const extra: string[] = [];
      if (option.argChoices) extra.push(t(M.help.choices, lang, { list: option.argChoices.join(", ") }));
      if (option.defaultValue !== undefined)
        extra.push(t(M.help.default, lang, { value: String(option.defaultValue) }));
      return extra.length ? `${option.description} (${extra.join("; ")})` : option.description;
    },
  };
}

/** commander's error, in our words and language. */
function optionErrorMessage(e: CommanderError, lang: Lang): string {
  const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? "";
  const detail = e.message.replace(/^error:\s*/, "");
  const E = M.optionError;
  let text: string;
  switch (e.code) {
    case "commander.unknownOption":
      text = t(E.unknownOption, lang, { name: quoted });
      break;
    case "commander.optionMissingArgument":
    case "commander.missingArgument":
      text = t(E.missingArgument, lang, { name: /--[\w-]+/.exec(quoted)?.[0] ?? quoted });
      break;
    case "commander.invalidArgument": {
      const value = /argument '([^']+)'/.exec(e.message)?.[1] ?? "";
      const flags = /option '([^']+)'/.exec(e.message)?.[1] ?? "";
      const option = /--[\w-]+/.exec(flags)?.[0] ?? flags;
      const choices = /Allowed choices are (.*)\./.exec(e.message)?.[1] ?? "";
      text = t(E.invalidArgument, lang, {
        name: option,
        detail: choices ? `${value}（${t(M.help.choices, lang, { list: choices })}）` : value,
      });
      break;
    }
    case "commander.excessArguments":
      text = t(E.excessArguments, lang, { detail });
      break;
    default:
      text = t(E.other, lang, { detail });
  }
  return `${text} ${t(E.hint, lang)}`;
}

type Chosen =
  | { kind: "check"; files: string[] }
  | { kind: "new"; out: string; opts: NewOptions }
  | { kind: "rules"; format: string };

export async function run(argv: string[], io: CliIO = defaultIO): Promise<number> {
  const lang = chooseLang(argv, io.env ?? process.env);
  const L = (zh: string, en: string) => (lang === "en" ? en : zh);
  const chosen: { cmd?: Chosen } = {};
  const program = new Command("perf-target-check")
    .description(t(M.help.description, lang))
    .usage(
      L("[选项] 文件|文件夹|通配符...", "[options] FILE|FOLDER|GLOB...") +
        "\n       perf-target-check rules [--format text|json]" +
        "\n       perf-target-check new OUT.xlsx [--template ID] [--dept 部门名称] [--year YYYY] [--projects N] [--force]",
    )
    .version(VERSION, "-V, --version", t(M.help.versionOption, lang))
    .helpOption("-h, --help", t(M.help.helpOption, lang))
    .configureHelp(localHelp(lang))
    .argument(
      "[files...]",
      L(
        ".xlsx 文件、文件夹（递归查找）或通配符（加引号：'dir/**/*.xlsx'）",
        ".xlsx files, folders (searched recursively) or globs (quoted: 'dir/**/*.xlsx')",
      ),
    );
  for (const row of CHECK_OPTIONS) {
    const o = new Option(row.flags, lang === "en" ? row.en : row.zh);
    if (row.choices) o.choices(row.choices);
    if (row.default !== undefined) o.default(row.default);
    program.addOption(o);
  }
  program
    .helpCommand(false) // `perf-target-check help` stays a file name; --help is the help
    .enablePositionalOptions() // `new OUT --force` is new's --force, not the check's
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
    .action((files: string[]) => {
      chosen.cmd = { kind: "check", files };
    });
  registerConfigOptions(program); // --config, --rule, --template, --print-config
  // Created with .command() after exitOverride/configureOutput, so they inherit both.
  program
    .command("rules")
    .description(
      L(
        "列出规则目录（编号、类别、级别、说明、帮助文档）",
        "list the rules (id, category, severity, description, help page)",
      ),
    )
    .helpOption("-h, --help", t(M.help.helpOption, lang))
    .configureHelp(localHelp(lang))
    .addOption(
      new Option("-f, --format <format>", L("输出格式", "output format"))
        .choices(["text", "json"])
        .default("text"),
    )
    .addOption(new Option("--lang <lang>", L("语言", "language")).choices(["zh", "en"]))
    .action((opts: { format: string }) => {
      chosen.cmd = { kind: "rules", format: opts.format };
    });
  program
    .command("new")
    .description(
      L(
        "写出空白绩效目标表模板（部门整体 + 项目绩效目标表）",
        "write a blank template workbook (department + project forms)",
      ),
    )
    .helpOption("-h, --help", t(M.help.helpOption, lang))
    .configureHelp(localHelp(lang))
    .argument("<out.xlsx>", L("要写出的工作簿", "the workbook to write"))
    .option(
      "--template <id>",
      L(
        `模板编号（默认 ${DEFAULT_TEMPLATE}：部门整体 + 项目表；见下表）`,
        `template id (default ${DEFAULT_TEMPLATE}: department + project forms; see below)`,
      ),
    )
    .addHelpText("after", () => "\n" + templateList(lang, true))
    .option(
      "--dept <name>",
      L(
        "部门名称，也填入各项目的主管部门和用款单位（默认空白）",
        "部门名称, also 主管部门 and 用款单位 of every project (default: blank)",
      ),
    )
    .option(
      "--year <year>",
      L(
        `预算年度 ${TEMPLATE_LIMITS.minYear}–${TEMPLATE_LIMITS.maxYear}（默认明年）`,
        `预算年度 ${TEMPLATE_LIMITS.minYear}–${TEMPLATE_LIMITS.maxYear} (default: next year)`,
      ),
    )
    .option(
      "--projects <n>",
      L(
        `项目表张数，${TEMPLATE_LIMITS.minProjects}–${TEMPLATE_LIMITS.maxProjects}`,
        `how many project sheets, ${TEMPLATE_LIMITS.minProjects}–${TEMPLATE_LIMITS.maxProjects}`,
      ),
      "1",
    )
    .option("--force", L("覆盖已存在的文件", "overwrite OUT.xlsx if it exists"))
    .addOption(new Option("--lang <lang>", L("语言", "language")).choices(["zh", "en"]))
    .action((out: string, opts: NewOptions) => {
      chosen.cmd = { kind: "new", out, opts };
    });

  try {
    program.parse(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return EXIT.ok;
      io.stderr(optionErrorMessage(e, lang) + "\n");
      return EXIT.notChecked;
    }
    throw e;
  }
  const opts = program.opts<Options>();
  if (chosen.cmd?.kind === "new") return newTemplate(chosen.cmd.out, chosen.cmd.opts, lang, io);
  if (chosen.cmd?.kind === "rules") return listRules(chosen.cmd.format, lang, io);
  const args = chosen.cmd?.files ?? program.args;
  if (args.length === 0) {
    io.stderr(t(M.noFiles, lang) + "\n");
    program.outputHelp({ error: true });
    return EXIT.notChecked;
  }
  return check(args, opts, lang, io);
}

async function check(args: string[], opts: Options, lang: Lang, io: CliIO): Promise<number> {
  const say = (s: string) => io.stderr(s + "\n");
  const jobsText = opts.jobs?.trim();
  const jobs = jobsText === undefined ? undefined : /^\d{1,4}$/.test(jobsText) ? Number(jobsText) : 0;
  if (jobs !== undefined && jobs < 1) {
    say(t(M.badJobs, lang, { value: opts.jobs ?? "" }));
    return EXIT.notChecked;
  }
  const mwText = opts.maxWarnings?.trim();
  const maxWarnings = mwText === undefined ? undefined : /^\d{1,9}$/.test(mwText) ? Number(mwText) : -1;
  if (maxWarnings !== undefined && maxWarnings < 0) {
    say(t(M.badMaxWarnings, lang, { value: opts.maxWarnings ?? "" }));
    return EXIT.notChecked;
  }
  if (opts.annotate && opts.annotateDir) {
    say(t(M.annotateBoth, lang));
    return EXIT.notChecked;
  }

  const { entries, unmatched, roots } = expandInputs(args);
  if (unmatched.length > 0) {
    for (const u of unmatched) {
      say(
        u.kind === "glob" ? t(M.noMatch, lang, { pattern: u.arg }) : t(M.emptyFolder, lang, { dir: u.arg }),
      );
    }
    return EXIT.notChecked;
  }
  const inputs = entries.map((e) => e.file);
  if (opts.annotate && (inputs.length !== 1 || entries[0].error)) {
    say(t(M.annotateOne, lang));
    return EXIT.notChecked;
  }
  if (opts.fixSuggestions && !opts.fix) {
    say(t(FIX.suggestionsNeedFix, lang));
    return EXIT.notChecked;
  }
  if (opts.fix && (inputs.length !== 1 || entries[0].error)) {
    say(t(FIX.one, lang));
    return EXIT.notChecked;
  }
  // Never write an input: every output path is compared with every input before anything is checked.
  for (const out of [opts.output, opts.sarif, opts.csv, opts.annotate, opts.fix]) {
    const input = out ? inputAt(out, inputs) : undefined;
    if (out && input) {
      say(t(M.outputIsInput, lang, { file: out, input }));
      return EXIT.notChecked;
    }
  }
  if (opts.annotateDir) {
    const inside = insideAny(opts.annotateDir, [...roots, ...entries.map((e) => dirname(e.file))]);
    if (inside) {
      say(t(M.annotateDirInside, lang, { dir: opts.annotateDir, root: inside }));
      return EXIT.notChecked;
    }
  }
  let baseline: Set<string> | undefined;
  if (opts.baseline) {
    try {
      baseline = readBaseline(opts.baseline);
    } catch (e) {
      say(
        t(M.baselineFailed, lang, {
          file: opts.baseline,
          reason: e instanceof Error ? e.message : String(e),
        }),
      );
      return EXIT.notChecked;
    }
  }

  const config = applyConfigOptions(opts as Options & ConfigFlags, inputs, lang, io, KNOWN_TEMPLATE_IDS);
  if ("exit" in config) return config.exit;
  const full = await checkEntries(entries, jobs, lang, io, config.optionsFor);
  const fixed = full.files[0];
  if (opts.fix && (fixed.status === "passed" || fixed.status === "errors"))
    fixed.fixed = await planFix(
      fixed.file,
      config.optionsFor(fixed.file),
      opts.fix,
      opts.fixSuggestions ? { lang } : undefined,
    );
  let report = full;
  if (baseline) {
    const known = baseline;
    let unchanged = 0;
    report = {
      version: 1,
      files: full.files.map((f) => {
        const diagnostics = f.diagnostics.filter((d) => !known.has(d.fingerprint));
        unchanged += f.diagnostics.length - diagnostics.length;
        return { ...f, diagnostics };
      }),
    };
    say(
      t(M.baselineNote, lang, {
        file: opts.baseline!,
        new: totals(report).errors + totals(report).warnings + totals(report).infos,
        unchanged,
      }),
    );
  }
  const shown: Report = opts.quiet
    ? {
        version: 1,
        files: report.files.map((f) => ({
          ...f,
          diagnostics: f.diagnostics.filter((d) => d.severity === "error"),
        })),
      }
    : report;
  const sarifOptions = { cwd: io.cwd, baseline: Boolean(baseline) };
  const render: Record<Format | "csv", () => string> = {
    json: () => JSON.stringify(shown, null, 2) + "\n",
    sarif: () => JSON.stringify(formatSarif(shown, lang, VERSION, sarifOptions), null, 2) + "\n",
    text: () => formatText(shown, lang),
    csv: () => formatCsv(shown, lang),
  };

  let writeFailed = false;
  const writeReport = async (file: string, text: string) => {
    try {
      await writeAtomic(file, text, { force: true });
      say(t(M.reportWritten, lang, { file }));
    } catch (e) {
      say(t(M.reportFailed, lang, { file, reason: reasonOf(e) }));
      writeFailed = true;
    }
  };
  if (opts.output) await writeReport(opts.output, render[opts.format]());
  else io.stdout(render[opts.format]());
  if (opts.sarif) await writeReport(opts.sarif, render.sarif());
  if (opts.csv) await writeReport(opts.csv, render.csv());

  if (opts.annotate || opts.annotateDir) {
    const labels = annotateLabels(lang);
    const targets = annotateTargets(entries, full, opts);
    const used = new Set<string>();
    for (const { file, out } of targets) {
      const checked = full.files.find((f) => f.file === file)!;
      if (
        checked.status === "no-form" ||
        checked.status === "not-checked" ||
        checked.status === "unreadable"
      ) {
        say(t(M.annotateSkipped, lang, { file, status: t(M.status[checked.status], lang) }));
        continue;
      }
      const key = resolve(out).toLowerCase();
      if (used.has(key)) {
        say(t(M.annotateClash, lang, { file, out }));
        writeFailed = true;
        continue;
      }
      used.add(key);
      const input = inputAt(out, inputs);
      if (input) {
        say(t(M.outputIsInput, lang, { file: out, input }));
        writeFailed = true;
        continue;
      }
      try {
        if (opts.annotateDir) await mkdirFor(out);
        await writeAtomic(
          out,
          async () => buildAnnotatedCopy(await readFile(file), checked, labels(file, checked)),
          {
            force: Boolean(opts.force),
          },
        );
        say(t(M.annotated, lang, { file: out }));
      } catch (e) {
        if (e instanceof OutputError && e.code === "exists") say(t(M.outputExists, lang, { file: out }));
        else say(t(M.annotateFailed, lang, { file: out, reason: reasonOf(e) }));
        writeFailed = true;
      }
    }
  }

  if (opts.fix && !(await writeFix(fixed, Boolean(opts.force), lang, say))) writeFailed = true;

  const s = totals(report);
  if (s.failed > 0 || writeFailed) return EXIT.notChecked;
  if (s.errors > 0) return EXIT.findings;
  if (maxWarnings !== undefined && s.warnings > maxWarnings) {
    say(t(M.tooManyWarnings, lang, { warnings: s.warnings, max: maxWarnings }));
    return EXIT.findings;
  }
  return EXIT.ok;
}

/** Writes the `--fix` copy planned on the file's report and says what was fixed; false when it failed. */
async function writeFix(
  file: ReportFile,
  force: boolean,
  lang: Lang,
  say: (s: string) => void,
): Promise<boolean> {
  const summary = file.fixed;
  if (!summary) {
    if (file.status !== "passed" && file.status !== "errors") {
      say(t(FIX.skipped, lang, { file: file.file, status: t(M.status[file.status], lang) }));
      return false;
    }
    return true;
  }
  if (summary.cells.length === 0) {
    say(t(FIX.none, lang, { file: file.file, out: summary.out }));
    return true;
  }
  try {
    await writeFixedCopy(file.file, summary, force);
  } catch (e) {
    if (e instanceof OutputError && e.code === "exists") say(t(M.outputExists, lang, { file: summary.out }));
    else say(t(FIX.failed, lang, { out: summary.out, reason: reasonOf(e) }));
    return false;
  }
  const counts = {
    out: summary.out,
    file: file.file,
    fixes: summary.fixes,
    suggestions: summary.suggestions ?? 0,
    cells: summary.cells.length,
  };
  say(t(summary.suggestions === undefined ? FIX.written : FIX.writtenSuggestions, lang, counts));
  for (const c of summary.cells) {
    const [before, after] = changedPart(c.before, c.after).map((v) => JSON.stringify(v));
    say(t(FIX.cell, lang, { sheet: c.sheet, cell: c.cell, before, after, rules: c.rules.join(", ") }));
  }
  for (const s of summary.skipped ?? []) say(t(FIX.skippedSuggestion, lang, { ...s, by: s.by.join(", ") }));
  return true;
}

function reasonOf(e: unknown): string {
  if (e instanceof OutputError && e.errno) return e.errno;
  return e instanceof Error ? e.message : String(e);
}

async function mkdirFor(file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
}

function real(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    return resolve(p);
  }
}

/** The first of `folders` that `dir` is, or lies inside (by real path; the dir need not exist). */
function insideAny(dir: string, folders: string[]): string | undefined {
  let d = resolve(dir);
  // The nearest existing ancestor's real path + the rest.
  let rest = "";
  for (;;) {
    try {
      d = join(realpathSync.native(d), rest);
      break;
    } catch {
      const parent = dirname(d);
      if (parent === d) break;
      rest = join(d.slice(parent.length + 1), rest);
      d = parent;
    }
  }
  const norm = (p: string) =>
    process.platform === "win32" || process.platform === "darwin" ? p.toLowerCase() : p;
  for (const f of folders) {
    const r = norm(real(f));
    const x = norm(d);
    if (x === r || x.startsWith(r.endsWith(sep) ? r : r + sep)) return f;
  }
  return undefined;
}

/** Where each input's annotated copy goes. An .xlsm's copy is an .xlsx (its macros are not kept). */
function annotateTargets(
  entries: InputEntry[],
  report: Report,
  opts: Options,
): { file: string; out: string }[] {
  if (opts.annotate) return [{ file: entries[0].file, out: opts.annotate }];
  return entries
    .filter((e) => !e.error)
    .map((e) => {
      const rel = e.rel.split("/").filter((s) => s !== ".." && s !== "." && s !== "");
      let out = join(opts.annotateDir!, ...rel);
      if (extname(out).toLowerCase() !== ".xlsx")
        out = out.slice(0, out.length - extname(out).length) + ".xlsx";
      return { file: e.file, out };
    })
    .filter((x) => report.files.some((f) => f.file === x.file));
}

/** The fingerprints of a previous SARIF report. */
function readBaseline(file: string): Set<string> {
  const log = JSON.parse(readFileSync(file, "utf8")) as {
    runs?: { results?: { partialFingerprints?: Record<string, string> }[] }[];
  };
  if (!Array.isArray(log.runs)) throw new Error("not a SARIF log");
  const set = new Set<string>();
  for (const run of log.runs) {
    for (const r of run.results ?? []) {
      const fp = r.partialFingerprints?.[FINGERPRINT_KEY];
      if (fp) set.add(fp);
    }
  }
  return set;
}

/** Checks the expanded inputs with checkFiles, keeping unreadable folders as entries in their place. */
async function checkEntries(
  entries: InputEntry[],
  jobs: number | undefined,
  lang: Lang,
  io: CliIO,
  optionsFor?: (file: string) => CheckOptions,
): Promise<Report> {
  const toCheck = entries.filter((e) => !e.error).map((e) => e.file);
  const progress = createProgress(io.stderr, Boolean(io.stderrIsTTY), toCheck.length, lang);
  progress.update(0, toCheck.length);
  let checked: Report;
  try {
    checked = await checkFiles(toCheck, {
      jobs,
      lang,
      optionsFor,
      onProgress: (d, n) => progress.update(d, n),
    });
  } finally {
    progress.end();
  }
  const results = checked.files[Symbol.iterator]();
  const files: ReportFile[] = entries.map((e) => (e.error ? folderFailure(e, lang) : results.next().value!));
  return { version: 1, files };
}

function folderFailure(e: InputEntry, lang: Lang): ReportFile {
  const errno = e.error?.errno;
  const reason =
    errno === "EACCES" || errno === "EPERM"
      ? t(M.folderReason.denied, lang)
      : t(M.folderReason.other, lang, { code: errno ?? "?" });
  return failedFileReport(
    e.file,
    e.error?.code ?? "unreadable",
    t(M.folderUnreadable, lang, { dir: e.file, reason }),
  );
}

/** Display width (CJK counts double), for aligned text tables. */
function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

/** `perf-target-check rules`: the catalogue as a table or JSON. */
function listRules(format: string, lang: Lang, io: CliIO): number {
  const rows = CATALOGUE.map((r) => ({
    id: r.meta.id,
    category: r.meta.category,
    severity: r.meta.severity,
    description: lang === "en" ? r.meta.description.en : r.meta.description.zh,
    helpUri: ruleDocUri(r.meta.id, lang),
  }));
  if (format === "json") {
    io.stdout(JSON.stringify(rows, null, 2) + "\n");
    return EXIT.ok;
  }
  const cat = (c: string) => (c in M.category ? t(M.category[c as keyof typeof M.category], lang) : c);
  const table = [
    t(M.rulesHeader, lang).split("|"),
    ...rows.map((r) => [r.id, cat(r.category), t(M.severity[r.severity], lang), r.description, r.helpUri]),
  ];
  const widths = [0, 1, 2].map((c) => Math.max(...table.map((row) => width(row[c]))));
  const lines = table.map((row) =>
    [...row.slice(0, 3).map((cell, c) => cell + " ".repeat(widths[c] - width(cell))), row[3], row[4]].join(
      "  ",
    ),
  );
  io.stdout([lines[0], "-".repeat(Math.min(100, width(lines[0]))), ...lines.slice(1)].join("\n") + "\n");
  return EXIT.ok;
}

/** `perf-target-check new OUT.xlsx …`: writes a blank template workbook. */
async function newTemplate(out: string, o: NewOptions, lang: Lang, io: CliIO): Promise<number> {
  const { minYear, maxYear, minProjects, maxProjects } = TEMPLATE_LIMITS;
  const yearText = (o.year ?? String(new Date().getFullYear() + 1)).trim();
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
  if (!(year >= minYear && year <= maxYear)) {
    io.stderr(t(M.newBadYear, lang, { value: o.year ?? "", min: minYear, max: maxYear }) + "\n");
    return 2;
  }
  const projectsText = o.projects.trim();
  const projects = /^\d{1,4}$/.test(projectsText) ? Number(projectsText) : NaN;
  if (!(projects >= minProjects && projects <= maxProjects)) {
    io.stderr(t(M.newBadProjects, lang, { value: o.projects, min: minProjects, max: maxProjects }) + "\n");
    return 2;
  }
  if (!/\.xlsx$/i.test(out)) {
    io.stderr(t(M.newBadOut, lang, { file: out }) + "\n");
    return 2;
  }
  const dept = o.dept?.trim() ?? "";
  const template = o.template?.trim() || DEFAULT_TEMPLATE;
  const choice = blankFormTemplates().find((x) => x.id === template);
  if (!choice) {
    const profile = PROFILES_BY_ID.get(template);
    const list = templateList(lang, false);
    io.stderr(
      (profile
        ? t(M.newNotTarget, lang, { id: template, name: profile.name[lang], list })
        : t(M.newUnknownTemplate, lang, { id: template, list })) + "\n",
    );
    return 2;
  }

  let sheets: string[];
  try {
    ({ sheets } = await writeTemplateWorkbook(
      out,
      { dept, year, projects, template },
      { force: Boolean(o.force) },
    ));
  } catch (e) {
    if (!(e instanceof TemplateWriteError)) throw e;
    if (e.code === "exists") io.stderr(t(M.newExists, lang, { file: out }) + "\n");
    else io.stderr(t(M.newFailed, lang, { file: out, reason: writeFailureReason(e, lang) }) + "\n");
    return 2;
  }

  const sepText = t(M.newSheetSep, lang);
  const names = sheets.length > 6 ? [...sheets.slice(0, 3), "…", sheets[sheets.length - 1]] : sheets;
  const dongguan = template === DEFAULT_TEMPLATE;
  io.stdout(
    (dongguan
      ? t(M.newWritten, lang, { file: out, year, projects })
      : t(M.newWrittenTemplate, lang, {
          file: out,
          year,
          name: choice.name[lang],
          id: template,
          count: sheets.length,
        })) + "\n",
  );
  io.stdout("  " + t(M.newSheets, lang, { sheets: names.join(sepText) }) + "\n");
  io.stdout(
    "  " + (dept ? t(dongguan ? M.newDept : M.newDeptTemplate, lang, { dept }) : t(M.newNoDept, lang)) + "\n",
  );
  return 0;
}

/** The ids `new --template` accepts, one a line: id, kind, name (the default first). */
function templateList(lang: Lang, heading: boolean): string {
  const all = blankFormTemplates();
  const kinds = all.map((x) => t(M.newTemplateKind[x.kind], lang));
  const idWidth = Math.max(...all.map((x) => x.id.length));
  const kindWidth = Math.max(...kinds.map(width));
  const rows = all.map(
    (x, i) =>
      `  ${x.id.padEnd(idWidth)}  ${kinds[i]}${" ".repeat(kindWidth - width(kinds[i]))}  ${x.name[lang]}`,
  );
  return (heading ? [t(M.newTemplatesHelp, lang), ...rows] : rows).join("\n") + (heading ? "\n" : "");
}

function writeFailureReason(e: TemplateWriteError, lang: Lang): string {
  switch (e.errno) {
    case "ENOENT":
    case "ENOTDIR":
      return t(M.newReason.noDir, lang);
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return t(M.newReason.denied, lang);
    case "EISDIR":
      return t(M.newReason.isDir, lang);
    default:
      return t(M.newReason.other, lang, { code: e.errno ?? e.message });
  }
}

export function main(argv: string[] = process.argv.slice(2)): void {
  run(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`perf-target-check: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
