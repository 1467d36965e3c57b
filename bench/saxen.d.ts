/** The part of saxen's API bench/xml-scan.ts uses (the package ships no typings). */
declare module "saxen" {
  export class Parser {
    on(event: "openTag", fn: (name: string, getAttrs: () => Record<string, string>) => void): this;
    on(event: "text", fn: (text: string) => void): this;
    on(event: "error", fn: (e: Error) => void): this;
    parse(xml: string): this;
  }
}
