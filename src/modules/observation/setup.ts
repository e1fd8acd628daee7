// An organization's starting instruments and action-step catalogue, written once (demo seed, new
// organizations). After that they belong to its coordinators.
import { eq } from "drizzle-orm";
import { type DbOrTx, db } from "../../platform/db/client";
import { newId } from "../../platform/ids";
import { catalogueSteps, instruments, instrumentVersions } from "./schema";
import { ACTION_STEP_CATALOGUE, MBE_CLASSROOM_INSTRUMENT, WALKTHROUGH_INSTRUMENT } from "./seed-content";

export async function ensureObservationSetup(organizationId: string, tx: DbOrTx = db()): Promise<boolean> {
  const [existing] = await tx
    .select({ id: instruments.id })
    .from(instruments)
    .where(eq(instruments.organizationId, organizationId))
    .limit(1);
  if (existing) return false;
  const now = new Date();
  for (const seed of [MBE_CLASSROOM_INSTRUMENT, WALKTHROUGH_INSTRUMENT]) {
    const instrumentId = newId();
    await tx.insert(instruments).values({
      id: instrumentId,
      organizationId,
      name: seed.name,
      description: seed.description,
    });
    await tx.insert(instrumentVersions).values({
      id: newId(),
      organizationId,
      instrumentId,
      version: 1,
      status: "published",
      content: seed.content,
      publishedAt: now,
    });
  }
  await tx.insert(catalogueSteps).values(
    ACTION_STEP_CATALOGUE.map((step, position) => ({
      id: newId(),
      organizationId,
      category: step.category,
      title: step.title,
      mastery: step.mastery,
      mbeStandard: step.mbeStandard,
      position,
    })),
  );
  return true;
}
