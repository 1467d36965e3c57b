/** The rule catalogue (spec/rules.md). Order is presentation order only; rules are independent. */
import amount from "./amount";
import annualTypo from "./annual-typo";
import budgetYear from "./budget-year";
import duplicateIndicator from "./duplicate-indicator";
import indicatorValue from "./indicator-value";
import level2Parent from "./level2-parent";
import missingSection from "./missing-section";
import owner from "./owner";
import periodYears from "./period-years";
import requiredIndicators from "./required-indicators";
import taskProject from "./task-project";
import unknownLevel1 from "./unknown-level1";
import costOperator from "./cost-operator";
import costRebuild from "./cost-rebuild";
import costWithinBudget from "./cost-within-budget";
import countYear from "./count-year";
import deptVsProject from "./dept-vs-project";
import deptBalance from "./dept-balance";
import budgetSum from "./budget-sum";
import developmentSplit from "./development-split";
import keyTasksTotal from "./key-tasks-total";
import noForm from "./no-form";
import notTargetForm from "./not-target-form";
import unknownTemplate from "./unknown-template";
import percentRange from "./percent-range";
import projectSum from "./project-sum";
import requiredField from "./required-field";
import shiftedLayout from "./shifted-layout";
import textFigures from "./text-figures";
import textHygiene from "./text-hygiene";
import type { Rule } from "./types";
import unitMissing from "./unit-missing";
import unquantified from "./unquantified";

export const ALL_RULES: readonly Rule[] = [
  // the form and its indicator tree (categories: see each rule's meta)
  noForm,
  notTargetForm,
  unknownTemplate,
  missingSection,
  unknownLevel1,
  level2Parent,
  shiftedLayout,
  duplicateIndicator,
  // required
  requiredField,
  indicatorValue,
  requiredIndicators,
  // how values are written
  amount,
  countYear,
  percentRange,
  unitMissing,
  unquantified,
  costOperator,
  textHygiene,
  // sums
  deptBalance,
  budgetSum,
  developmentSplit,
  projectSum,
  keyTasksTotal,
  costWithinBudget,
  // consistency
  periodYears,
  budgetYear,
  taskProject,
  owner,
  annualTypo,
  costRebuild,
  deptVsProject,
  textFigures,
] as Rule[];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map((r) => [r.meta.id, r]));
