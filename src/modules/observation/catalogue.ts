// The action-step catalogue (scope and sequence): coordinators write, edit, order and archive its steps;
// everyone of the organization reads it. An archived step is no longer offered in visits and meetings;
// a teacher's action step keeps its own copy of the text, so editing or archiving changes no teacher's
// step.
import { and, asc, count, eq } from "drizzle-orm";
import { z } from "zod";
import { audit } from "../../platform/audit/audit";
import { type DbOrTx, db } from "../../platform/db/client";
import { DomainError, NotFoundError } from "../../platform/errors";
import { isUuid, newId } from "../../platform/ids";
import { type Actor, authorize, can } from "../../platform/policy";
import { asText, parseInput, requiredText } from "../../platform/validation";
import { ACTION_STEP_CATEGORIES, type ActionStepCategory, CATALOGUE_LIMITS, MBE_STANDARDS } from "./content";
import { actionSteps, catalogueSteps } from "./schema";

const orgOf = (actor: Actor) => ({ organizationId: actor.organizationId });

const stepColumns = {
  id: catalogueSteps.id,
  organizationId: catalogueSteps.organizationId,
  category: catalogueSteps.category,
  title: catalogueSteps.title,
  mastery: catalogueSteps.mastery,
  mbeStandard: catalogueSteps.mbeStandard,
  position: catalogueSteps.position,
  archivedAt: catalogueSteps.archivedAt,
};
const inOrder = [asc(catalogueSteps.position), asc(catalogueSteps.createdAt), asc(catalogueSteps.id)];

/** The catalogue grouped by category in its order; archived steps apart, for coordinators. */
export async function listCatalogue(actor: Actor) {
  authorize(actor, "read", "observation_setup", orgOf(actor));
  const rows = await db()
    .select(stepColumns)
    .from(catalogueSteps)
    .where(eq(catalogueSteps.organizationId, actor.organizationId))
    .orderBy(...inOrder);
  const canManage = can(actor, "manage", "observation_setup", orgOf(actor));
  return {
    categories: ACTION_STEP_CATEGORIES.map((category) => ({
      category,
      steps: rows.filter((s) => s.category === category && !s.archivedAt),
    })),
    /** archived steps, for those who may restore them */
    archived: canManage ? rows.filter((s) => s.archivedAt) : [],
    canManage,
  };
}

async function authorizedStep(actor: Actor, id: string) {
  if (!isUuid(id)) throw new NotFoundError();
  const [step] = await db().select(stepColumns).from(catalogueSteps).where(eq(catalogueSteps.id, id));
  if (!step) throw new NotFoundError();
  authorize(actor, "manage", "observation_setup", step);
  return step;
}

/** One step for its edit page (coordinators), with how many teachers' steps came from it. */
export async function getCatalogueStep(actor: Actor, id: string) {
  const step = await authorizedStep(actor, id);
  const [uses] = await db()
    .select({ n: count() })
    .from(actionSteps)
    .where(eq(actionSteps.catalogueStepId, id));
  return { ...step, uses: uses?.n ?? 0 };
}

const stepInput = z.object({
  category: z.preprocess(
    asText,
    z.enum(ACTION_STEP_CATEGORIES, { message: "catalogue.errors.category_required" }),
  ),
  title: requiredText(CATALOGUE_LIMITS.title, "catalogue.errors.title_required"),
  mastery: requiredText(CATALOGUE_LIMITS.mastery, "catalogue.errors.mastery_required"),
  mbeStandard: z.preprocess(
    asText,
    z
      .string()
      .refine((v) => v === "" || MBE_STANDARDS.map(String).includes(v), {
        message: "errors.invalid_choice",
      })
      .transform((v) => (v === "" ? null : Number(v))),
  ),
});

/** The position after the last step of a category. */
async function endOf(organizationId: string, category: ActionStepCategory, tx: DbOrTx = db()) {
  const rows = await tx
    .select({ position: catalogueSteps.position })
    .from(catalogueSteps)
    .where(and(eq(catalogueSteps.organizationId, organizationId), eq(catalogueSteps.category, category)));
  return rows.reduce((max, r) => Math.max(max, r.position + 1), 0);
}

/** A new step at the end of its category; returns its id. */
export async function createCatalogueStep(actor: Actor, input: Record<string, unknown>): Promise<string> {
  authorize(actor, "manage", "observation_setup", orgOf(actor));
  const values = parseInput(stepInput, input);
  const id = newId();
  await db().transaction(async (tx) => {
    await tx.insert(catalogueSteps).values({
      id,
      organizationId: actor.organizationId,
      ...values,
      position: await endOf(actor.organizationId, values.category, tx),
    });
    await audit(actor, { action: "catalogue_step.create", subjectType: "catalogue_step", subjectId: id }, tx);
  });
  return id;
}

/** Edits a step; moved to another category, it goes to that category's end. */
export async function updateCatalogueStep(
  actor: Actor,
  id: string,
  input: Record<string, unknown>,
): Promise<void> {
  const step = await authorizedStep(actor, id);
  const values = parseInput(stepInput, input);
  await db().transaction(async (tx) => {
    const position =
      values.category === step.category
        ? step.position
        : await endOf(step.organizationId, values.category, tx);
    await tx
      .update(catalogueSteps)
      .set({ ...values, position, updatedAt: new Date() })
      .where(eq(catalogueSteps.id, id));
    await audit(actor, { action: "catalogue_step.update", subjectType: "catalogue_step", subjectId: id }, tx);
  });
}

/** Archives (no longer offered) or restores a step. */
export async function setCatalogueStepArchived(actor: Actor, id: string, archived: boolean): Promise<void> {
  await authorizedStep(actor, id);
  await db().transaction(async (tx) => {
    await tx
      .update(catalogueSteps)
      .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
      .where(eq(catalogueSteps.id, id));
    await audit(
      actor,
      {
        action: archived ? "catalogue_step.archive" : "catalogue_step.restore",
        subjectType: "catalogue_step",
        subjectId: id,
      },
      tx,
    );
  });
}

/**
 * Moves a step one place up or down among the current steps of its category. The category is
 * renumbered 0, 1, 2… in its present order (archived steps keep their place), then the step swaps with
 * its nearest current neighbour.
 */
export async function moveCatalogueStep(actor: Actor, id: string, direction: "up" | "down"): Promise<void> {
  const step = await authorizedStep(actor, id);
  if (step.archivedAt) throw new DomainError("catalogue.errors.archived");
  await db().transaction(async (tx) => {
    const rows = await tx
      .select({ id: catalogueSteps.id, archivedAt: catalogueSteps.archivedAt })
      .from(catalogueSteps)
      .where(
        and(
          eq(catalogueSteps.organizationId, step.organizationId),
          eq(catalogueSteps.category, step.category),
        ),
      )
      .orderBy(...inOrder)
      .for("update");
    const order = rows.map((r) => r.id);
    const current = rows.filter((r) => !r.archivedAt).map((r) => r.id);
    const at = current.indexOf(id);
    const neighbour = current[at + (direction === "up" ? -1 : 1)];
    if (at === -1 || !neighbour) return;
    const a = order.indexOf(id);
    const b = order.indexOf(neighbour);
    [order[a], order[b]] = [order[b], order[a]];
    for (const [position, stepId] of order.entries()) {
      await tx.update(catalogueSteps).set({ position }).where(eq(catalogueSteps.id, stepId));
    }
    await audit(
      actor,
      { action: "catalogue_step.move", subjectType: "catalogue_step", subjectId: id, details: { direction } },
      tx,
    );
  });
}
