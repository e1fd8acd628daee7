// The demo's community: an announcement of Los Aromos' director (on its staff's home pages until read),
// a question in the school's conversation, and one in the network's with a coordinator's answer.

import type { DbOrTx } from "../../platform/db/client";
import { newId } from "../../platform/ids";
import { discussionFollows, discussionPosts, discussionThreads } from "../discussions/schema";
import { announcementReads, schoolAnnouncements } from "./schema";

export async function seedDemoCommunity(
  tx: DbOrTx,
  ids: {
    organizationId: string;
    schoolId: string;
    leaderId: string;
    teacherId: string;
    colleagueId: string;
    coordinatorId: string;
    now?: Date;
  },
): Promise<void> {
  const now = ids.now ?? new Date();
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
  const { organizationId } = ids;
  const announcementId = newId();
  await tx.insert(schoolAnnouncements).values({
    id: announcementId,
    organizationId,
    schoolId: ids.schoolId,
    authorId: ids.leaderId,
    title: "Consejo de profesores el jueves a las 16:00",
    body: "Nos reunimos en la biblioteca. Traigan la planificación de la unidad que viene: revisaremos juntos los pasos de acción del mes.",
    createdAt: hoursAgo(20),
  });
  await tx
    .insert(announcementReads)
    .values({ announcementId, personId: ids.leaderId, organizationId, readAt: hoursAgo(20) });

  const thread = async (
    space: { kind: "school" | "network"; id: string },
    title: string,
    posts: Array<{ authorId: string; body: string; at: Date }>,
  ) => {
    const threadId = newId();
    const first = posts[0] as (typeof posts)[number];
    const last = posts[posts.length - 1] as (typeof posts)[number];
    await tx.insert(discussionThreads).values({
      id: threadId,
      organizationId,
      spaceKind: space.kind,
      spaceId: space.id,
      authorId: first.authorId,
      title,
      createdAt: first.at,
      lastPostAt: last.at,
    });
    await tx.insert(discussionPosts).values(
      posts.map((p) => ({
        id: newId(),
        organizationId,
        threadId,
        authorId: p.authorId,
        body: p.body,
        createdAt: p.at,
      })),
    );
    // each author follows with the daily digest, having read up to their own post
    const authors = [...new Set(posts.map((p) => p.authorId))];
    await tx.insert(discussionFollows).values(
      authors.map((personId) => {
        const own = posts.filter((p) => p.authorId === personId).at(-1)?.at ?? first.at;
        return {
          threadId,
          personId,
          organizationId,
          mode: "digest" as const,
          lastReadAt: own,
          digestedAt: own,
        };
      }),
    );
  };
  await thread({ kind: "school", id: ids.schoolId }, "¿Quién usa la sala de computación el martes?", [
    {
      authorId: ids.colleagueId,
      body: "Quiero llevar a 6° B a escribir sus cuentos en los computadores. ¿Alguien la tiene reservada?",
      at: hoursAgo(30),
    },
    {
      authorId: ids.teacherId,
      body: "Yo la tengo en el segundo bloque; el tercero queda libre.",
      at: hoursAgo(26),
    },
  ]);
  await thread(
    { kind: "network", id: organizationId },
    "¿Cómo empiezan la clase para que todos participen?",
    [
      {
        authorId: ids.teacherId,
        body: "En mi curso siempre responden los mismos. ¿Qué les ha funcionado al comenzar la clase?",
        at: hoursAgo(48),
      },
      {
        authorId: ids.coordinatorId,
        body: "Una pregunta breve que todos responden en su cuaderno antes de que alguien hable; luego se elige a quién escuchar.",
        at: hoursAgo(40),
      },
    ],
  );
}
