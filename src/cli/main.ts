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
import { ruleDocUri, VERSION } from "./package-info";
import { createProgress } from "./progress";
import { failedFileReport, totals, type Report, type ReportFile } from "../report/report";
import { inputAt, OutputError, writeAtomic } from "./safe-write";
import { changedPart, planFix, writeFixedCopy } from "./fix";
import { t, MESSAGES } from "../messages";

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

/**
 * A reader that stops early (`| head`, `| grep -m1`) closes the pipe, and the next write fails with EPIPE
 * (an unhandled 'error' event: a stack trace). Then the rest of that stream's output is dropped, as Unix
 * tools do, while the run goes on: the files it writes (-o, --sarif, --annotate, --fix) are still written
 * and the exit code still says what was found.
 */
function closablePipe(stream: NodeJS.WriteStream): (s: string) => void {
  let closed = false;
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    closed = true;
  });
  return (s) => {
    if (!closed) stream.write(s);
  };
}

const defaultIO: CliIO = {
  stdout: closablePipe(process.stdout),
  stderr: closablePipe(process.stderr),
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

/** One row per option of the check command: add options here (its help text: cli.option.<help>). */
interface OptionRow {
  flags: string;
  help: CheckOptionHelp;
  choices?: string[];
  default?: string;
}

type CheckOptionHelp =
  | "cli.option.format"
  | "cli.option.output"
  | "cli.option.sarif"
  | "cli.option.csv"
  | "cli.option.annotate"
  | "cli.option.annotateDir"
  | "cli.fix.option"
  | "cli.fix.suggestionsOption"
  | "cli.option.force"
  | "cli.option.maxWarnings"
  | "cli.option.quiet"
  | "cli.option.baseline"
  | "cli.option.lang";

const CHECK_OPTIONS: OptionRow[] = [
  {
    flags: "-f, --format <format>",
    help: "cli.option.format",
    choices: ["text", "json", "sarif"],
    default: "text",
  },
  { flags: "-o, --output <file>", help: "cli.option.output" },
  { flags: "--sarif <file>", help: "cli.option.sarif" },
  { flags: "--csv <file>", help: "cli.option.csv" },
  { flags: "--annotate <out.xlsx>", help: "cli.option.annotate" },
  { flags: "--annotate-dir <dir>", help: "cli.option.annotateDir" },
  { flags: "--fix <out.xlsx>", help: "cli.fix.option" },
  { flags: "--fix-suggestions", help: "cli.fix.suggestionsOption" },
  { flags: "--force", help: "cli.option.force" },
  { flags: "--max-warnings <n>", help: "cli.option.maxWarnings" },
  { flags: "--quiet", help: "cli.option.quiet" },
  { flags: "--baseline <previous.sarif>", help: "cli.option.baseline" },
  { flags: "--lang <lang>", help: "cli.option.lang", choices: ["zh", "en"] },
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
      s in MESSAGES.cli.help ? t(`cli.help.${s as keyof typeof MESSAGES.cli.help}`, lang) : s,
    optionDescription(option: Option): string {
      const extra: string[] = [];
      if (option.argChoices) extra.push(t("cli.help.choices", lang, { list: option.argChoices.join(", ") }));
      if (option.defaultValue !== undefined)
        extra.push(t("cli.help.default", lang, { value: String(option.defaultValue) }));
      return extra.length ? `${option.description} (${extra.join("; ")})` : option.description;
    },
  };
}

/** commander's error, in our words and language. */
function optionErrorMessage(e: CommanderError, lang: Lang): string {
  const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? "";
  const detail = e.message.replace(/^error:\s*/, "");
  let text: string;
  switch (e.code) {
    case "commander.unknownOption":
      text = t("cli.optionError.unknownOption", lang, { name: quoted });
      break;
    case "commander.optionMissingArgument":
    case "commander.missingArgument":
      text = t("cli.optionError.missingArgument", lang, { name: /--[\w-]+/.exec(quoted)?.[0] ?? quoted });
      break;
    case "commander.invalidArgument": {
      const value = /argument '([^']+)'/.exec(e.message)?.[1] ?? "";
      const flags = /option '([^']+)'/.exec(e.message)?.[1] ?? "";
      const option = /--[\w-]+/.exec(flags)?.[0] ?? flags;
      const choices = /Allowed choices are (.*)\./.exec(e.message)?.[1] ?? "";
      text = t("cli.optionError.invalidArgument", lang, {
        name: option,
        detail: choices
          ? t("cli.optionError.valueChoices", lang, {
              value,
              choices: t("cli.help.choices", lang, { list: choices }),
            })
          : value,
      });
      break;
    }
    case "commander.excessArguments":
      text = t("cli.optionError.excessArguments", lang, { detail });
      break;
    default:
      text = t("cli.optionError.other", lang, { detail });
  }
  return t("cli.optionError.withHint", lang, { text, hint: t("cli.optionError.hint", lang) });
}

