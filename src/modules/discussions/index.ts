// The discussions module (issue #16 §8): threads and replies in spaces other modules own.
import "./policy";
import "./personal-data";

export { sendDueDigests } from "./digest";
export type { SpaceSubject } from "./policy";
export { FOLLOW_MODES, type FollowMode } from "./schema";
export {
  type DigestNote,
  registerSpaceKind,
  type Space,
  type SpaceReaders,
  type SpaceResolver,
} from "./spaces";
export {
  followedUpdates,
  hidePost,
  noteForFollower,
  readThread,
  reply,
  reportPost,
  setFollow,
  spaceThreads,
  startThread,
  THREADS_PER_PAGE,
} from "./threads";
