/** Severity colours shared by the badges, the row accents and the filter dots. */
import { tokens, type BadgeProps } from "@fluentui/react-components";
import type { Severity } from "../../core";

export const BADGE_COLOR: Record<Severity, NonNullable<BadgeProps["color"]>> = {
  error: "danger",
  warning: "warning",
  info: "brand",
};

export const ACCENT: Record<Severity, string> = {
  error: tokens.colorPaletteRedBorder2,
  warning: tokens.colorPaletteMarigoldBorder2,
  info: tokens.colorBrandStroke1,
};

export const DOT: Record<Severity, string> = {
  error: tokens.colorPaletteRedBackground3,
  warning: tokens.colorPaletteMarigoldBackground3,
  info: tokens.colorBrandBackground,
};
