export declare const DEV_URL: string;
export interface OfficeJsOrigin {
  kind: "cdn" | "21vianet" | "local";
  /** The script's src: absolute for a CDN, relative to the add-in for the local copy. */
  src: string;
  /** The origin to allow in the Content-Security-Policy; null for the add-in's own. */
  origin: string | null;
}
export declare const OFFICE_JS: Record<OfficeJsOrigin["kind"], Omit<OfficeJsOrigin, "kind">>;
export interface BuildSettings {
  addinUrl: string;
  officeJs: OfficeJsOrigin;
  version: string;
  sourceMaps: boolean;
}
export declare class SettingsError extends Error {}
export declare function addinUrl(value: string | undefined): string;
export declare function officeJs(value: string | undefined): OfficeJsOrigin;
export declare function manifestVersion(packageVersion: string): string;
export declare function buildSettings(
  env?: Record<string, string | undefined>,
  packageVersion?: string,
): BuildSettings;
export declare function rewriteManifest(xml: string, settings: BuildSettings): string;
export declare function contentSecurityPolicy(settings: BuildSettings): string;
export declare function isOfficeJsFile(relativePath: string): boolean;
export declare function devServerHttps(home?: string): { key: Buffer; cert: Buffer; ca: Buffer } | undefined;
