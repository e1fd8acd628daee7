// The impact module's public face (issue #18): the coordinators' impact figures, the funder report and
// the public summary.
import "./policy";
import "./personal-data";
import "./report";

export {
  cachedImpactFigures,
  computeImpactFigures,
  type ImpactFigures,
  type ImpactScope,
  impactCacheStats,
  type SchoolTimeOnTask,
} from "./figures";
export {
  currentYear,
  type ImpactPage,
  type ImpactQuery,
  impactPage,
  impactYears,
  mayReadImpact,
  type PublicImpact,
  publicImpact,
} from "./impact";
export {
  countryName,
  FUNDER_REPORT_JOB,
  type FunderReportRow,
  funderReportFile,
  funderReportFiles,
  getFunderReport,
  headline,
  listFunderReports,
  points,
  requestFunderReport,
  runFunderReport,
} from "./report";
export { funderReports } from "./schema";
