/** Sideloading plans per platform, as data: what `npm start` / `npm stop` do on each. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  macWefFolder,
  manifestId,
  sideloadPlan,
  unloadPlan,
  WINDOWS_DEVELOPER_KEY,
} from "../../scripts/deploy/sideload";

const id = manifestId(readFileSync(join(__dirname, "..", "..", "manifest.xml"), "utf8"));

describe("sideloading", () => {
  it("reads the add-in's id from the manifest", () => {
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(() => manifestId("<OfficeApp/>")).toThrow(/Id/);
  });

  it("Windows: one value under the developer registry key, removed by npm stop", () => {
    const plan = sideloadPlan("win32", "C:\\dev\\ptc\\.dev\\manifest.xml", id, "https://localhost:3000/");
    expect(plan.automatic).toBe(true);
    expect(plan.steps[0]).toEqual({
      kind: "run",
      command: "reg",
      args: [
        "add",
        WINDOWS_DEVELOPER_KEY,
        "/v",
        id,
        "/t",
        "REG_SZ",
        "/d",
        "C:\\dev\\ptc\\.dev\\manifest.xml",
        "/f",
      ],
    });
    expect(WINDOWS_DEVELOPER_KEY).toBe("HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer");
    expect(unloadPlan("win32", id).steps).toEqual([
      { kind: "run", command: "reg", args: ["delete", WINDOWS_DEVELOPER_KEY, "/v", id, "/f"] },
    ]);
  });

  it("Mac: the manifest copied into Excel's wef folder, removed by npm stop", () => {
    const plan = sideloadPlan(
      "darwin",
      "/Users/a/ptc/.dev/manifest.xml",
      id,
      "https://localhost:3000/",
      "/Users/a",
    );
    const target = join(
      "/Users/a",
      "Library/Containers/com.microsoft.Excel/Data/Documents/wef",
      `${id}.manifest.xml`,
    );
    expect(plan.steps[0]).toEqual({ kind: "copy", from: "/Users/a/ptc/.dev/manifest.xml", to: target });
    expect(macWefFolder("/Users/a")).toBe(
      join("/Users/a", "Library/Containers/com.microsoft.Excel/Data/Documents/wef"),
    );
    expect(unloadPlan("darwin", id, "/Users/a").steps).toEqual([{ kind: "remove", path: target }]);
  });

  it("Linux: no desktop Excel — the steps for Excel on the web, nothing run", () => {
    const plan = sideloadPlan("linux", "/work/ptc/.dev/manifest.xml", id, "https://localhost:3000/");
    expect(plan.automatic).toBe(false);
    expect(plan.steps).toHaveLength(1);
    const text = plan.steps[0].kind === "print" ? plan.steps[0].text : "";
    expect(text).toContain("没有桌面版 Excel");
    expect(text).toContain("https://localhost:3000/taskpane.html");
    expect(text).toContain("/work/ptc/.dev/manifest.xml");
    expect(unloadPlan("linux", id).steps).toEqual([]);
  });
});
