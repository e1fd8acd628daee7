// A course's content (issue #16 §2, §3): modules and lessons written by coordinators, read by the
// course's facilitators and by the participants of its cohorts, marked done by participants only;
// lesson text that can never run script; files type checked by content and served only to readers.
import { eq } from "drizzle-orm";
import PDFDocument from "pdfkit";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../platform/db/client";
import { DomainError, NotFoundError, ValidationError } from "../../platform/errors";
import { newId } from "../../platform/ids";
import type { Actor } from "../../platform/policy";
import { fileStore } from "../../platform/storage";
import { useTestDatabase } from "../../platform/testing/database";
import { useTemporaryFileStore } from "../../platform/testing/files";
import { actorOf, makeWorld } from "../people/testing";
import {
  addLesson,
  addModule,
  attachLessonFile,
  classroom,
  cohortLessonProgress,
  courseContent,
  createCohort,
  createCourse,
  deleteLesson,
  deleteModule,
  enrolInCohort,
  learnerHome,
  lessonFileForDownload,
  lessonInClassroom,
  moveLesson,
  moveModule,
  myCourses,
  publishCohort,
  removeLessonFile,
  setLessonDone,
  updateLesson,
} from ".";
import { courseFacilitators, lessonCompletions, lessonFiles, lessons } from "./schema";

useTestDatabase();
useTemporaryFileStore();

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
const a: Record<string, Actor> = {};
let courseId: string;
let cohortId: string;
let moduleId: string;
let firstLesson: string;
let secondLesson: string;

function pdfBytes(): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.text("Guía de la sesión");
    doc.end();
  });
}

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );

beforeAll(async () => {
  w = await makeWorld();
  for (const [k, id] of Object.entries({
    coordinator: w.coordinator.id,
    facilitator: w.facilitator.id,
    teacherA: w.teacherA.id,
    teacherB: w.teacherB.id,
    leaderA: w.leaderA.id,
    otherAdmin: w.otherAdmin.id,
  }))
    a[k] = await actorOf(id);
  ({ id: courseId } = await createCourse(a.coordinator as Actor, {
    kind: "course",
    title: "Lectura en voz alta",
    slug: "lectura-en-voz-alta",
    hours: "20",
    level: "introductory",
    modality: "online",
  }));
  await db()
    .insert(courseFacilitators)
    .values({ courseId, personId: w.facilitator.id, organizationId: w.org.id });
  ({ id: cohortId } = await createCohort(a.coordinator as Actor, courseId, {
    name: "Mayo 2027",
    startsOn: "2027-05-01",
    endsOn: "2099-05-31",
    capacity: "1",
  }));
  await publishCohort(a.coordinator as Actor, cohortId);
  // teacher A holds the one place; teacher B waits
  for (const who of [w.teacherA, w.teacherB])
    await enrolInCohort(a.coordinator as Actor, cohortId, {
      fullName: `${who.givenNames} ${who.familyNames}`,
      email: who.email,
      country: "CL",
      role: "teacher",
    });
  ({ id: moduleId } = await addModule(a.coordinator as Actor, courseId, { title: "Primeros pasos" }));
  ({ id: firstLesson } = await addLesson(a.coordinator as Actor, moduleId, {
    title: "Por qué leer en voz alta",
  }));
  ({ id: secondLesson } = await addLesson(a.coordinator as Actor, moduleId, {
    title: "Elegir el texto",
    body: "Lea **despacio**.\n\n<script>alert('x')</script>\n\n[Guía](javascript:alert(1))",
    videoUrl: "https://www.youtube.com/watch?v=abc123",
  }));
});

