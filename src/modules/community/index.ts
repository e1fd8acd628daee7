// The community module (issue #17, "Conversations in schools and in the network"): each school's
// conversation and announcements, and the network's conversation, hosted as discussion spaces.
import "./policy";
import "./spaces";
import "./personal-data";

export {
  announcementFor,
  markAnnouncementRead,
  publishAnnouncement,
  schoolAnnouncementsFor,
  unreadAnnouncements,
  withdrawAnnouncement,
} from "./announcements";
export { seedDemoCommunity } from "./demo";
export { type CommunitySpace, communityHome, hasCommunity } from "./hub";
export type { NetworkCommunitySubject, SchoolCommunitySubject } from "./policy";
export { networkSpace, schoolSpace } from "./spaces";
