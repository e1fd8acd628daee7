import type { MessageKey } from "../../src/messages";
import { observationHome } from "../../src/modules/observation";
import { type Actor, can } from "../../src/platform/policy";

export interface NavItem {
  to: string;
  label: MessageKey;
}

/** The main menu: only what the actor may open. */
export function navigationFor(actor: Actor): NavItem[] {
  const org = { organizationId: actor.organizationId };
  const items: NavItem[] = [{ to: "/", label: "nav.home" }];
  const observation = observationHome(actor);
  if (observation.observes) items.push({ to: "/observaciones", label: "nav.observations" });
  if (observation.teaches)
    items.push({ to: `/personas/${actor.personId}/desarrollo`, label: "nav.development" });
  if (can(actor, "list", "school", org)) items.push({ to: "/establecimientos", label: "nav.schools" });
  if (can(actor, "list", "person", org)) items.push({ to: "/personas", label: "nav.people" });
  if (can(actor, "read", "outbox", org)) items.push({ to: "/admin/correos", label: "nav.outbox" });
  if (can(actor, "read", "audit", org)) items.push({ to: "/admin/auditoria", label: "nav.audit" });
  items.push({ to: `/personas/${actor.personId}`, label: "nav.my_profile" });
  return items;
}
