/**
 * `perf-target-check new OUT.xlsx --template ID` for every target-form profile: the written workbook,
 * read back with the lean reader, is detected as that same profile, its fields and indicator table are
 * read, and the only findings are completeness ones (the blanks to fill).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkWorkbook } from "../../src/checker";
import { run } from "../../src/cli/main";
import { readXlsxFile } from "../../src/hosts/xlsx/read-xlsx";
import { blankFormTemplates } from "../../src/template/profile-layout";
import { PROFILES, PROFILES_BY_ID } from "../../src/templates";

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

// Writing and reading workbooks back takes seconds on a loaded machine.
jest.setTimeout(30000);

const tmp = mkdtempSync(join(tmpdir(), "ptc-new-template-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const TARGET_PROFILES = PROFILES.filter((p) => p.kind === "project" || p.kind === "department");

describe("new --template: the list of templates", () => {
  it("offers every target-form profile, the Dongguan default first, and no other family", () => {
    const ids = blankFormTemplates().map((t) => t.id);
    expect(ids[0]).toBe("dongguan-2026");
    expect(ids.slice(1).sort()).toEqual(TARGET_PROFILES.map((p) => p.id).sort());
    expect(ids).not.toContain("self-assessment");
    expect(ids).not.toContain("evaluation-report");
  });

  it("shows the ids in `new --help`", async () => {
    const { code, out } = await cli("new", "--help");
    expect(code).toBe(0);
    expect(out).toContain("--template <id>");
    for (const p of TARGET_PROFILES) expect(out).toContain(p.id);
  });

  it("refuses an unknown id with the list of ids, exit 2, and writes nothing", async () => {
    const file = join(tmp, "unknown.xlsx");
    const { code, err, out } = await cli("new", file, "--template", "zhejiang-2030");
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain("未知的模板：zhejiang-2030");
    expect(err).toContain("hunan-2023-project");
    expect(err).toContain("mof-2015-department");
    await expect(readXlsxFile(file)).rejects.toThrow();
  });

  it.each(["self-assessment", "evaluation-report"])(
    "refuses the non-target family %s, exit 2",
    async (id) => {
      const { code, err } = await cli("new", join(tmp, `${id}.xlsx`), "--template", id, "--lang", "en");
      expect(code).toBe(2);
      expect(err).toContain(`The template ${id} (${PROFILES_BY_ID.get(id)!.name.en}) is not a target form`);
    },
  );
});

describe.each(TARGET_PROFILES.map((p) => [p.id, p] as const))("new --template %s", (id, profile) => {
  const file = join(tmp, `${id}.xlsx`);
  let written: { code: number; out: string; err: string };
  beforeAll(async () => {
    written = await cli(
      "new",
      file,
      "--template",
      id,
      "--projects",
      "2",
      "--dept",
      "测试局",
      "--year",
      "2027",
    );
  });

  it("writes the workbook", () => {
    expect(written.err).toBe("");
    expect(written.code).toBe(0);
    expect(written.out).toContain(file);
  });

  it("reads back as forms of that profile, fields and table read, only completeness findings", async () => {
    const { model, diagnostics } = checkWorkbook(await readXlsxFile(file));
    const expected = profile.kind === "department" ? 1 : 2;
    expect(model.forms).toHaveLength(expected);
    for (const form of model.forms) {
      expect(form.kind).toBe(profile.kind);
      expect(form.template?.id).toBe(id);
      expect(form.indicatorHeader).not.toBeNull();
      expect(form.structureIssues).toEqual([]);
      expect(form.layoutNotes).toEqual([]);
      if (!profile.canonical) {
        // Every field of the profile is found, each at its own label.
        expect(form.fields?.map((f) => f.role)).toEqual(profile.fields.map((f) => f.role));
        const labelCells = new Set(form.fields?.map((f) => `${f.labelRef.row},${f.labelRef.col}`));
        expect(labelCells.size).toBe(profile.fields.length);
        // The standard 二级 slots of the tree are read (a tree whose 二级 map onto the rules' vocabulary).
        const canonicalSlots = new Set(
          profile.tree === "flat" || profile.tree === "TNDRC" ? [] : form.slots.map((s) => s.level2),
        );
        if (form.treeRequired)
          for (const l2 of form.treeRequired.level2) expect(canonicalSlots).toContain(l2);
      }
      const dept = form.fields?.find((f) => ["deptName", "department", "implementingUnit"].includes(f.role));
      if (dept) expect(dept.text).toBe("测试局");
    }
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.filter((d) => d.category !== "required")).toEqual([]);
  });
});
