// The organization's programs (issue #18): a named line of work (e.g. "Mentores 2026") that courses,
// mentor tracks and advisories may belong to, so that impact figures can be filtered by program.
// Coordinators list, create and rename them; any staff member may list them (forms' selects).
import { and, asc, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { audit } from "../../platform/audit/audit";
import { type DbOrTx, db } from "../../platform/db/client";
import { NotFoundError, ValidationError } from "../../platform/errors";
import { isUuid, newId } from "../../platform/ids";
import { type Actor, authorize, can } from "../../platform/policy";
import { parseInput, requiredText } from "../../platform/validation";
import "./policy";
import { programs } from "./schema";

export const PROGRAM_NAME_MAX = 120;

export interface ProgramRow {
  id: string;
  name: string;
}

const programInput = z.object({
  name: requiredText(PROGRAM_NAME_MAX, "programs.errors.name_required", "programs.errors.name_too_long"),
});

/** The organization's programs, by name (for staff: coordinators and administrators). */
export async function listPrograms(actor: Actor, tx: DbOrTx = db()): Promise<ProgramRow[]> {
  authorize(actor, "list", "program", { organizationId: actor.organizationId });
  return tx
    .select({ id: programs.id, name: programs.name })
    .from(programs)
    .where(eq(programs.organizationId, actor.organizationId))
    .orderBy(asc(programs.name), asc(programs.id));
}

/** Whether the actor may create and rename programs (for the page's forms). */
export function canManagePrograms(actor: Actor): boolean {
  return can(actor, "manage", "program", { organizationId: actor.organizationId });
}

/**
 * The program of the actor's organization with this id, or a ValidationError on `field` (a course
 * form's select): for other modules validating an optional program.
 */
export async function programOfOrganization(
  organizationId: string,
  programId: string,
  tx: DbOrTx = db(),
): Promise<ProgramRow | null> {
  if (!isUuid(programId)) return null;
  const [row] = await tx
    .select({ id: programs.id, name: programs.name })
    .from(programs)
    .where(and(eq(programs.id, programId), eq(programs.organizationId, organizationId)));
  return row ?? null;
}

async function assertNameFree(tx: DbOrTx, organizationId: string, name: string, exceptId?: string) {
  const [clash] = await tx
    .select({ id: programs.id })
    .from(programs)
    .where(
      and(
        eq(programs.organizationId, organizationId),
        eq(programs.name, name),
        exceptId ? ne(programs.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (clash) throw new ValidationError({ name: "programs.errors.name_taken" });
}

function isNameUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: string; constraint?: string; message?: string };
    if (
      pg.code === "23505" &&
      (pg.constraint === "programs_name_uq" || pg.message?.includes("programs_name_uq"))
    )
      return true;
  }
  return false;
}

async function withNameBackstop<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isNameUniqueViolation(error)) throw new ValidationError({ name: "programs.errors.name_taken" });
    throw error;
  }
}

/** Creates a program (coordinators); its name is unique in the organization. */
export async function createProgram(actor: Actor, input: unknown): Promise<{ id: string }> {
  authorize(actor, "manage", "program", { organizationId: actor.organizationId });
  const { name } = parseInput(programInput, input);
  const id = newId();
  await withNameBackstop(() =>
    db().transaction(async (tx) => {
      await assertNameFree(tx, actor.organizationId, name);
      await tx.insert(programs).values({ id, organizationId: actor.organizationId, name });
      await audit(
        actor,
        { action: "program.create", subjectType: "program", subjectId: id, details: { name } },
        tx,
      );
    }),
  );
  return { id };
}

/** Renames a program (coordinators); a program of another organization is not found. */
export async function renameProgram(actor: Actor, programId: string, input: unknown): Promise<void> {
  const existing = await programOfOrganization(actor.organizationId, programId);
  if (!existing) throw new NotFoundError();
  authorize(actor, "manage", "program", { organizationId: actor.organizationId });
  const { name } = parseInput(programInput, input);
  if (name === existing.name) return;
  await withNameBackstop(() =>
    db().transaction(async (tx) => {
      await assertNameFree(tx, actor.organizationId, name, programId);
      await tx.update(programs).set({ name }).where(eq(programs.id, programId));
      await audit(
        actor,
        {
          action: "program.rename",
          subjectType: "program",
          subjectId: programId,
          details: { from: existing.name, name },
        },
        tx,
      );
    }),
  );
}
