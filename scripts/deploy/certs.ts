/**
 * A trusted certificate for https://localhost, from office-addin-dev-certs (Microsoft's own tool
 * for Office add-ins: a local CA in ~/.office-addin-dev-certs and a localhost certificate it signs).
 *
 * The package generates the certificates on every platform. Trusting the CA: on Windows and Mac
 * its installer is used (certutil / security); on Linux its installer calls `sudo`, which a root
 * shell or a container often lacks, so the same copy into the system store is done here directly
 * when we are root, and printed as a command otherwise.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as devCerts from "office-addin-dev-certs";
import * as defaults from "office-addin-dev-certs/lib/defaults";

export interface DevCertificates {
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
  caPath: string;
  /** Whether the CA is in the system's trust store (false: the user was told how). */
  trusted: boolean;
  messages: string[];
}

const LINUX_STORE = "/usr/local/share/ca-certificates/office-addin-dev-certs";

export async function ensureDevCertificates(opts: { trust?: boolean } = {}): Promise<DevCertificates> {
  const messages: string[] = [];
  if (!devCerts.verifyCertificates()) {
    mkdirSync(defaults.certificateDirectory, { recursive: true });
    await devCerts.generateCertificates();
    messages.push(`已生成本机开发证书：${defaults.certificateDirectory}`);
  }
  let trusted = false;
  if (opts.trust !== false) {
    if (process.platform === "linux") trusted = trustOnLinux(defaults.caCertificatePath, messages);
    else {
      try {
        if (!devCerts.isCaCertificateInstalled()) await devCerts.installCaCertificate();
        trusted = devCerts.isCaCertificateInstalled();
      } catch (e) {
        messages.push(`无法把开发证书加入受信任的根证书：${(e as Error).message}`);
      }
    }
  } else {
    messages.push("未安装开发证书的信任（PTC_TRUST_CA=0）。");
  }
  return {
    ca: readFileSync(defaults.caCertificatePath),
    cert: readFileSync(defaults.localhostCertificatePath),
    key: readFileSync(defaults.localhostKeyPath),
    caPath: defaults.caCertificatePath,
    trusted,
    messages,
  };
}

function trustOnLinux(caPath: string, messages: string[]): boolean {
  const tool = "/usr/sbin/update-ca-certificates";
  const target = join(LINUX_STORE, "ca.crt");
  if (existsSync(target) && readFileSync(target).equals(readFileSync(caPath))) return true;
  if (!existsSync(tool) || process.getuid?.() !== 0) {
    messages.push(
      `要让本机信任开发证书，请执行：sudo mkdir -p ${LINUX_STORE} && sudo cp ${caPath} ${LINUX_STORE}/ && sudo ${tool}`,
    );
    return false;
  }
  mkdirSync(LINUX_STORE, { recursive: true });
  copyFileSync(caPath, target);
  execFileSync(tool, { stdio: "ignore" });
  messages.push(`已把开发证书加入系统信任（${target}）。`);
  return true;
}
