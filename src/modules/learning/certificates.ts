// Certificates of completion (issue #16 §9). A coordinator asks for a cohort's certificates; a job
// issues one to each confirmed person who meets the course's rule and has none in force, counting its
// progress for the coordinator's page, and emails each holder a private download link. The PDF (and
// the Open Badges credential) are written when downloaded, from what the row copied at issue, so the
// same certificate always gives the same document. The public verification page, which the PDF's QR
// code points to, shows only: valid or revoked, name, course, hours, dates and who issued it.
import { randomBytes, randomInt } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { translator } from "../../messages";
import { hashToken, newToken } from "../../platform/auth/tokens";
import { config } from "../../platform/config";
import { type DbOrTx, db, rowsOf } from "../../platform/db/client";
import { DomainError, NotFoundError } from "../../platform/errors";
import { formatDay } from "../../platform/i18n/format";
import { isLocale, type Locale } from "../../platform/i18n/i18n";
import { isUuid, newId } from "../../platform/ids";
import { enqueue, registerJob } from "../../platform/jobs/queue";
import { queueEmail } from "../../platform/mail/mail";
import { createCertificatePdf } from "../../platform/pdf";
import { type Actor, authorize, can } from "../../platform/policy";
import { parseInput } from "../../platform/validation";
import { organizations, persons } from "../people/schema";
import { cohortCompletion } from "./attendance";
import { cohortOf, courseSubject } from "./courses";
import { certificateRuns, certificates, cohorts, courses, registrations } from "./schema";

/** Bits in an organization's revocation list: indexes are drawn at random among them (spec minimum 131,072). */
export const STATUS_LIST_SIZE = 131_072;
const CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"; // no 0/O, 1/I: read aloud or typed from paper
const ISSUE_BATCH = 50;

/** A public code such as "K7QF-3MZA-9WXC": 60 random bits, easy to read from paper. */
export function newCertificateCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % 32]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** The code as typed by someone (lower case, spaces, no dashes) in its stored form, or null. */
export function normalizeCertificateCode(input: string): string | null {
  const plain = input.toUpperCase().replace(/[^0-9A-Z]/g, "");
  if (plain.length !== 12 || [...plain].some((c) => !CODE_ALPHABET.includes(c))) return null;
  return `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8, 12)}`;
}

/**
 * Asks for the cohort's certificates: everyone confirmed who meets the rule and holds none in force.
 * Refused while an earlier run of the cohort is still going.
 */
export async function requestCertificates(
  actor: Actor,
  cohortId: string,
): Promise<{ runId: string; total: number }> {
  const cohort = await cohortOf(actor, cohortId);
  authorize(actor, "manage", "course", cohort.course);
  const due = (await cohortCompletion(cohortId)).filter((r) => r.meetsRule && !r.certificate);
  return db().transaction(async (tx) => {
    // one run at a time per cohort: the cohort's row is the lock
    await tx.execute(sql`SELECT id FROM cohorts WHERE id = ${cohortId} FOR UPDATE`);
    const [running] = await tx
      .select({ id: certificateRuns.id })
      .from(certificateRuns)
      .where(
        and(eq(certificateRuns.cohortId, cohortId), sql`${certificateRuns.status} IN ('pending','running')`),
      );
    if (running) throw new DomainError("learning.certificates.errors.run_in_progress");
    const runId = newId();
    await tx.insert(certificateRuns).values({
      id: runId,
      organizationId: cohort.organizationId,
      cohortId,
      requestedBy: actor.personId,
      total: due.length,
      status: due.length === 0 ? "done" : "pending",
      finishedAt: due.length === 0 ? new Date() : null,
    });
    if (due.length > 0) await enqueue("learning.issue_certificates", { runId }, tx, { maxAttempts: 3 });
    return { runId, total: due.length };
  });
}

/** The latest run of the cohort's certificates, for the progress shown to the coordinator. */
export async function latestCertificateRun(cohortId: string) {
  const [run] = await db()
    .select()
    .from(certificateRuns)
    .where(eq(certificateRuns.cohortId, cohortId))
    .orderBy(desc(certificateRuns.createdAt))
    .limit(1);
  return run ?? null;
}

interface IssueData {
  organizationId: string;
  cohortId: string;
  registrationId: string;
  issuedBy: string;
  replacesId?: string;
}

/**
 * Writes one certificate (the course and the holder as they are now) and queues its email, in the
 * caller's transaction. The revocation list index is drawn at random, again if taken.
 */