describe("a course's content", () => {
  it("is written by coordinators, read by the course's facilitators, and hidden from anyone else", async () => {
    const seen = await courseContent(a.facilitator as Actor, courseId);
    expect(seen.can.manage).toBe(false);
    expect(seen.modules.map((m) => [m.title, m.lessons.map((l) => l.title)])).toEqual([
      ["Primeros pasos", ["Por qué leer en voz alta", "Elegir el texto"]],
    ]);
    for (const who of ["teacherA", "leaderA", "otherAdmin"])
      expect(await errorOf(courseContent(a[who] as Actor, courseId))).toBeInstanceOf(NotFoundError);
    for (const who of ["facilitator", "teacherA", "otherAdmin"]) {
      expect(await errorOf(addModule(a[who] as Actor, courseId, { title: "X" }))).toBeInstanceOf(
        NotFoundError,
      );
      expect(await errorOf(updateLesson(a[who] as Actor, firstLesson, { title: "X" }))).toBeInstanceOf(
        NotFoundError,
      );
    }
    const [stored] = await db().select().from(lessons).where(eq(lessons.id, firstLesson));
    expect(stored.title).toBe("Por qué leer en voz alta");
  });

  it("refuses bad input field by field, and a module that still has lessons", async () => {
    const empty = await errorOf(addLesson(a.coordinator as Actor, moduleId, { title: "  " }));
    expect((empty as ValidationError).fieldErrors).toEqual({ title: "errors.required" });
    const video = await errorOf(
      updateLesson(a.coordinator as Actor, firstLesson, { title: "Ok", videoUrl: "javascript:alert(1)" }),
    );
    expect((video as ValidationError).fieldErrors).toEqual({ videoUrl: "learning.errors.video_url_invalid" });
    const notEmpty = await errorOf(deleteModule(a.coordinator as Actor, moduleId));
    expect(notEmpty).toBeInstanceOf(DomainError);
    expect((notEmpty as DomainError).messageKey).toBe("learning.errors.module_not_empty");
    expect((await courseContent(a.coordinator as Actor, courseId)).modules).toHaveLength(1);
  });

  it("moves lessons and modules up and down, each within its list", async () => {
    const { id: later } = await addModule(a.coordinator as Actor, courseId, { title: "Después" });
    await moveLesson(a.coordinator as Actor, secondLesson, { direction: "up" });
    await moveModule(a.coordinator as Actor, later, { direction: "up" });
    let content = await courseContent(a.coordinator as Actor, courseId);
    expect(content.modules.map((m) => m.title)).toEqual(["Después", "Primeros pasos"]);
    expect(content.modules[1].lessons.map((l) => l.title)).toEqual([
      "Elegir el texto",
      "Por qué leer en voz alta",
    ]);
    // the first one up, or the last one down: nothing changes
    await moveLesson(a.coordinator as Actor, secondLesson, { direction: "up" });
    await moveModule(a.coordinator as Actor, moduleId, { direction: "down" });
    await deleteModule(a.coordinator as Actor, later);
    await moveLesson(a.coordinator as Actor, secondLesson, { direction: "down" });
    content = await courseContent(a.coordinator as Actor, courseId);
    expect(content.modules.map((m) => m.title)).toEqual(["Primeros pasos"]);
    expect(content.modules[0].lessons.map((l) => l.title)).toEqual([
      "Por qué leer en voz alta",
      "Elegir el texto",
    ]);
    expect(
      await errorOf(moveLesson(a.coordinator as Actor, secondLesson, { direction: "sideways" })),
    ).toBeInstanceOf(ValidationError);
  });
});

