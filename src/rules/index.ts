/** The rule catalogue. Order is presentation order only; rules are independent. */
import projectSum from "./project-sum";
import requiredField from "./required-field";
import shiftedLayout from "./shifted-layout";
import noForm from "./no-form";
import type { Rule } from "./types";

export const ALL_RULES: readonly Rule[] = [noForm, shiftedLayout, requiredField, projectSum] as Rule[];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map((r) => [r.meta.id, r]));