type Chosen =
  | { kind: "check"; files: string[] }
  | { kind: "new"; out: string; opts: NewOptions }
  | { kind: "rules"; format: string };

export async function run(argv: string[], io: CliIO = defaultIO): Promise<number> {
  const lang = chooseLang(argv, io.env ?? process.env);
  const chosen: { cmd?: Chosen } = {};
  const program = new Command("perf-target-check")
    .description(t("cli.help.description", lang))
    .usage(
      t("cli.option.usage", lang) +
        "\n       perf-target-check rules [--format text|json]" +
        "\n       perf-target-check new OUT.xlsx [--template ID] [--dept 部门名称] [--year YYYY] [--projects N] [--force]",
    )
    .version(VERSION, "-V, --version", t("cli.help.versionOption", lang))
    .helpOption("-h, --help", t("cli.help.helpOption", lang))
    .configureHelp(localHelp(lang))
    .argument("[files...]", t("cli.option.files", lang));
  for (const row of CHECK_OPTIONS) {
    const o = new Option(row.flags, t(row.help, lang));
    if (row.choices) o.choices(row.choices);
    if (row.default !== undefined) o.default(row.default);
    program.addOption(o);
  }
  program.addOption(
    new Option(
      "-j, --jobs <n>",
      t("cli.option.jobs", lang, { jobs: defaultJobs(), perWorker: FILES_PER_WORKER }),
    ),
  );
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
    .description(t("cli.option.rules", lang))
    .helpOption("-h, --help", t("cli.help.helpOption", lang))
    .configureHelp(localHelp(lang))
    .addOption(
      new Option("-f, --format <format>", t("cli.option.format", lang))
        .choices(["text", "json"])
        .default("text"),
    )
    .addOption(new Option("--lang <lang>", t("cli.option.langShort", lang)).choices(["zh", "en"]))
    .action((opts: { format: string }) => {
      chosen.cmd = { kind: "rules", format: opts.format };
    });
  program
    .command("new")
    .description(t("cli.option.new", lang))
    .helpOption("-h, --help", t("cli.help.helpOption", lang))
    .configureHelp(localHelp(lang))
    .argument("<out.xlsx>", t("cli.option.newOut", lang))
    .option("--template <id>", t("cli.option.newTemplate", lang, { template: DEFAULT_TEMPLATE }))
    .addHelpText("after", () => "\n" + templateList(lang, true))
    .option("--dept <name>", t("cli.option.newDept", lang))
    .option(
      "--year <year>",
      t("cli.option.newYear", lang, { min: TEMPLATE_LIMITS.minYear, max: TEMPLATE_LIMITS.maxYear }),
    )
    .option(
      "--projects <n>",
      t("cli.option.newProjects", lang, {
        min: TEMPLATE_LIMITS.minProjects,
        max: TEMPLATE_LIMITS.maxProjects,
      }),
      "1",
    )
    .option("--force", t("cli.option.newForce", lang))
    .addOption(new Option("--lang <lang>", t("cli.option.langShort", lang)).choices(["zh", "en"]))
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
    io.stderr(t("cli.noFiles", lang) + "\n");
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
    say(t("cli.badJobs", lang, { value: opts.jobs ?? "" }));
    return EXIT.notChecked;
  }
  const mwText = opts.maxWarnings?.trim();
  const maxWarnings = mwText === undefined ? undefined : /^\d{1,9}$/.test(mwText) ? Number(mwText) : -1;
  if (maxWarnings !== undefined && maxWarnings < 0) {
    say(t("cli.badMaxWarnings", lang, { value: opts.maxWarnings ?? "" }));
    return EXIT.notChecked;
  }
  if (opts.annotate && opts.annotateDir) {
    say(t("cli.annotateBoth", lang));
    return EXIT.notChecked;
  }

  const { entries, unmatched, roots } = expandInputs(args);
  if (unmatched.length > 0) {
    for (const u of unmatched) {
      say(
        u.kind === "glob"
          ? t("cli.noMatch", lang, { pattern: u.arg })
          : t("cli.emptyFolder", lang, { dir: u.arg }),
      );
    }
    return EXIT.notChecked;
  }
  const inputs = entries.map((e) => e.file);
  if (opts.annotate && (inputs.length !== 1 || entries[0].error)) {
    say(t("cli.annotateOne", lang));
    return EXIT.notChecked;
  }
  if (opts.fixSuggestions && !opts.fix) {
    say(t("cli.fix.suggestionsNeedFix", lang));
    return EXIT.notChecked;
  }
  if (opts.fix && (inputs.length !== 1 || entries[0].error)) {
    say(t("cli.fix.one", lang));
    return EXIT.notChecked;
  }
  // Never write an input: every output path is compared with every input before anything is checked.
  for (const out of [opts.output, opts.sarif, opts.csv, opts.annotate, opts.fix]) {
    const input = out ? inputAt(out, inputs) : undefined;
    if (out && input) {
      say(t("cli.outputIsInput", lang, { file: out, input }));
      return EXIT.notChecked;
    }
  }
  if (opts.annotateDir) {
    const inside = insideAny(opts.annotateDir, [...roots, ...entries.map((e) => dirname(e.file))]);
    if (inside) {
      say(t("cli.annotateDirInside", lang, { dir: opts.annotateDir, root: inside }));
      return EXIT.notChecked;
    }
  }
  let baseline: Set<string> | undefined;
  if (opts.baseline) {
    try {
      baseline = readBaseline(opts.baseline);
    } catch (e) {
      say(
        t("cli.baselineFailed", lang, {
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
      t("cli.baselineNote", lang, {
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
      say(t("cli.reportWritten", lang, { file }));
    } catch (e) {
      say(t("cli.reportFailed", lang, { file, reason: reasonOf(e) }));
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
        say(t("cli.annotateSkipped", lang, { file, status: t(`report.status.${checked.status}`, lang) }));
        continue;
      }
      const key = resolve(out).toLowerCase();
      if (used.has(key)) {
        say(t("cli.annotateClash", lang, { file, out }));
        writeFailed = true;
        continue;
      }
      used.add(key);
      const input = inputAt(out, inputs);
      if (input) {
        say(t("cli.outputIsInput", lang, { file: out, input }));
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
        say(t("cli.annotated", lang, { file: out }));
      } catch (e) {
        if (e instanceof OutputError && e.code === "exists") say(t("cli.outputExists", lang, { file: out }));
        else say(t("cli.annotateFailed", lang, { file: out, reason: reasonOf(e) }));
        writeFailed = true;
      }
    }
  }

  if (opts.fix && !(await writeFix(fixed, Boolean(opts.force), lang, say))) writeFailed = true;

  const s = totals(report);
  if (s.failed > 0 || writeFailed) return EXIT.notChecked;
  if (s.errors > 0) return EXIT.findings;
  if (maxWarnings !== undefined && s.warnings > maxWarnings) {
    say(t("cli.tooManyWarnings", lang, { warnings: s.warnings, max: maxWarnings }));
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
      say(t("cli.fix.skipped", lang, { file: file.file, status: t(`report.status.${file.status}`, lang) }));
      return false;
    }
    return true;
  }
  if (summary.cells.length === 0) {
    say(t("cli.fix.none", lang, { file: file.file, out: summary.out }));
    return true;
  }
  try {
    await writeFixedCopy(file.file, summary, force);
  } catch (e) {
    if (e instanceof OutputError && e.code === "exists")
      say(t("cli.outputExists", lang, { file: summary.out }));
    else say(t("cli.fix.failed", lang, { out: summary.out, reason: reasonOf(e) }));
    return false;
  }
  const counts = {
    out: summary.out,
    file: file.file,
    fixes: summary.fixes,
    suggestions: summary.suggestions ?? 0,
    cells: summary.cells.length,
  };
  if (summary.suggestions === undefined) say(t("cli.fix.written", lang, counts));
  else say(t("cli.fix.writtenSuggestions", lang, counts));
  for (const c of summary.cells) {
    const [before, after] = changedPart(c.before, c.after).map((v) => JSON.stringify(v));
    say(t("cli.fix.cell", lang, { sheet: c.sheet, cell: c.cell, before, after, rules: c.rules.join(", ") }));
  }
  for (const s of summary.skipped ?? [])
    say(t("cli.fix.skippedSuggestion", lang, { ...s, by: s.by.join(", ") }));
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
      ? t("cli.folderReason.denied", lang)
      : t("cli.folderReason.other", lang, { code: errno ?? "?" });
  return failedFileReport(
    e.file,
    e.error?.code ?? "unreadable",
    t("cli.folderUnreadable", lang, { dir: e.file, reason }),
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
  const cat = (c: string) =>
    c in MESSAGES.terms.category ? t(`terms.category.${c as keyof typeof MESSAGES.terms.category}`, lang) : c;
  const table = [
    t("cli.rulesHeader", lang).split("|"),
    ...rows.map((r) => [
      r.id,
      cat(r.category),
      t(`terms.severity.${r.severity}`, lang),
      r.description,
      r.helpUri,
    ]),
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
    io.stderr(t("cli.newBadYear", lang, { value: o.year ?? "", min: minYear, max: maxYear }) + "\n");
    return 2;
  }
  const projectsText = o.projects.trim();
  const projects = /^\d{1,4}$/.test(projectsText) ? Number(projectsText) : NaN;
  if (!(projects >= minProjects && projects <= maxProjects)) {
    io.stderr(
      t("cli.newBadProjects", lang, { value: o.projects, min: minProjects, max: maxProjects }) + "\n",
    );
    return 2;
  }
  if (!/\.xlsx$/i.test(out)) {
    io.stderr(t("cli.newBadOut", lang, { file: out }) + "\n");
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
        ? t("cli.newNotTarget", lang, { id: template, name: profile.name[lang], list })
        : t("cli.newUnknownTemplate", lang, { id: template, list })) + "\n",
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
    if (e.code === "exists") io.stderr(t("cli.newExists", lang, { file: out }) + "\n");
    else io.stderr(t("cli.newFailed", lang, { file: out, reason: writeFailureReason(e, lang) }) + "\n");
    return 2;
  }

  const sepText = t("terms.listSeparator", lang);
  const names = sheets.length > 6 ? [...sheets.slice(0, 3), "…", sheets[sheets.length - 1]] : sheets;
  const dongguan = template === DEFAULT_TEMPLATE;
  io.stdout(
    (dongguan
      ? t("cli.newWritten", lang, { file: out, year, projects })
      : t("cli.newWrittenTemplate", lang, {
          file: out,
          year,
          name: choice.name[lang],
          id: template,
          count: sheets.length,
        })) + "\n",
  );
  io.stdout("  " + t("cli.newSheets", lang, { sheets: names.join(sepText) }) + "\n");
  io.stdout(
    "  " +
      (dept
        ? t(dongguan ? "cli.newDept" : "cli.newDeptTemplate", lang, { dept })
        : t("cli.newNoDept", lang)) +
      "\n",
  );
  return 0;
}

/** The ids `new --template` accepts, one a line: id, kind, name (the default first). */
function templateList(lang: Lang, heading: boolean): string {
  const all = blankFormTemplates();
  const kinds = all.map((x) => t(`cli.newTemplateKind.${x.kind}`, lang));
  const idWidth = Math.max(...all.map((x) => x.id.length));
  const kindWidth = Math.max(...kinds.map(width));
  const rows = all.map(
    (x, i) =>
      `  ${x.id.padEnd(idWidth)}  ${kinds[i]}${" ".repeat(kindWidth - width(kinds[i]))}  ${x.name[lang]}`,
  );
  return (heading ? [t("cli.newTemplatesHelp", lang), ...rows] : rows).join("\n") + (heading ? "\n" : "");
}

function writeFailureReason(e: TemplateWriteError, lang: Lang): string {
  switch (e.errno) {
    case "ENOENT":
    case "ENOTDIR":
      return t("cli.newReason.noDir", lang);
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return t("cli.newReason.denied", lang);
    case "EISDIR":
      return t("cli.newReason.isDir", lang);
    default:
      return t("cli.newReason.other", lang, { code: e.errno ?? e.message });
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
