import type { learning as source } from "../es-CL/learning";

// English. Every key of the Spanish area is required (see src/messages/catalogue.test.ts).
export const learning: Record<keyof typeof source, string> = {
  "learning.errors.slug_invalid":
    "The address may only have lower-case letters without accents, numbers and hyphens, for example reading-workshop-2027.",
  "learning.errors.slug_taken": "There is already a course or workshop at that address. Choose another.",
  "learning.errors.number_invalid": "Write a whole number within the allowed range.",
  "learning.errors.date_invalid": "Write a valid date (day, month and year).",
  "learning.errors.ends_before_start": "The end date cannot be before the start date.",
  "learning.errors.meeting_url_invalid": "The meeting link must start with https://.",
  "learning.errors.time_zone_invalid": "Choose a time zone from the list.",
  "learning.errors.time_skipped":
    "That time does not exist in the chosen zone: that day the clocks go forward one hour. Choose another time.",
  "learning.errors.time_repeated":
    "That time happens twice in the chosen zone: that day the clocks go back one hour. Say whether it is the first or the second time.",
};
