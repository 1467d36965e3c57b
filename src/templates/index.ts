/**
 * Every template profile, in one list. Detection (src/engine/detect.ts) scores each of them on each
 * form and picks the best; `CheckOptions.templates` forces one or more by id.
 */
import { dongguan2026Department, dongguan2026Project } from "./profiles/dongguan-2026";
import { mof2015Project } from "./profiles/mof-2015-project";
import { mof2015Department } from "./profiles/mof-2015-department";
import { generic2011Project } from "./profiles/generic-2011-project";
import { hunan2023Project } from "./profiles/hunan-2023-project";
import { poverty2019Project } from "./profiles/poverty-2019-project";
import { wuhaiYitihuaProject, yitihuaExportProject } from "./profiles/yitihua-export";
import { ezhou2020Project } from "./profiles/hubei-ezhou-2020-project";
import { gansu2023Project } from "./profiles/gansu-2023-project";
import { chongqingApproval2023, chongqingGeneral2023 } from "./profiles/chongqing-2023-project";
import { hunanSpecial2023 } from "./profiles/hunan-special-2023-project";
import { ndrcInvestment } from "./profiles/ndrc-investment";
import { hubeiDepartment, hunanDepartment, jiangxiDepartment } from "./profiles/department-provincial";
import { evaluationReport, selfAssessment } from "./profiles/not-target";
import type { Bilingual, ProfileKind, TemplateProfile } from "./types";

export type { TemplateProfile } from "./types";
export { TREES } from "./trees";

export const PROFILES: readonly TemplateProfile[] = [
  dongguan2026Project,
  dongguan2026Department,
  mof2015Project,
  mof2015Department,
  generic2011Project,
  hunan2023Project,
  poverty2019Project,
  wuhaiYitihuaProject,
  yitihuaExportProject,
  ezhou2020Project,
  gansu2023Project,
  chongqingGeneral2023,
  chongqingApproval2023,
  hunanSpecial2023,
  ndrcInvestment,
  hubeiDepartment,
  hunanDepartment,
  jiangxiDepartment,
  selfAssessment,
  evaluationReport,
];

export const PROFILES_BY_ID: ReadonlyMap<string, TemplateProfile> = new Map(PROFILES.map((p) => [p.id, p]));

/** What `--template ID` validation and the task pane show. */
export interface ProfileSummary {
  id: string;
  family: string;
  name: Bilingual;
  kind: ProfileKind;
}

export const PROFILE_LIST: readonly ProfileSummary[] = PROFILES.map((p) => ({
  id: p.id,
  family: p.family,
  name: p.name,
  kind: p.kind,
}));
