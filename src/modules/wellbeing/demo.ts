// The demo's well-being pulses at Los Aromos, opened by its director: two closed ones with enough
// answers for their figures and the trend between them (the second with comments), and an open one
// with only three answers so far ("aún no hay respuestas suficientes"), waiting for the demo teacher.
import { randomUUID } from "node:crypto";
import type { DbOrTx } from "../../platform/db/client";
import { newId } from "../../platform/ids";
import type { QuestionKey } from "./content";
import { rebuildTallies } from "./pulses";
import { wellbeingAnswers, wellbeingParticipation, wellbeingPulses } from "./schema";

const DAY_MS = 86_400_000;

export async function seedDemoWellbeing(
  tx: DbOrTx,
  ids: {
    organizationId: string;
    schoolId: string;
    leaderId: string;
    /** the school's teachers who answered (at least 11); the demo teacher is not among them */
    answererIds: string[];
    now?: Date;
  },
): Promise<void> {
  const now = ids.now ?? new Date();
  const daysAgo = (d: number) => new Date(now.getTime() - d * DAY_MS);
  // a fixed sequence: the same demo every time
  let seed = 17;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const score = (centre: number) => Math.max(1, Math.min(5, Math.round(centre + (random() - 0.5) * 2.4)));

  const pulse = async (p: {
    title: string;
    questions: QuestionKey[];
    allowsText: boolean;
    opened: number;
    days: number;
    centre: number;
    answerers: string[];
    texts?: string[];
  }) => {
    const id = newId();
    await tx.insert(wellbeingPulses).values({
      id,
      organizationId: ids.organizationId,
      schoolId: ids.schoolId,
      openedBy: ids.leaderId,
      title: p.title,
      questionKeys: p.questions,
      allowsText: p.allowsText,
      opensAt: daysAgo(p.opened),
      closesAt: daysAgo(p.opened - p.days),
    });
    // as answering does: a participation row and an answer row with no person and no time
    await tx
      .insert(wellbeingParticipation)
      .values(p.answerers.map((personId) => ({ pulseId: id, personId })));
    await tx.insert(wellbeingAnswers).values(
      p.answerers.map((_, i) => ({
        id: randomUUID(),
        pulseId: id,
        schoolId: ids.schoolId,
        ...Object.fromEntries(p.questions.map((_, q) => [`q${q + 1}`, score(p.centre)])),
        freeText: p.texts?.[i] || null,
      })),
    );
    await rebuildTallies(tx, id);
  };

  await pulse({
    title: "Pulso de bienestar de marzo",
    questions: ["belong", "successful", "myself", "helping", "cared", "accomplished"],
    allowsText: false,
    opened: 95,
    days: 7,
    centre: 3.1,
    answerers: ids.answererIds.slice(0, 9),
  });
  await pulse({
    title: "Pulso de bienestar de mayo",
    questions: [
      "belong",
      "successful",
      "myself",
      "helping",
      "cared",
      "accomplished",
      "respected",
      "effective",
    ],
    allowsText: true,
    opened: 40,
    days: 10,
    centre: 3.6,
    answerers: ids.answererIds.slice(0, 11),
    texts: [
      "Los consejos de profesores de los jueves ayudan mucho.",
      "Necesitamos más tiempo para planificar en equipo.",
      "",
      "Me sentí muy apoyada por el equipo de convivencia.",
      "",
      "Las semanas de evaluaciones fueron agotadoras.",
    ],
  });
  await pulse({
    title: "Pulso de bienestar de esta semana",
    questions: ["belong", "cared", "respected", "time", "energy"],
    allowsText: true,
    opened: 1,
    days: 7,
    centre: 3.4,
    answerers: ids.answererIds.slice(0, 3),
  });
}
