// The demo's practices library: three practices of Los Aromos (one for the network, featured by its
// director, with a colleague's comment at a moment of the clip and a "me sirvió"; one for the school; one
// public), and a draft that shows students, waiting for its consent.
import type { DbOrTx } from "../../platform/db/client";
import { newId } from "../../platform/ids";
import { discussionFollows, discussionPosts, discussionThreads } from "../discussions/schema";
import { practiceHelpful, practices } from "./schema";

export async function seedDemoPractices(
  tx: DbOrTx,
  ids: {
    organizationId: string;
    schoolId: string;
    leaderId: string;
    teacherId: string;
    colleagueId: string;
    now?: Date;
  },
): Promise<void> {
  const now = ids.now ?? new Date();
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
  const { organizationId, schoolId } = ids;
  const exitTickets = newId();
  const rows: Array<typeof practices.$inferInsert> = [
    {
      id: exitTickets,
      organizationId,
      schoolId,
      authorId: ids.teacherId,
      title: "Retroalimentación en 30 segundos con tickets de salida",
      problem:
        "Al terminar la clase no sabía quiénes habían logrado el objetivo, y la retroalimentación llegaba una semana tarde.",
      howTo:
        "1. En los últimos **5 minutos**, cada estudiante responde una pregunta en una tarjeta.\n2. Ordeno las tarjetas en tres montones: logrado, casi, aún no.\n3. Al día siguiente parto la clase con el error más frecuente y una pregunta para el grupo «aún no».\n\n> Lo importante es que la pregunta mida el objetivo de la clase, no la actividad.",
      level: "basica",
      grade: "6° básico",
      subject: "mathematics",
      mbeStandards: [7, 8],
      stepCategories: ["checking", "feedback"],
      videoUrl: "https://video.example.org/tickets-de-salida",
      visibility: "network",
      status: "published",
      publishedAt: daysAgo(12),
      featuredAt: daysAgo(10),
      featuredBy: ids.leaderId,
      helpfulCount: 1,
      createdAt: daysAgo(14),
      updatedAt: daysAgo(12),
    },
    {
      id: newId(),
      organizationId,
      schoolId,
      authorId: ids.colleagueId,
      title: "Rutina de entrada: tres minutos para empezar a leer",
      problem: "Los primeros diez minutos de la clase se perdían en ordenar la sala.",
      howTo:
        "Cada estudiante encuentra en su puesto un texto breve y una pregunta. Mientras leen, paso lista en silencio y reviso materiales.",
      level: "basica",
      grade: "3° básico",
      subject: "language",
      mbeStandards: [6],
      stepCategories: ["routines"],
      visibility: "school",
      status: "published",
      publishedAt: daysAgo(6),
      createdAt: daysAgo(6),
      updatedAt: daysAgo(6),
    },
    {
      id: newId(),
      organizationId,
      schoolId,
      authorId: ids.leaderId,
      title: "Observación entre pares con foco en la formulación de preguntas",
      problem:
        "Las observaciones de aula se vivían como una evaluación y no como una oportunidad de aprender.",
      howTo:
        "Cada mes, parejas de docentes se observan quince minutos con **un solo foco**: las preguntas que hace el profesor. Luego conversan diez minutos con la pauta de la red.",
      level: "media",
      subject: "other",
      mbeStandards: [9],
      stepCategories: ["challenge"],
      visibility: "public",
      status: "published",
      publishedAt: daysAgo(20),
      createdAt: daysAgo(21),
      updatedAt: daysAgo(20),
    },
    {
      id: newId(),
      organizationId,
      schoolId,
      authorId: ids.teacherId,
      title: "Trabajo en parejas con roles rotativos",
      problem: "En los trabajos en grupo siempre hablaban los mismos.",
      howTo: "Cada pareja tiene un rol que rota cada cinco minutos: quien explica y quien pregunta.",
      level: "basica",
      grade: "6° básico",
      subject: "science",
      mbeStandards: [8],
      stepCategories: ["climate"],
      visibility: "network",
      showsStudents: true,
      status: "draft",
      createdAt: daysAgo(2),
      updatedAt: daysAgo(2),
    },
  ];
  await tx.insert(practices).values(rows);
  await tx.insert(practiceHelpful).values({
    practiceId: exitTickets,
    personId: ids.colleagueId,
    organizationId,
    createdAt: daysAgo(9),
  });
  // its comments: the thread its author opened on publishing, and a colleague's comment at a moment
  const threadId = newId();
  await tx.insert(discussionThreads).values({
    id: threadId,
    organizationId,
    spaceKind: "practice",
    spaceId: exitTickets,
    authorId: ids.teacherId,
    title: rows[0]?.title as string,
    createdAt: daysAgo(12),
    lastPostAt: daysAgo(9),
  });
  await tx.insert(discussionPosts).values([
    {
      id: newId(),
      organizationId,
      threadId,
      authorId: ids.teacherId,
      body: rows[0]?.problem as string,
      createdAt: daysAgo(12),
    },
    {
      id: newId(),
      organizationId,
      threadId,
      authorId: ids.colleagueId,
      body: "min 1:10 — Me gustó cómo ordenas las tarjetas mientras salen. Lo probé en 3° y funcionó.",
      createdAt: daysAgo(9),
    },
  ]);
  await tx.insert(discussionFollows).values([
    {
      threadId,
      personId: ids.teacherId,
      organizationId,
      mode: "digest",
      lastReadAt: daysAgo(8),
      digestedAt: daysAgo(8),
    },
    {
      threadId,
      personId: ids.colleagueId,
      organizationId,
      mode: "digest",
      lastReadAt: daysAgo(9),
      digestedAt: daysAgo(9),
    },
  ]);
}