describe("reading and progress", () => {
  it("shows a lesson's text safely: typed HTML as text, no unsafe link", async () => {
    const page = await lessonInClassroom(a.teacherA as Actor, cohortId, secondLesson);
    expect(page.lesson.html).toContain("<strong>despacio</strong>");
    expect(page.lesson.html).not.toMatch(/<script|href="javascript/i);
    expect(page.lesson.html).toContain("&lt;script&gt;");
    expect(page.lesson.videoUrl).toBe("https://www.youtube.com/watch?v=abc123");
    expect(page.previous?.id).toBe(firstLesson);
    expect(page.next).toBeNull();
  });

  it("lets a participant mark lessons done; the facilitator sees the cohort's progress", async () => {
    await setLessonDone(a.teacherA as Actor, cohortId, firstLesson, { done: "yes" });
    await setLessonDone(a.teacherA as Actor, cohortId, firstLesson, { done: "yes" }); // twice: once
    const mine = await classroom(a.teacherA as Actor, cohortId);
    expect(mine.progress).toEqual({ done: 1, total: 2 });
    expect(mine.modules[0].lessons.map((l) => l.done)).toEqual([true, false]);
    expect(mine.can.complete).toBe(true);
    expect((await myCourses(a.teacherA as Actor)).map((c) => [c.courseTitle, c.done, c.lessons])).toEqual([
      ["Lectura en voz alta", 1, 2],
    ]);
    const home = await learnerHome({ id: w.teacherA.id, email: w.teacherA.email, organizationId: w.org.id });
    expect(home.courses.map((c) => c.cohortId)).toEqual([cohortId]);
    const progress = await cohortLessonProgress(a.facilitator as Actor, cohortId);
    expect(progress.lessons.map((l) => [l.title, l.done])).toEqual([
      ["Por qué leer en voz alta", 1],
      ["Elegir el texto", 0],
    ]);
    expect(Object.values(progress.byRegistration).sort()).toEqual([1]);
    await setLessonDone(a.teacherA as Actor, cohortId, firstLesson, { done: "no" });
    expect((await classroom(a.teacherA as Actor, cohortId)).progress.done).toBe(0);
    await setLessonDone(a.teacherA as Actor, cohortId, firstLesson, { done: "yes" });
  });

  it("keeps the lessons from whoever holds no confirmed place, and marks only for participants", async () => {
    // teacher B is on the waiting list; the leader holds nothing; the other organization sees nothing
    for (const who of ["teacherB", "leaderA", "otherAdmin"]) {
      expect(await errorOf(classroom(a[who] as Actor, cohortId))).toBeInstanceOf(NotFoundError);
      expect(await errorOf(lessonInClassroom(a[who] as Actor, cohortId, firstLesson))).toBeInstanceOf(
        NotFoundError,
      );
      expect(
        await errorOf(setLessonDone(a[who] as Actor, cohortId, firstLesson, { done: "yes" })),
      ).toBeInstanceOf(NotFoundError);
    }
    expect(await myCourses(a.teacherB as Actor)).toEqual([]);
    // the coordinator and the facilitator read what participants read, and mark nothing
    for (const who of ["coordinator", "facilitator"]) {
      expect((await classroom(a[who] as Actor, cohortId)).can.complete).toBe(false);
      expect(
        await errorOf(setLessonDone(a[who] as Actor, cohortId, firstLesson, { done: "yes" })),
      ).toBeInstanceOf(NotFoundError);
    }
    expect(await errorOf(cohortLessonProgress(a.teacherA as Actor, cohortId))).toBeInstanceOf(NotFoundError);
    const marks = await db().select().from(lessonCompletions);
    expect(marks).toHaveLength(1);
  });
});

describe("a lesson's files", () => {
  it("are type checked by content, served to readers only, and removed from the store with their lesson", async () => {
    const pdf = await pdfBytes();
    const { id: fileId } = await attachLessonFile(a.coordinator as Actor, firstLesson, {
      fileName: "Guía ñandú.pdf",
      bytes: pdf,
    });
    const disguised = await errorOf(
      attachLessonFile(a.coordinator as Actor, firstLesson, {
        fileName: "guia.pdf",
        bytes: new TextEncoder().encode("<html><script>alert(1)</script></html>"),
      }),
    );
    expect(disguised).toBeInstanceOf(DomainError);
    expect(
      await errorOf(attachLessonFile(a.facilitator as Actor, firstLesson, { fileName: "x.pdf", bytes: pdf })),
    ).toBeInstanceOf(NotFoundError);
    // text called .html is stored as text and downloads as such (saved, it never opens as a page)
    const { id: notes } = await attachLessonFile(a.coordinator as Actor, firstLesson, {
      fileName: "notas.html",
      bytes: new TextEncoder().encode("Notas de la sesión.\n"),
    });
    const [named] = await db().select().from(lessonFiles).where(eq(lessonFiles.id, notes));
    expect([named?.fileName, named?.contentType]).toEqual(["notas.html.txt", "text/plain; charset=utf-8"]);
    await removeLessonFile(a.coordinator as Actor, firstLesson, notes);
    const [row] = await db().select().from(lessonFiles);
    expect(row).toMatchObject({
      fileName: "Guía ñandú.pdf",
      contentType: "application/pdf",
      size: pdf.length,
    });
    expect(await db().select().from(lessonFiles)).toHaveLength(1);

    for (const who of ["teacherA", "facilitator", "coordinator"]) {
      const file = await lessonFileForDownload(a[who] as Actor, courseId, firstLesson, fileId);
      expect(Buffer.from(file.stored.bytes).equals(Buffer.from(pdf))).toBe(true);
      expect(file.fileName).toBe("Guía ñandú.pdf");
    }
    for (const who of ["teacherB", "leaderA", "otherAdmin"])
      expect(
        await errorOf(lessonFileForDownload(a[who] as Actor, courseId, firstLesson, fileId)),
      ).toBeInstanceOf(NotFoundError);
    // a file asked for through another course's address is not found
    expect(
      await errorOf(lessonFileForDownload(a.teacherA as Actor, newId(), firstLesson, fileId)),
    ).toBeInstanceOf(NotFoundError);
    // a file asked for through another lesson is not found
    expect(
      await errorOf(lessonFileForDownload(a.teacherA as Actor, courseId, secondLesson, fileId)),
    ).toBeInstanceOf(NotFoundError);

    await removeLessonFile(a.coordinator as Actor, firstLesson, fileId);
    expect(await fileStore().get(row.storageKey)).toBeNull();
    expect(
      await errorOf(lessonFileForDownload(a.teacherA as Actor, courseId, firstLesson, fileId)),
    ).toBeInstanceOf(NotFoundError);

    const { id: again } = await attachLessonFile(a.coordinator as Actor, firstLesson, {
      fileName: "otra.pdf",
      bytes: pdf,
    });
    const [kept] = await db().select().from(lessonFiles).where(eq(lessonFiles.id, again));
    await deleteLesson(a.coordinator as Actor, firstLesson);
    expect(await fileStore().get(kept.storageKey)).toBeNull();
    expect(await db().select().from(lessonCompletions)).toHaveLength(0);
    expect((await classroom(a.teacherA as Actor, cohortId)).progress).toEqual({ done: 0, total: 1 });
  });
});
