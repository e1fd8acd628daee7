// Discussion spaces belong to other modules: each kind of place registers how to find one of its
// spaces for an actor (what they may do there, its title and address). The discussions module never
// imports its hosts; a host (learning, for a cohort) imports this and registers itself.
import type { Actor } from "../../platform/policy";
import type { SpaceSubject } from "./policy";

export interface Space extends SpaceSubject {
  kind: string;
  id: string;
  /** what the place is called (the course and its version) */
  title: string;
  /** the space's page, where its threads are listed */
  href: string;
}

export type SpaceResolver = (actor: Actor, spaceId: string) => Promise<Space | null>;
/**
 * Of the people given, those who may read the space, asked once for all of them: a kind whose spaces
 * have thousands of members (a network) answers in one query what the resolver would answer per person.
 * It must agree with the resolver's `read`.
 */
export type SpaceReaders = (spaceId: string, personIds: readonly string[]) => Promise<Set<string>>;

const resolvers = new Map<string, SpaceResolver>();
const readerSets = new Map<string, SpaceReaders>();

export function registerSpaceKind(kind: string, resolver: SpaceResolver, readers?: SpaceReaders): void {
  resolvers.set(kind, resolver);
  if (readers) readerSets.set(kind, readers);
}

/** The kind's batch answer, when it gave one. */
export function readersOf(kind: string): SpaceReaders | undefined {
  return readerSets.get(kind);
}

/** The space as the actor reaches it; null when there is no such place or it is not theirs to see. */
export async function findSpace(actor: Actor, kind: string, spaceId: string): Promise<Space | null> {
  const resolver = resolvers.get(kind);
  return resolver ? resolver(actor, spaceId) : null;
}
