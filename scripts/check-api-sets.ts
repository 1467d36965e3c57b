/**
 * Fails when the Office.js adapter (src/hosts/excel/, src/commands/) calls a member whose
 * `[Api set: …]` tag in @types/office-js is above the manifest's minimum (manifest.xml) and the
 * call is not guarded. Guarded = inside the true branch of an `if`, `?:` or `&&` whose condition calls
 * `isSetSupported("Set", "x.y")` or `api("x.y")` (ExcelApi) with a version at least the member's, or
 * tests a const initialised so. Prints the table member → set → guarded (the README's table).
 *
 *   npx tsx scripts/check-api-sets.ts [--table]
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";

const ROOT = resolve(__dirname, "..");
const DIRS = ["src/hosts/excel", "src/commands"];

function manifestMinimum(): Map<string, string> {
  const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<Set\s+Name="([^"]+)"\s+MinVersion="([^"]+)"/g)) out.set(m[1], m[2]);
  return out;
}

const cmp = (a: string, b: string) => {
  const [a1, a2] = a.split(".").map(Number);
  const [b1, b2] = b.split(".").map(Number);
  return a1 - b1 || (a2 ?? 0) - (b2 ?? 0);
};

function filesIn(dir: string): string[] {
  return readdirSync(join(ROOT, dir))
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => join(ROOT, dir, f));
}

/** The requirement set of a declaration: `[Api set: ExcelApi 1.9]` or `**Requirement set**: … | DialogApi 1.2}`. */
function apiSetOf(decl: ts.Declaration): { set: string; version: string } | null {
  const text = decl.getSourceFile().text;
  const ranges = ts.getLeadingCommentRanges(text, decl.getFullStart()) ?? [];
  for (const r of ranges) {
    const c = text.slice(r.pos, r.end);
    const m =
      /\[Api set: (\w+) (\d+\.\d+)/.exec(c) ?? /Requirement set\*\*:[^|]*\|\s*(\w+?) ?(\d+\.\d+)?\}/.exec(c);
    // Mailbox sets are Outlook's: the common API's docs cite them for Outlook only.
    if (m && m[1] !== "Mailbox") return { set: m[1], version: m[2] ?? "1.1" };
  }
  return null;
}

interface Row {
  member: string;
  set: string;
  version: string;
  guarded: boolean;
  where: string;
}

export function check(): { rows: Row[]; failures: Row[] } {
  const files = DIRS.flatMap(filesIn);
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: ["office-js"],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const minimum = manifestMinimum();
  const rows: Row[] = [];

  /** Versions a condition guarantees: set → version. */
  function guaranteed(cond: ts.Expression, out: Map<string, string>): void {
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n)) {
        const callee = n.expression.getText();
        const args = n.arguments.map((a) => (ts.isStringLiteral(a) ? a.text : null));
        if (/isSetSupported$/.test(callee) && args[0] && args[1]) put(out, args[0], args[1]);
        else if (/(^|\.)api$/.test(callee) && args[0]) put(out, "ExcelApi", args[0]);
      } else if (ts.isIdentifier(n)) {
        const sym = checker.getSymbolAtLocation(n);
        const d = sym?.valueDeclaration;
        if (d && ts.isVariableDeclaration(d) && d.initializer && d.getSourceFile() === n.getSourceFile())
          guaranteed(d.initializer, out);
      }
      ts.forEachChild(n, visit);
    };
    visit(cond);
  }
  const put = (m: Map<string, string>, set: string, v: string) => {
    if (!m.has(set) || cmp(v, m.get(set)!) > 0) m.set(set, v);
  };

  function guardsAt(node: ts.Node): Map<string, string> {
    const out = new Map<string, string>();
    let child: ts.Node = node;
    for (let p = node.parent; p; child = p, p = p.parent) {
      if (ts.isIfStatement(p) && p.thenStatement === child) guaranteed(p.expression, out);
      if (ts.isConditionalExpression(p) && p.whenTrue === child) guaranteed(p.condition, out);
      if (
        ts.isBinaryExpression(p) &&
        p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
        p.right === child
      )
        guaranteed(p.left, out);
      // `if (!supported) { …; return; }` before the use, in the same block.
      if (ts.isBlock(p) || ts.isSourceFile(p)) {
        for (const st of p.statements) {
          if (st.pos >= child.pos) break;
          if (
            ts.isIfStatement(st) &&
            ts.isPrefixUnaryExpression(st.expression) &&
            st.expression.operator === ts.SyntaxKind.ExclamationToken &&
            /return|throw/.test(st.thenStatement.getText())
          )
            guaranteed(st.expression.operand, out);
        }
      }
    }
    return out;
  }

  for (const sf of program.getSourceFiles()) {
    if (!files.includes(resolve(sf.fileName))) continue;
    const visit = (n: ts.Node): void => {
      if (ts.isPropertyAccessExpression(n)) {
        const sym = checker.getSymbolAtLocation(n.name);
        for (const decl of sym?.declarations ?? []) {
          if (!decl.getSourceFile().fileName.includes("@types/office-js")) continue;
          const tag = apiSetOf(decl);
          if (!tag) continue;
          const parent = decl.parent as ts.Node & { name?: ts.Identifier };
          const owner = parent && "name" in parent && parent.name ? parent.name.getText() : "?";
          const min = minimum.get(tag.set);
          const needsGuard = !min || cmp(tag.version, min) > 0;
          const have = guardsAt(n).get(tag.set);
          const guarded = needsGuard && have !== undefined && cmp(have, tag.version) >= 0;
          const { line } = sf.getLineAndCharacterOfPosition(n.getStart());
          rows.push({
            member: `${owner}.${n.name.text}`,
            set: tag.set,
            version: tag.version,
            guarded: needsGuard ? guarded : true,
            where: `${sf.fileName.slice(ROOT.length + 1)}:${line + 1}`,
          });
          break;
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  const failures = rows.filter((r) => !r.guarded);
  return { rows, failures };
}

if (require.main === module) {
  const { rows, failures } = check();
  const minimum = manifestMinimum();
  if (process.argv.includes("--table")) {
    const seen = new Map<string, Row & { needs: boolean }>();
    for (const r of rows) {
      const min = minimum.get(r.set);
      const needs = !min || cmp(r.version, min) > 0;
      if (!seen.has(r.member)) seen.set(r.member, { ...r, needs });
    }
    console.log("| Member | Requirement set | Guarded |\n|---|---|---|");
    for (const r of [...seen.values()].sort((a, b) => a.member.localeCompare(b.member)))
      console.log(
        `| \`${r.member}\` | ${r.set} ${r.version} | ${r.needs ? "yes (isSetSupported)" : "— (in the manifest's minimum)"} |`,
      );
  }
  if (failures.length > 0) {
    for (const f of failures)
      console.error(
        `${f.where}: ${f.member} needs ${f.set} ${f.version}, above the manifest's minimum, and is not guarded by isSetSupported`,
      );
    process.exit(1);
  }
  console.log(
    `check-api-sets: ${rows.length} Office.js member uses, all within the manifest's minimum or guarded.`,
  );
}
