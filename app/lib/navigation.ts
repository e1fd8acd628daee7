import type { MessageKey } from "~/messages";
import { hasCommunity } from "~/modules/community";
import { mayReadImpact } from "~/modules/impact";
import { managesPairings, mentorsSomeone } from "~/modules/mentoring";
import { observationHome } from "~/modules/observation";
import { worksWithSchools } from "~/modules/people";
import { mayHandlePrivacyRequests } from "~/modules/privacy";
import { hasWellbeing } from "~/modules/wellbeing";
import { type Actor, can } from "~/platform/policy";

export interface NavItem {
  to: string;
  label: MessageKey;
  /**
   * Marked as the current page only on its own address, not on the pages under it, when another item
   * lives under it (/observaciones and /observaciones/red, /personas/:id and …/desarrollo): one item is
   * current at a time.
   */
  end: boolean;
}

/**
 * The main menu: only what the actor may open. `facts` are what the menu needs that the actor does
 * not carry (read by the root loader): whether a school the actor leads has an advisory.
 */
export function navigationFor(actor: Actor, facts: { advisories?: boolean } = {}): NavItem[] {
  const org = { organizationId: actor.organizationId };
  const items: Array<Omit<NavItem, "end">> = [{ to: "/", label: "nav.home" }];
  const observation = observationHome(actor);
  if (observation.observes) items.push({ to: "/observaciones", label: "nav.observations" });
  if (observation.ledSchoolIds[0])
    items.push({
      to: `/establecimientos/${observation.ledSchoolIds[0]}/observacion`,
      label: "nav.school_dashboard",
    });
  if (observation.network) items.push({ to: "/observaciones/red", label: "nav.network" });
  if (observation.calibrations) items.push({ to: "/calibraciones", label: "nav.calibrations" });
  if (observation.teaches)
    items.push({ to: `/personas/${actor.personId}/desarrollo`, label: "nav.development" });
  // Observers read instruments and steps from the home page; the menu keeps them for the staff who edit them.
  if (observation.setup && can(actor, "manage", "observation_setup", org)) {
    items.push({ to: "/pautas", label: "nav.instruments" });
    items.push({ to: "/pasos", label: "nav.catalogue" });
  }
  if (hasCommunity(actor)) items.push({ to: "/comunidad", label: "nav.community" });
  if (hasWellbeing(actor)) items.push({ to: "/bienestar", label: "nav.wellbeing" });
  // mentors with mentees in force, and the coordinators who pair them (issue #18)
  if (mentorsSomeone(actor) || managesPairings(actor))
    items.push({ to: "/mentoria", label: "nav.mentoring" });
  if (facts.advisories) items.push({ to: "/asesorias", label: "nav.advisories" });
  if (can(actor, "list", "course", org)) items.push({ to: "/cursos", label: "nav.courses" });
  if (can(actor, "list", "school", org) && worksWithSchools(actor))
    items.push({ to: "/establecimientos", label: "nav.schools" });
  if (can(actor, "list", "person", org)) items.push({ to: "/personas", label: "nav.people" });
  if (mayReadImpact(actor)) items.push({ to: "/impacto", label: "nav.impact" });
  if (can(actor, "manage", "program", org)) items.push({ to: "/programas", label: "nav.programs" });
  if (can(actor, "read", "outbox", org)) items.push({ to: "/admin/correos", label: "nav.outbox" });
  if (can(actor, "read", "audit", org)) items.push({ to: "/admin/auditoria", label: "nav.audit" });
  if (mayHandlePrivacyRequests(actor))
    items.push({ to: "/privacidad/solicitudes", label: "nav.privacy_requests" });
  items.push({ to: `/personas/${actor.personId}`, label: "nav.my_profile" });
  return items.map((item) => ({
    ...item,
    end: item.to === "/" || items.some((other) => other.to.startsWith(`${item.to}/`)),
  }));
}
