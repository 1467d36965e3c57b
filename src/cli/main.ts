/**
 * perf-target-check [--format text|json|sarif] [--jobs N] [--output R.json] [--sarif R.sarif]
 *                   [--csv R.csv] [--annotate OUT.xlsx] [--lang zh|en] FILE|FOLDER|GLOB...
 * perf-target-check new OUT.xlsx [--dept 部门名称] [--year YYYY] [--projects N] [--force] [--lang zh|en]
 *
 * Inputs: files, folders (searched recursively for .xlsx) and globs (see inputs.ts); checked on
 * --jobs worker threads (see batch.ts), reported in input order.
 *
 * Exit status: 0 no errors found (or the template was written); 1 errors found; 2 bad usage (a glob
 * or folder with no .xlsx file), a file that could not be checked, a report or template that could
 * not be written. Every file is checked and reported whatever the others did.
 */
import { Command, CommanderError, Option } from "commander";
import { existsSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { writeAnnotatedCopy } from "../hosts/xlsx/annotate";
import { TEMPLATE_LIMITS, TemplateWriteError, writeTemplateWorkbook } from "../hosts/xlsx/write-template";
import type { CheckOptions, Lang } from "../rules/types";
import { checkFiles, defaultJobs, FILES_PER_WORKER } from "./batch";
import {
  applyConfigOptions,
  KNOWN_TEMPLATE_IDS,
  registerConfigOptions,
  type ConfigFlags,
} from "./config-options";
import { formatCsv } from "./format-csv";
import { formatSarif } from "./format-sarif";
import { formatText } from "./format-text";
import { expandInputs, type InputEntry } from "./inputs";
import { CLI_MESSAGES as M, t } from "./messages";
import { createProgress } from "./progress";
import { failedFileReport, totals, type Report, type ReportFile } from "./report";

export { checkFile } from "./check-file";
export { checkFiles, type CheckFilesOptions } from "./batch";

/** The package version, found by walking up from this file (works from src/ and from dist/). */
function packageVersion(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, "package.json");
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "perf-target-check") return pkg.version ?? "0.0.0";
    }
    dir = dirname(dir);
  }
  return "0.0.0";
}
const VERSION = packageVersion();

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** stderr is a terminal: long runs then show a progress line there. Default false. */
  stderrIsTTY?: boolean;
}

const defaultIO: CliIO = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stderrIsTTY: Boolean(process.stderr.isTTY),
};

interface Options {
  format: "text" | "json" | "sarif";
  annotate?: string;
  lang: Lang;
  jobs?: string;
  output?: string;
  sarif?: string;
  csv?: string;
}

interface NewOptions {
  dept?: string;
  year?: string;
  projects: string;
  force?: boolean;
}

/** What the command line asked for: set by the commands' actions. */
type Chosen = { kind: "check"; files: string[] } | { kind: "new"; out: string; opts: NewOptions };

const USAGE = `[options] FILE...
       perf-target-check new OUT.xlsx [--dept 部门名称] [--year YYYY] [--projects N] [--force]`;

