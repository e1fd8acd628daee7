import type { community as source } from "../es-CL/community";

// English. Every key of the Spanish area is required (see src/messages/catalogue.test.ts).
export const community: Record<keyof typeof source, string> = {
  "nav.community": "Community",
  "community.title": "Community",
  "community.intro": "The conversations of your school and of the whole network of teachers.",
  "community.none": "You are not part of any conversation yet.",
  "community.threads": "{count, plural, =0 {no conversations} one {# conversation} other {# conversations}}",
  "community.threads_with_news": "{count, plural, one {# with news} other {# with news}}",
  "community.network.title": "Teachers' network",
  "community.network.who": "For everyone in the network; coordinators moderate",
  "community.network.intro":
    "The conversation of the whole {organization} network: questions, ideas and experiences among teachers of different schools. Coordinators moderate it.",
  "community.school.title": "School community",
  "community.school.who": "For the school's staff; its leaders moderate",
  "community.school.intro":
    "For the school's staff and the coordinators who advise it. The school's leaders post announcements and moderate the conversation.",
  "community.school.conversation": "The school's conversation",
  "community.announcements.title": "Announcements",
  "community.announcements.none": "No announcements in force.",
  "community.announcements.new": "New",
  "community.announcements.new_form": "Post an announcement",
  "community.announcements.field.title": "Announcement title",
  "community.announcements.field.body": "Announcement text",
  "community.announcements.publish": "Post the announcement",
  "community.announcements.published":
    "Announcement posted: everyone on the staff will see it on their home page until they mark it read.",
  "community.announcements.mark_read": "Mark as read",
  "community.announcements.read_already": "You have marked it read.",
  "community.announcements.withdraw": "Withdraw the announcement",
  "community.announcements.home": "Announcements from your school",
  "community.errors.already_withdrawn": "This announcement was already withdrawn.",
  "home.card.community": "Community: conversations and announcements",
};
