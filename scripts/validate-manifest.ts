/**
 * npm run validate [FILE]: checks a manifest against Microsoft's add-in manifest XML schemas,
 * offline (xmllint). Microsoft's `office-addin-manifest validate` uploads the manifest to a web
 * service, which an intranet must not do and cannot reach. Default: dist/addin/manifest.xml when
 * built, else the repository's manifest.xml.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..");
const schema = join(ROOT, "test", "addin", "manifest-schema", "OfficeAppManifestV1_1.xsd");
const built = join(ROOT, "dist", "addin", "manifest.xml");
const file = resolve(process.argv[2] ?? (existsSync(built) ? built : join(ROOT, "manifest.xml")));

if (!existsSync(file)) {
  console.error(`找不到清单文件：${file}`);
  process.exit(2);
}
try {
  execFileSync("xmllint", ["--noout", "--schema", schema, file], { stdio: ["ignore", "inherit", "pipe"] });
  console.log(`${file}：符合加载项清单的 XML 架构 / validates against the manifest schema`);
} catch (e) {
  const err = e as { code?: string; stderr?: Buffer };
  if (err.code === "ENOENT") {
    console.error("需要 xmllint（Debian/Ubuntu：apt-get install libxml2-utils）/ xmllint is required");
    process.exit(2);
  }
  process.stderr.write(err.stderr ?? "");
  process.exit(1);
}