async function issueOne(tx: DbOrTx, data: IssueData, now: Date): Promise<{ id: string; code: string }> {
  const [source] = await rowsOf<{
    person_id: string | null;
    full_name: string;
    email: string;
    locale: string;
    course_title: string;
    hours: number;
    starts_on: string;
    ends_on: string;
    signer_name: string;
    signer_title: string;
    organization: string;
  }>(
    tx,
    sql`
    SELECT r.person_id, r.full_name, r.email, r.locale, c.title AS course_title, c.hours, k.starts_on::text AS starts_on,
      k.ends_on::text AS ends_on, c.signer_name, c.signer_title, o.name AS organization
    FROM registrations r JOIN cohorts k ON k.id = r.cohort_id JOIN courses c ON c.id = k.course_id
    JOIN organizations o ON o.id = r.organization_id
    WHERE r.id = ${data.registrationId}`,
  );
  if (!source) throw new NotFoundError();
  const locale: Locale = isLocale(source.locale) ? source.locale : "es-CL";
  const t = translator(locale);
  return insertCertificate(
    tx,
    {
      organizationId: data.organizationId,
      kind: "course",
      registrationId: data.registrationId,
      cohortId: data.cohortId,
      personId: source.person_id,
      holderName: source.full_name,
      courseTitle: source.course_title,
      hours: source.hours,
      startsOn: source.starts_on,
      endsOn: source.ends_on,
      signerName: source.signer_name || source.organization,
      signerTitle: source.signer_title,
      issuedAt: now,
      issuedBy: data.issuedBy,
      replacesId: data.replacesId ?? null,
    },
    {
      to: source.email,
      locale,
      subject: t("learning.certificates.email.subject", { course: source.course_title }),
      body: t("learning.certificates.email.body", { course: source.course_title, hours: source.hours }),
    },
  );
}

type CertificateValues = Omit<
  typeof certificates.$inferInsert,
  "id" | "code" | "statusIndex" | "downloadTokenHash"
>;

/**
 * Inserts a certificate with a fresh code, revocation list index (drawn at random, again if taken) and
 * download secret, and queues the holder's email with the links, in the caller's transaction.
 */
async function insertCertificate(
  tx: DbOrTx,
  values: CertificateValues,
  email: { to: string; locale: Locale; subject: string; body: string },
): Promise<{ id: string; code: string }> {
  const download = newToken();
  for (let attempt = 0; attempt < 20; attempt++) {
    const id = newId();
    const code = newCertificateCode();
    const inserted = await tx
      .insert(certificates)
      .values({
        ...values,
        id,
        code,
        statusIndex: randomInt(0, STATUS_LIST_SIZE),
        downloadTokenHash: download.hash,
      })
      .onConflictDoNothing({ target: [certificates.organizationId, certificates.statusIndex] })
      .returning({ id: certificates.id });
    if (inserted.length === 0) continue;
    const t = translator(email.locale);
    const appUrl = config().appUrl;
    await queueEmail(
      {
        to: email.to,
        organizationId: values.organizationId,
        subject: email.subject,
        text: [
          t("email.greeting", { name: values.holderName }),
          email.body,
          t("learning.certificates.email.download", {
            link: `${appUrl}/certificados/${code}/descargar?clave=${download.token}`,
          }),
          t("learning.certificates.email.credential", {
            link: `${appUrl}/certificados/${code}/credencial?clave=${download.token}`,
          }),
          t("learning.certificates.email.verify", { link: `${appUrl}/certificados/${code}` }),
          t("email.signature"),
        ].join("\n\n"),
      },
      tx,
    );
    return { id, code };
  }
  throw new Error("no free index in the revocation list");
}

/** What the mentoring module gives to issue a mentor certificate (its track as the title). */
export interface MentorCertificateData {
  organizationId: string;
  /** the certified mentor, the holder */
  personId: string;
  /** the track's title */
  title: string;
  hours: number;
  /** the candidacy's start and the certification day */
  startsOn: string;
  endsOn: string;
  /** empty: the organization */
  signerName: string;
  signerTitle: string;
  issuedBy: string;
  replacesId?: string | null;
}

/**
 * Issues a mentor certificate (issue #18) in the caller's transaction, as a course certificate is
 * issued: a code, a place in the revocation list, a download secret, the holder's name as it is now,
 * and the email to the holder with the links (PDF, credential, verification page).
 */
