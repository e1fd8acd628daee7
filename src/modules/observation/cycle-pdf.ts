// One cycle as a printable document for the teacher: the visit (context, the step it opened with,
// evidence, levels, time on task) and its feedback meeting (see it, name it, do it, follow-up), the
// acknowledgement and the teacher's reflection. What is printed is exactly what the visit page shows
// the same person: it is read through getVisit, so the same policy applies (a private reflection is
// in the teacher's copy only). A draft has no cycle yet: its PDF is a 404 for everyone, its author
// included. A download by anyone but the teacher and the author is audited as "observation.pdf".

import { eq } from "drizzle-orm";
import { translator } from "../../messages";
import { db } from "../../platform/db/client";
import { NotFoundError } from "../../platform/errors";
import { formatDate, formatDateTime, formatPercent } from "../../platform/i18n/format";
import type { Locale } from "../../platform/i18n/i18n";
import { createPdf } from "../../platform/pdf";
import type { Actor } from "../../platform/policy";
import { searchable } from "../../platform/text";
import { localParts } from "../../platform/time";
import { organizations } from "../people";
import type { Level } from "./content";
import { getVisit, indicatorsOf } from "./visits";

export interface CyclePdf {
  /** ciclo-2026-11-25-maria-jose-munoz.pdf: ASCII only, safe in a Content-Disposition header */
  fileName: string;
  bytes: Uint8Array;
}

/** The file name's part for a person: lower-case ASCII words joined by hyphens. */
export function fileNamePart(text: string): string {
  return (
    searchable(text)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "docente"
  );
}