export async function run(argv: string[], io: CliIO = defaultIO): Promise<number> {
  const langGuess: Lang = argv.includes("en") && argv.some((a) => a.startsWith("--lang")) ? "en" : "zh";
  const chosen: { cmd?: Chosen } = {};
  const program = new Command("perf-target-check")
    .description(
      "绩效目标表检查 — check 绩效目标表 workbooks (.xlsx) against the template and the rule catalogue",
    )
    .usage(USAGE)
    .version(VERSION)
    .argument("[files...]", ".xlsx files, folders (searched recursively) or globs (quoted: 'dir/**/*.xlsx')")
    .addOption(
      new Option("-f, --format <format>", "output format").choices(["text", "json", "sarif"]).default("text"),
    )
    .option(
      "-j, --jobs <n>",
      `files checked in parallel on worker threads; 1 = no worker (default: ${defaultJobs()}, 1 per ${FILES_PER_WORKER} files)`,
    )
    .option("-o, --output <report.json>", "also write the JSON report to this file")
    .option("--sarif <report.sarif>", "also write the SARIF report to this file")
    .option("--csv <summary.csv>", "also write a CSV summary, one row per file (UTF-8 with BOM, for Excel)")
    .option("--annotate <out.xlsx>", "write a copy of the (single) input with the findings marked")
    .addOption(new Option("--lang <lang>", "message language").choices(["zh", "en"]).default("zh"))
    .helpCommand(false) // `perf-target-check help` stays a file name; --help is the help
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .action((files: string[]) => {
      chosen.cmd = { kind: "check", files };
    });
  registerConfigOptions(program); // --config, --rule, --template, --print-config
  // Created with .command() after exitOverride/configureOutput, so it inherits both.
  program
    .command("new")
    .description("写出空白绩效目标表模板（部门整体 + 项目绩效目标表） — write a blank template workbook")
    .argument("<out.xlsx>", "the workbook to write")
    .option("--dept <name>", "部门名称, also 主管部门 and 用款单位 of every project (default: blank)")
    .option(
      "--year <year>",
      `预算年度 ${TEMPLATE_LIMITS.minYear}–${TEMPLATE_LIMITS.maxYear} (default: next year)`,
    )
    .option(
      "--projects <n>",
      `how many project sheets, ${TEMPLATE_LIMITS.minProjects}–${TEMPLATE_LIMITS.maxProjects}`,
      "1",
    )
    .option("--force", "overwrite OUT.xlsx if it exists")
    .action((out: string, opts: NewOptions) => {
      chosen.cmd = { kind: "new", out, opts };
    });

  try {
    program.parse(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  const opts = program.opts<Options>();
  const lang = opts.lang ?? langGuess;
  if (chosen.cmd?.kind === "new") return newTemplate(chosen.cmd.out, chosen.cmd.opts, lang, io);
  const args = chosen.cmd?.files ?? program.args;
  if (args.length === 0) {
    io.stderr(t(M.noFiles, lang) + "\n");
    program.outputHelp({ error: true });
    return 2;
  }
  const jobsText = opts.jobs?.trim();
  const jobs = jobsText === undefined ? undefined : /^\d{1,4}$/.test(jobsText) ? Number(jobsText) : 0;
  if (jobs !== undefined && jobs < 1) {
    io.stderr(t(M.badJobs, lang, { value: opts.jobs ?? "" }) + "\n");
    return 2;
  }

  const { entries, unmatched } = expandInputs(args);
  if (unmatched.length > 0) {
    for (const u of unmatched) {
      io.stderr(
        (u.kind === "glob"
          ? t(M.noMatch, lang, { pattern: u.arg })
          : t(M.emptyFolder, lang, { dir: u.arg })) + "\n",
      );
    }
    return 2;
  }
  const files = entries.map((e) => e.file);
  if (opts.annotate && (files.length !== 1 || entries[0].error)) {
    io.stderr(t(M.annotateOne, lang) + "\n");
    return 2;
  }

  const config = applyConfigOptions(program.opts<ConfigFlags>(), files, lang, io, KNOWN_TEMPLATE_IDS);
  if ("exit" in config) return config.exit;
  const report = await checkEntries(entries, jobs, lang, io, config.optionsFor);
  const rendered = {
    json: () => JSON.stringify(report, null, 2) + "\n",
    sarif: () => JSON.stringify(formatSarif(report, lang, VERSION), null, 2) + "\n",
    text: () => formatText(report, lang),
  };
  io.stdout(rendered[opts.format]());

  let writeFailed = false;
  const reports: [string | undefined, () => string][] = [
    [opts.output, rendered.json],
    [opts.sarif, rendered.sarif],
    [opts.csv, () => formatCsv(report, lang)],
  ];
  for (const [file, render] of reports) {
    if (!file) continue;
    try {
      await writeFile(file, render(), "utf8");
      io.stderr(t(M.reportWritten, lang, { file }) + "\n");
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      io.stderr(t(M.reportFailed, lang, { file, reason }) + "\n");
      writeFailed = true;
    }
  }

  const s = totals(report);
  if (opts.annotate && !report.files[0].error) {
    try {
      await writeAnnotatedCopy(files[0], opts.annotate, report.files[0], {
        severity: {
          error: t(M.severity.error, lang),
          warning: t(M.severity.warning, lang),
          info: t(M.severity.info, lang),
        },
        category: Object.fromEntries(Object.entries(M.category).map(([k, v]) => [k, t(v, lang)])),
        sheetName: t(M.reportSheet, lang),
        header: t(M.reportHeader, lang).split("|"),
      });
      io.stderr(t(M.annotated, lang, { file: opts.annotate }) + "\n");
    } catch (e) {
      io.stderr(
        t(M.annotateFailed, lang, {
          file: opts.annotate,
          reason: e instanceof Error ? e.message : String(e),
        }) + "\n",
      );
      return 2;
    }
  }
  if (s.failed > 0 || writeFailed) return 2;
  return s.errors > 0 ? 1 : 0;
}

/**
 * Checks the expanded inputs with checkFiles (the same path as the benchmark's), keeping unreadable
 * folders as error entries in their place, with a progress line on a terminal.
 */
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

  let sheets: string[];
  try {
    ({ sheets } = await writeTemplateWorkbook(out, { dept, year, projects }, { force: Boolean(o.force) }));
  } catch (e) {
    if (!(e instanceof TemplateWriteError)) throw e;
    if (e.code === "exists") io.stderr(t(M.newExists, lang, { file: out }) + "\n");
    else io.stderr(t(M.newFailed, lang, { file: out, reason: writeFailureReason(e, lang) }) + "\n");
    return 2;
  }

  const sep = t(M.newSheetSep, lang);
  const names = sheets.length > 6 ? [...sheets.slice(0, 3), "…", sheets[sheets.length - 1]] : sheets;
  io.stdout(t(M.newWritten, lang, { file: out, year, projects }) + "\n");
  io.stdout("  " + t(M.newSheets, lang, { sheets: names.join(sep) }) + "\n");
  io.stdout("  " + (dept ? t(M.newDept, lang, { dept }) : t(M.newNoDept, lang)) + "\n");
  return 0;
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