export async function issueMentorCertificate(
  tx: DbOrTx,
  data: MentorCertificateData,
  now = new Date(),
): Promise<{ id: string; code: string }> {
  const [holder] = await rowsOf<{ name: string; email: string; locale: string; organization: string }>(
    tx,
    sql`
    SELECT p.given_names || ' ' || p.family_names AS name, p.email, p.locale, o.name AS organization
    FROM persons p JOIN organizations o ON o.id = p.organization_id
    WHERE p.id = ${data.personId} AND p.organization_id = ${data.organizationId}`,
  );
  if (!holder) throw new NotFoundError();
  const locale: Locale = isLocale(holder.locale) ? holder.locale : "es-CL";
  const t = translator(locale);
  return insertCertificate(
    tx,
    {
      organizationId: data.organizationId,
      kind: "mentor",
      registrationId: null,
      cohortId: null,
      personId: data.personId,
      holderName: holder.name,
      courseTitle: data.title,
      hours: data.hours,
      startsOn: data.startsOn,
      endsOn: data.endsOn,
      signerName: data.signerName || holder.organization,
      signerTitle: data.signerTitle,
      issuedAt: now,
      issuedBy: data.issuedBy,
      replacesId: data.replacesId ?? null,
    },
    {
      to: holder.email,
      locale,
      subject: t("learning.certificates.email.mentor_subject", { track: data.title }),
      body: t("learning.certificates.email.mentor_body", { track: data.title, hours: data.hours }),
    },
  );
}

/** The job: issues the run's certificates in batches, each batch in one transaction, counting progress. */
export async function issueCertificatesRun(runId: string, now = new Date()): Promise<void> {
  const [run] = await db().select().from(certificateRuns).where(eq(certificateRuns.id, runId));
  if (!run || run.status === "done") return;
  try {
    await issueRun(run, now);
  } catch (error) {
    // marked failed (the page stops waiting and a new request is taken); a retry of the job resumes it
    await db().update(certificateRuns).set({ status: "failed" }).where(eq(certificateRuns.id, runId));
    throw error;
  }
}

async function issueRun(run: typeof certificateRuns.$inferSelect, now: Date): Promise<void> {
  const runId = run.id;
  await db().update(certificateRuns).set({ status: "running" }).where(eq(certificateRuns.id, runId));
  // Who is due is read again: a certificate issued meanwhile (a retry after a crash) is not issued twice.
  const due = (await cohortCompletion(run.cohortId, now)).filter((r) => r.meetsRule && !r.certificate);
  for (let i = 0; i < due.length; i += ISSUE_BATCH) {
    const batch = due.slice(i, i + ISSUE_BATCH);
    await db().transaction(async (tx) => {
      for (const r of batch)
        await issueOne(
          tx,
          {
            organizationId: run.organizationId,
            cohortId: run.cohortId,
            registrationId: r.registrationId,
            issuedBy: run.requestedBy,
          },
          now,
        );
      await tx
        .update(certificateRuns)
        .set({ issued: sql`${certificateRuns.issued} + ${batch.length}` })
        .where(eq(certificateRuns.id, runId));
    });
  }
  await db()
    .update(certificateRuns)
    .set({ status: "done", finishedAt: new Date() })
    .where(eq(certificateRuns.id, runId));
}

registerJob("learning.issue_certificates", async (payload) => {
  await issueCertificatesRun(String(payload.runId));
});

async function certificateOf(actor: Actor, certificateId: string) {
  if (!isUuid(certificateId)) throw new NotFoundError();
  const [row] = await db()
    .select()
    .from(certificates)
    .where(and(eq(certificates.id, certificateId), eq(certificates.organizationId, actor.organizationId)));
  if (!row) throw new NotFoundError();
  return row;
}

/** Whoever may revoke (or reissue) the certificate: the course's managers, or for a mentor's, coordinators. */
async function authorizeManage(actor: Actor, row: typeof certificates.$inferSelect) {
  if (row.kind === "mentor") {
    authorize(actor, "manage", "mentor_certificate", { organizationId: row.organizationId });
    return;
  }
  if (!row.cohortId) throw new NotFoundError();
  const cohort = await cohortOf(actor, row.cohortId);
  authorize(actor, "manage", "course", cohort.course);
}

const revokeInput = z.object({
  reason: z.string().trim().min(1, "errors.required").max(500, "errors.too_long"),
});

