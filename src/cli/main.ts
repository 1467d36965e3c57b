/**
 * perf-target-check [--format text|json|sarif] [--annotate OUT.xlsx] [--lang zh|en] FILE...
 *
 * Exit status: 0 no errors found; 1 errors found; 2 bad usage or a file that could not be checked.
 */
import { Command, CommanderError, Option } from "commander";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { checkWorkbook } from "../checker";
import { readXlsxFile, XlsxReadError } from "../hosts/xlsx/read-xlsx";
import { writeAnnotatedCopy } from "../hosts/xlsx/annotate";
import type { Lang } from "../rules/types";
import { formatSarif } from "./format-sarif";
import { formatText } from "./format-text";
import { CLI_MESSAGES as M, t } from "./messages";
import { failedFileReport, fileReport, totals, type Report, type ReportFile } from "./report";

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
}

const defaultIO: CliIO = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};

interface Options {
  format: "text" | "json" | "sarif";
  annotate?: string;
  lang: Lang;
}

export async function checkFile(file: string, lang: Lang): Promise<ReportFile> {
  try {
    const snapshot = await readXlsxFile(file);
    const start = performance.now();
    const result = checkWorkbook(snapshot);
    return fileReport(file, result, lang, performance.now() - start);
  } catch (e) {
    if (e instanceof XlsxReadError) return failedFileReport(file, e.code, e.message);
    // Anything else is our bug: still name the file, never a bare stack trace.
    const reason = e instanceof Error ? e.message : String(e);
    return failedFileReport(file, "internal", `${file}: ${reason}`);
  }
}

export async function run(argv: string[], io: CliIO = defaultIO): Promise<number> {
  const langGuess: Lang = argv.includes("en") && argv.some((a) => a.startsWith("--lang")) ? "en" : "zh";
  const program = new Command("perf-target-check")
    .description(
      "绩效目标表检查 — check 绩效目标表 workbooks (.xlsx) against the template and the rule catalogue",
    )
    .version(VERSION)
    .argument("[files...]", ".xlsx files to check")
    .addOption(
      new Option("-f, --format <format>", "output format").choices(["text", "json", "sarif"]).default("text"),
    )
    .option("--annotate <out.xlsx>", "write a copy of the (single) input with the findings marked")
    .addOption(new Option("--lang <lang>", "message language").choices(["zh", "en"]).default("zh"))
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  try {
    program.parse(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  const opts = program.opts<Options>();
  const files = program.args;
  const lang = opts.lang ?? langGuess;
  if (files.length === 0) {
    io.stderr(t(M.noFiles, lang) + "\n");
    program.outputHelp({ error: true });
    return 2;
  }
  if (opts.annotate && files.length !== 1) {
    io.stderr(t(M.annotateOne, lang) + "\n");
    return 2;
  }

  const report: Report = { version: 1, files: [] };
  for (const file of files) report.files.push(await checkFile(file, lang));

  if (opts.format === "json") io.stdout(JSON.stringify(report, null, 2) + "\n");
  else if (opts.format === "sarif")
    io.stdout(JSON.stringify(formatSarif(report, lang, VERSION), null, 2) + "\n");
  else io.stdout(formatText(report, lang));

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
  if (s.failed > 0) return 2;
  return s.errors > 0 ? 1 : 0;
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