export async function cyclePdf(
  actor: Actor,
  observationId: string,
  view: { locale: Locale; timeZone: string; now?: Date },
): Promise<CyclePdf> {
  const visit = await getVisit(actor, observationId, { readAction: "observation.pdf" });
  if (visit.status !== "submitted") throw new NotFoundError();
  const [organization] = await db()
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, actor.organizationId));
  const t = translator(view.locale);
  const date = (d: Date | string | null) => formatDate(d, view.locale, view.timeZone);
  const dateTime = (d: Date | string | null) => formatDateTime(d, view.locale, view.timeZone);
  const percent = (share: number) => formatPercent(share, view.locale);
  const indicators = indicatorsOf(visit.content);
  const titleOf = (key: string) => indicators.find((i) => i.key === key)?.title ?? key;

  const doc = createPdf({
    title: t("pdf.cycle.title"),
    subtitle: t("pdf.cycle.subtitle", {
      teacher: visit.teacherName,
      course: visit.course,
      subject: visit.subject,
      date: date(visit.startedAt),
    }),
    organization: organization?.name ?? "",
    locale: view.locale,
    timeZone: view.timeZone,
    now: view.now,
  });

  doc.heading(t("pdf.cycle.visit")).keyValues([
    [t("pdf.cycle.teacher"), visit.teacherName],
    [t("pdf.cycle.school"), visit.schoolName],
    [t("pdf.cycle.observer"), visit.observerName],
    [t("pdf.cycle.course"), visit.course],
    [t("pdf.cycle.subject"), visit.subject],
    [t("pdf.cycle.date"), dateTime(visit.startedAt)],
    [t("observation.purpose.label"), t(`observation.purpose.${visit.purpose}`)],
    [
      t("pdf.cycle.instrument"),
      t("pdf.cycle.instrument_value", {
        instrument: visit.instrumentName,
        version: visit.instrumentVersion,
      }),
    ],
  ]);

  doc.heading(t("pdf.cycle.focus"));
  if (visit.focusStep) {
    doc.paragraph(visit.focusStep.title, { bold: true });
    if (visit.focusStep.mastery) {
      doc.paragraph(t("observation.meeting.mastery", { mastery: visit.focusStep.mastery }), { muted: true });
    }
    doc.keyValues([
      [
        t("pdf.cycle.focus_result"),
        visit.focusResult === "mastered"
          ? t("observation.visit.focus_mastered")
          : visit.focusResult === "continued"
            ? t("observation.visit.focus_continued")
            : null,
      ],
    ]);
  } else {
    doc.paragraph(t("observation.visit.no_focus", { teacher: visit.teacherName }), { muted: true });
  }

  doc.heading(t("observation.visit.evidence"));
  if (visit.notes.length === 0) doc.paragraph(t("observation.visit.no_notes"), { muted: true });
  else {
    doc.table(
      [
        { header: t("pdf.cycle.minute"), width: 1, align: "right" },
        { header: t("pdf.cycle.note"), width: 5.5 },
        { header: t("pdf.cycle.indicators"), width: 2.5 },
      ],
      visit.notes.map((n) => [n.minute, n.body, n.indicatorKeys.map(titleOf).join("; ")]),
    );
  }

  doc.heading(t("pdf.cycle.levels"));
  const scored = indicators.filter((i) => visit.levels[i.key]);
  if (scored.length === 0) doc.paragraph(t("pdf.cycle.no_levels"), { muted: true });
  else {
    doc.table(
      [
        { header: t("pdf.cycle.indicator"), width: 4 },
        { header: t("pdf.cycle.level"), width: 1.5 },
      ],
      scored.map((i) => [i.title, t(`observation.level.${visit.levels[i.key] as Level}`)]),
    );
  }

  if (visit.content.timeOnTask || visit.snapshots.length > 0) {
    doc.heading(t("observation.visit.on_task"));
    if (visit.snapshots.length === 0) doc.paragraph(t("observation.visit.no_snapshots"), { muted: true });
    else {
      doc.table(
        [
          { header: t("pdf.cycle.minute"), align: "right" },
          { header: t("pdf.cycle.on_task_count"), align: "right" },
          { header: t("pdf.cycle.present_count"), align: "right" },
          { header: t("pdf.cycle.share"), align: "right" },
        ],
        visit.snapshots.map((s) => [s.minute, s.onTask, s.present, percent(s.onTask / s.present)]),
      );
      if (visit.onTaskShare !== null) {
        doc.paragraph(t("observation.visit.on_task_share", { share: percent(visit.onTaskShare) }), {
          bold: true,
        });
      }
    }
  }

  doc.heading(t("observation.meeting.heading"));
  const meeting = visit.meeting;
  if (!meeting) doc.paragraph(t("pdf.cycle.no_meeting"), { muted: true });
  else {
    doc.keyValues([[t("pdf.cycle.meeting_held"), dateTime(meeting.heldAt)]]);
    doc.heading(t("observation.meeting.see_it"), 2).field(t("observation.meeting.praise"), meeting.praise);
    if (meeting.model) doc.field(t("observation.meeting.model"), meeting.model);
    if (meeting.gap) doc.field(t("observation.meeting.gap"), meeting.gap);
    doc.heading(t("observation.meeting.name_it"), 2).paragraph(meeting.stepTitle, { bold: true });
    if (meeting.stepMastery) {
      doc.paragraph(t("observation.meeting.mastery", { mastery: meeting.stepMastery }), { muted: true });
    }
    doc.heading(t("observation.meeting.do_it"), 2);
    if (meeting.plan) doc.field(t("observation.meeting.plan"), meeting.plan);
    doc.keyValues([[t("pdf.cycle.practiced"), meeting.practiced ? t("pdf.yes") : t("pdf.no")]]);
    if (meeting.practiceNote) doc.field(t("observation.meeting.practice_note"), meeting.practiceNote);
    doc.keyValues([
      // A calendar date: noon UTC reads as the same day in every zone of the Americas and Europe.
      [
        t("observation.meeting.follow_up"),
        meeting.followUpOn ? date(`${meeting.followUpOn}T12:00:00Z`) : null,
      ],
      [
        t("pdf.cycle.acknowledged", { teacher: visit.teacherName }),
        meeting.acknowledgedAt ? dateTime(meeting.acknowledgedAt) : t("pdf.cycle.not_acknowledged"),
      ],
    ]);
    if (visit.reflection) {
      doc
        .heading(t("observation.respond.teacher_reflection", { teacher: visit.teacherName }), 2)
        .paragraph(visit.reflection.body);
      if (visit.reflection.private)
        doc.paragraph(t("pdf.cycle.reflection_private", { teacher: visit.teacherName }), { muted: true });
    }
  }

  return {
    fileName: `ciclo-${localParts(visit.startedAt, view.timeZone).date}-${fileNamePart(visit.teacherName)}.pdf`,
    bytes: await doc.finish(),
  };
}