/** Revokes a certificate in force, with a reason (the verification page then says "revocado"). */
export async function revokeCertificate(
  actor: Actor,
  certificateId: string,
  input: Record<string, unknown>,
  now = new Date(),
): Promise<void> {
  const row = await certificateOf(actor, certificateId);
  await authorizeManage(actor, row);
  const { reason } = parseInput(revokeInput, input);
  if (row.revokedAt) throw new DomainError("learning.certificates.errors.already_revoked");
  await db()
    .update(certificates)
    .set({ revokedAt: now, revokedBy: actor.personId, revokedReason: reason })
    .where(and(eq(certificates.id, certificateId), sql`${certificates.revokedAt} IS NULL`));
}

/**
 * Replaces a certificate with a new one (a corrected name, a changed signer): the old one is revoked
 * with the reason given, the new one points to it, and the holder gets the new link.
 */
export async function reissueCertificate(
  actor: Actor,
  certificateId: string,
  input: Record<string, unknown>,
  now = new Date(),
): Promise<{ id: string; code: string }> {
  const row = await certificateOf(actor, certificateId);
  await authorizeManage(actor, row);
  const { reason } = parseInput(revokeInput, input);
  return db().transaction(async (tx) => {
    const revoked = await tx
      .update(certificates)
      .set({ revokedAt: now, revokedBy: actor.personId, revokedReason: reason })
      .where(and(eq(certificates.id, certificateId), sql`${certificates.revokedAt} IS NULL`))
      .returning({ id: certificates.id });
    if (revoked.length === 0) throw new DomainError("learning.certificates.errors.already_revoked");
    if (row.kind === "mentor" || !row.cohortId || !row.registrationId) {
      // a mentor certificate again, as it was issued (the holder's name as it is now)
      if (!row.personId) throw new NotFoundError();
      return issueMentorCertificate(
        tx,
        {
          organizationId: row.organizationId,
          personId: row.personId,
          title: row.courseTitle,
          hours: row.hours,
          startsOn: row.startsOn,
          endsOn: row.endsOn,
          signerName: row.signerName,
          signerTitle: row.signerTitle,
          issuedBy: actor.personId,
          replacesId: row.id,
        },
        now,
      );
    }
    return issueOne(
      tx,
      {
        organizationId: row.organizationId,
        cohortId: row.cohortId,
        registrationId: row.registrationId,
        issuedBy: actor.personId,
        replacesId: row.id,
      },
      now,
    );
  });
}

export interface VerifiedCertificate {
  code: string;
  /** a course's certificate, or a certified mentor's (the title is then the track's) */
  kind: "course" | "mentor";
  status: "valid" | "revoked";
  holderName: string;
  courseTitle: string;
  hours: number;
  startsOn: string;
  endsOn: string;
  issuedAt: Date;
  revokedAt: Date | null;
  issuer: string;
}

/** What the public verification page shows for a code; null for an unknown or malformed code. */
export async function verifyCertificate(codeInput: string): Promise<VerifiedCertificate | null> {
  const code = normalizeCertificateCode(codeInput);
  if (!code) return null;
  const [row] = await db()
    .select({
      code: certificates.code,
      kind: certificates.kind,
      holderName: certificates.holderName,
      courseTitle: certificates.courseTitle,
      hours: certificates.hours,
      startsOn: certificates.startsOn,
      endsOn: certificates.endsOn,
      issuedAt: certificates.issuedAt,
      revokedAt: certificates.revokedAt,
      issuer: organizations.name,
    })
    .from(certificates)
    .innerJoin(organizations, eq(organizations.id, certificates.organizationId))
    .where(eq(certificates.code, code));
  if (!row) return null;
  return { ...row, status: row.revokedAt ? "revoked" : "valid" };
}

/**
 * A certificate in force for its download: with the secret of the holder's email link, or for a
 * signed-in person who holds it (their registration) or a coordinator. Anything else: not found.
 */
