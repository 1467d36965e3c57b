/**
 * Sideloading the development manifest into desktop Excel, as `office-addin-dev-settings` does,
 * without it: that package's peer (@microsoft/m365agentstoolkit-cli) pulls in ~570 packages,
 * among them applicationinsights, and does not install cleanly from the registry here.
 *
 * - Windows: the developer registry key HKCU\Software\Microsoft\Office\16.0\WEF\Developer holds one
 *   value per add-in (name: the manifest's Id, data: the manifest's path); Excel loads it on start.
 * - Mac: Excel loads every manifest in ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef.
 * - Anywhere else there is no desktop Excel: the steps for Excel on the web are printed.
 *
 * The plan is data (commands and files), so each platform's plan is tested on any machine.
 */
import { homedir } from "node:os";
import { join } from "node:path";

export const WINDOWS_DEVELOPER_KEY = "HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer";

export type SideloadStep =
  | { kind: "run"; command: string; args: string[] }
  | { kind: "copy"; from: string; to: string }
  | { kind: "remove"; path: string }
  | { kind: "print"; text: string };

export interface SideloadPlan {
  /** Whether the plan loads the add-in itself (false: the user follows printed steps). */
  automatic: boolean;
  steps: SideloadStep[];
}

/** The Mac folder Excel reads sideloaded manifests from. */
export function macWefFolder(home = homedir()): string {
  return join(home, "Library", "Containers", "com.microsoft.Excel", "Data", "Documents", "wef");
}

/** Reads the add-in's Id from manifest.xml's text. */
export function manifestId(xml: string): string {
  const m = /<Id>\s*([0-9a-fA-F-]{36})\s*<\/Id>/.exec(xml);
  if (!m) throw new Error("manifest.xml has no <Id>");
  return m[1];
}

export function sideloadPlan(
  platform: NodeJS.Platform,
  manifestPath: string,
  id: string,
  url: string,
  home?: string,
): SideloadPlan {
  switch (platform) {
    case "win32":
      return {
        automatic: true,
        steps: [
          {
            kind: "run",
            command: "reg",
            args: ["add", WINDOWS_DEVELOPER_KEY, "/v", id, "/t", "REG_SZ", "/d", manifestPath, "/f"],
          },
          {
            kind: "print",
            text: "已登记到 Excel 的开发者加载项。请（重新）启动 Excel，在「开始」选项卡中找到「绩效目标表检查」。",
          },
        ],
      };
    case "darwin":
      return {
        automatic: true,
        steps: [
          { kind: "copy", from: manifestPath, to: join(macWefFolder(home), `${id}.manifest.xml`) },
          {
            kind: "print",
            text: "已复制到 Excel 的 wef 文件夹。请（重新）启动 Excel，在「开始」选项卡中找到「绩效目标表检查」。",
          },
        ],
      };
    default:
      return {
        automatic: false,
        steps: [
          {
            kind: "print",
            text: [
              "本机没有桌面版 Excel（只有 Windows 和 Mac 有），无法自动旁加载。服务器已在运行：",
              `  ${url}taskpane.html`,
              "在 Excel 网页版中使用：打开一个工作簿 › 「开始」›「加载项」›「更多设置」/「上传我的加载项」，",
              `选择 ${manifestPath}。`,
              "No desktop Excel on this machine (only Windows and Mac have one): the server runs; in Excel on",
              "the web, open a workbook › Home › Add-ins › Upload My Add-in, and choose the manifest above.",
            ].join("\n"),
          },
        ],
      };
  }
}

export function unloadPlan(platform: NodeJS.Platform, id: string, home?: string): SideloadPlan {
  switch (platform) {
    case "win32":
      return {
        automatic: true,
        steps: [{ kind: "run", command: "reg", args: ["delete", WINDOWS_DEVELOPER_KEY, "/v", id, "/f"] }],
      };
    case "darwin":
      return {
        automatic: true,
        steps: [{ kind: "remove", path: join(macWefFolder(home), `${id}.manifest.xml`) }],
      };
    default:
      return { automatic: false, steps: [] };
  }
}
