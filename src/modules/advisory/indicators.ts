// The school's observation-system indicators on an advisory's page, since the advisory began (to its
// closing, or today): computed by the observation module, for whoever may read the school's aggregates
// (its leaders, the coordinators advising it). A coordinator who reads the advisory without advising
// the school is told the indicators are not theirs to read (null with `mayRead` false).

import type { Actor } from "../../platform/policy";
import { mayReadSchoolDashboard, type SchoolIndicators, schoolIndicatorsSince } from "../observation";
import { type AdvisoryPage, indicatorSpan } from "./advisories";

export async function advisoryIndicators(
  actor: Actor,
  page: Pick<AdvisoryPage, "school" | "startsOn" | "status" | "closedAt">,
  timeZone: string,
  now = new Date(),
): Promise<{ mayRead: boolean; indicators: SchoolIndicators | null }> {
  if (!mayReadSchoolDashboard(actor, { organizationId: actor.organizationId, id: page.school.id }))
    return { mayRead: false, indicators: null };
  return {
    mayRead: true,
    indicators: await schoolIndicatorsSince(
      actor,
      page.school.id,
      indicatorSpan(page, timeZone),
      timeZone,
      now,
    ),
  };
}
