// Discussion spaces belong to other modules: each kind of place registers how to find one of its
// spaces for an actor (what they may do there, its title and address). The discussions module never
// imports its hosts; a host (learning, for a cohort) imports this and registers itself.
import type { Translate } from "../../messages";
import type { DbOrTx } from "../../platform/db/client";
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

/**
 * The line a follower's daily digest gives the news the host noted for them that are not posts
 * (noteForFollower), since `since`, in the follower's language; null when there is nothing to say.
 */
export type DigestNote = (
  source: DbOrTx,
  note: { spaceId: string; personId: string; since: Date; t: Translate },
) => Promise<string | null>;

const resolvers = new Map<string, SpaceResolver>();
const readerSets = new Map<string, SpaceReaders>();
const digestNotes = new Map<string, DigestNote>();

export function registerSpaceKind(
  kind: string,
  resolver: SpaceResolver,
  readers?: SpaceReaders,
  digestNote?: DigestNote,
): void {
  resolvers.set(kind, resolver);
  if (readers) readerSets.set(kind, readers);
  if (digestNote) digestNotes.set(kind, digestNote);
}

/** The kind's digest line for noted news, when it gave one. */
export function digestNoteOf(kind: string): DigestNote | undefined {
  return digestNotes.get(kind);
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
