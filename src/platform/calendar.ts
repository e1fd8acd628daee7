// Calendar files (.ics) with the ics package: reminders of the observation module, a cohort's live
// sessions in learning. Start and end in UTC (…Z), so every calendar shows them in its own zone.
import { createEvents } from "ics";
import type { EmailAttachment } from "./mail/mail";

export interface CalendarEvent {
  uid: string;
  title: string;
  description: string;
  url: string;
  start: Date;
  end: Date;
}

/** A VCALENDAR with one VEVENT per event, as an email attachment or a download. */
export function calendarAttachment(
  events: CalendarEvent | CalendarEvent[],
  filename: string,
): EmailAttachment {
  const list = Array.isArray(events) ? events : [events];
  const { error, value } = createEvents(
    list.map((event) => ({
      uid: event.uid,
      title: event.title,
      description: event.description,
      url: event.url,
      start: event.start.getTime(),
      startInputType: "utc" as const,
      startOutputType: "utc" as const,
      end: event.end.getTime(),
      endInputType: "utc" as const,
      endOutputType: "utc" as const,
      status: "CONFIRMED" as const,
      busyStatus: "BUSY" as const,
    })),
    { productId: "impulso", method: "PUBLISH" },
  );
  if (error || !value) throw error ?? new Error("ics: empty calendar");
  return { filename, contentType: "text/calendar; charset=utf-8; method=PUBLISH", content: value };
}
