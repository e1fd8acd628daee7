// Who may read the organization's impact (issue #18): its coordinators. The public summary
// (headline figures, no personal data) needs no rule: anyone reads it by the organization's address.
import { allow, isCoordinator } from "../../platform/policy";

export type ImpactSubject = { organizationId: string };
export type FunderReportSubject = { organizationId: string; reportId: string };

declare module "../../platform/policy" {
  interface PolicyRules {
    "impact:read": ImpactSubject;
    "funder_report:create": ImpactSubject;
    "funder_report:read": FunderReportSubject;
  }
}

allow("read", "impact", (a) => isCoordinator(a));
allow("create", "funder_report", (a) => isCoordinator(a));
// Any coordinator of the organization downloads any of its reports (they hold figures, no personal data).
allow("read", "funder_report", (a) => isCoordinator(a));
