// Who may do what in a discussion space. The space's host (the module that owns the place: a cohort
// in learning) says what the actor may do there (spaces.ts); the rules here read that answer, so
// every decision still goes through the one policy module, deny by default.
import { allow } from "../../platform/policy";

export interface SpaceSubject {
  organizationId: string;
  /** what the host allows this actor in this space */
  read: boolean;
  post: boolean;
  moderate: boolean;
}

declare module "../../platform/policy" {
  interface PolicyRules {
    "discussion:read": SpaceSubject;
    "discussion:post": SpaceSubject;
    "discussion:moderate": SpaceSubject;
  }
}

// The tenant rule (platform/policy.ts) has already refused any subject of another organization.
allow("read", "discussion", (_a, s) => s.read);
allow("post", "discussion", (_a, s) => s.read && s.post);
allow("moderate", "discussion", (_a, s) => s.read && s.moderate);