export async function certificateForDownload(
  codeInput: string,
  access: { token?: string | null; actor?: Actor | null },
) {
  const code = normalizeCertificateCode(codeInput);
  if (!code) throw new NotFoundError();
  const [row] = await db()
    .select({
      certificate: certificates,
      personId: registrations.personId,
      email: registrations.email,
      holderEmail: persons.email,
      organization: organizations.name,
    })
    .from(certificates)
    .leftJoin(registrations, eq(registrations.id, certificates.registrationId))
    // a mentor certificate's holder is a person of the platform (a course's: the registration)
    .leftJoin(persons, eq(persons.id, certificates.personId))
    .innerJoin(organizations, eq(organizations.id, certificates.organizationId))
    .where(eq(certificates.code, code));
  // a revoked certificate is only shown as revoked on its public page: its old links give nothing
  if (!row || row.certificate.revokedAt) throw new NotFoundError();
  const mentor = row.certificate.kind === "mentor";
  let allowed = Boolean(access.token) && hashToken(access.token ?? "") === row.certificate.downloadTokenHash;
  const actor = access.actor;
  if (!allowed && actor && mentor) allowed = row.certificate.personId === actor.personId;
  if (!allowed && actor && !mentor) {
    // the holder: the registration is theirs, or carries their sign-in address (as on their home page)
    const [me] = await db()
      .select({ email: persons.email })
      .from(persons)
      .where(eq(persons.id, actor.personId));
    allowed = row.personId === actor.personId || me?.email.toLowerCase() === row.email;
  }
  if (!allowed && actor && actor.organizationId === row.certificate.organizationId) {
    if (mentor) {
      allowed = can(actor, "manage", "mentor_certificate", {
        organizationId: row.certificate.organizationId,
      });
    } else {
      // besides its holder, a certificate is the coordinators' (product.md: facilitators see attendance)
      const cohortId = row.certificate.cohortId;
      const [cohort] = cohortId
        ? await db().select({ courseId: cohorts.courseId }).from(cohorts).where(eq(cohorts.id, cohortId))
        : [];
      const subject = cohort ? await courseSubject(actor, cohort.courseId) : null;
      allowed = subject !== null && can(actor, "manage", "course", subject);
    }
  }
  if (!allowed) throw new NotFoundError();
  return {
    ...row.certificate,
    organization: row.organization,
    holderEmail: (mentor ? row.holderEmail : row.email) ?? row.holderEmail ?? "",
  };
}

/** The certificate's PDF in the given language (the holder's email's, or the reader's). */
export async function certificatePdf(
  certificate: Awaited<ReturnType<typeof certificateForDownload>>,
  locale: Locale,
): Promise<Uint8Array> {
  const t = translator(locale);
  const verifyUrl = `${config().appUrl}/certificados/${certificate.code}`;
  return createCertificatePdf({
    organization: certificate.organization,
    title: t("learning.certificates.pdf.title"),
    lead: t("learning.certificates.pdf.lead"),
    holder: certificate.holderName,
    body: [
      certificate.kind === "mentor"
        ? t("learning.certificates.pdf.mentor_track", { track: certificate.courseTitle })
        : t("learning.certificates.pdf.course", { course: certificate.courseTitle }),
      t("learning.certificates.pdf.hours", { hours: certificate.hours }),
      t("learning.dates", { start: formatDay(certificate.startsOn), end: formatDay(certificate.endsOn) }),
    ],
    signerName: certificate.signerName,
    signerTitle: certificate.signerTitle,
    verification: [
      t("learning.certificates.pdf.code", { code: certificate.code }),
      t("learning.certificates.pdf.verify"),
      verifyUrl,
    ],
    verifyUrl,
    locale,
    issuedAt: certificate.issuedAt,
  });
}

/** The cohort's page for those who run it: completion per person, certificates, the latest run. */
export async function cohortForFacilitation(actor: Actor, cohortId: string) {
  const cohort = await cohortOf(actor, cohortId);
  authorize(actor, "read_registrations", "cohort", cohort.course);
  const [info] = await db()
    .select({
      name: cohorts.name,
      startsOn: cohorts.startsOn,
      endsOn: cohorts.endsOn,
      courseTitle: courses.title,
      minAttendancePercent: courses.minAttendancePercent,
    })
    .from(cohorts)
    .innerJoin(courses, eq(courses.id, cohorts.courseId))
    .where(eq(cohorts.id, cohortId));
  if (!info) throw new NotFoundError();
  const manages = can(actor, "manage", "course", cohort.course);
  const revoked = !manages
    ? []
    : await db()
        .select({
          id: certificates.id,
          code: certificates.code,
          holderName: certificates.holderName,
          revokedAt: certificates.revokedAt,
          revokedReason: certificates.revokedReason,
        })
        .from(certificates)
        .where(and(eq(certificates.cohortId, cohortId), sql`${certificates.revokedAt} IS NOT NULL`))
        .orderBy(desc(certificates.revokedAt));
  return {
    cohort: { id: cohortId, courseId: cohort.courseId, ...info },
    people: await cohortCompletion(cohortId),
    revoked,
    run: await latestCertificateRun(cohortId),
    can: {
      manage: manages,
      facilitate: can(actor, "facilitate", "cohort", cohort.course),
    },
  };
}
