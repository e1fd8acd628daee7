// A certificate as an Open Badges 3.0 credential (issue #16 §9), signed with the organization's own
// key (made on first use, kept in issuer_keys; the private half never leaves the server). The platform
// publishes, for each organization that issues:
//   /emisores/:organizationId              its issuer Profile with the public key (the credential's issuer id)
//   /emisores/:organizationId/revocaciones its revocation list, a signed BitstringStatusListCredential
// so that anyone can verify a downloaded credential without trusting our pages (scripts/verify-credential.ts
// does it from the command line). The credential is signed when downloaded, from what the certificate
// row copied at issue; its index in the list is the row's `status_index`.
import { and, eq, isNotNull } from "drizzle-orm";
import { translator } from "../../messages";
import { config } from "../../platform/config";
import { db } from "../../platform/db/client";
import { NotFoundError } from "../../platform/errors";
import type { Locale } from "../../platform/i18n/i18n";
import { isUuid } from "../../platform/ids";
import { organizations } from "../people/schema";
import type { certificateForDownload } from "./certificates";
import { STATUS_LIST_SIZE } from "./certificates";
import {
  buildCredential,
  buildStatusListCredential,
  encodeStatusList,
  generateIssuerKeyPair,
  issuerProfile,
  signCredential,
} from "./open-badges";
import { certificates, cohorts, courses, issuerKeys } from "./schema";

const KEY_NAME = "key-1";

export const issuerUrl = (organizationId: string) => `${config().appUrl}/emisores/${organizationId}`;
export const statusListUrl = (organizationId: string) => `${issuerUrl(organizationId)}/revocaciones`;

/** The organization's signing key, made the first time it is needed (two processes at once make one). */
async function issuerKey(organizationId: string) {
  const [found] = await db().select().from(issuerKeys).where(eq(issuerKeys.organizationId, organizationId));
  if (found) return found;
  const pair = await generateIssuerKeyPair("EdDSA");
  await db()
    .insert(issuerKeys)
    .values({
      organizationId,
      keyId: `${issuerUrl(organizationId)}#${KEY_NAME}`,
      publicJwk: pair.publicJwk as Record<string, string>,
      privateJwk: pair.privateJwk as Record<string, string>,
    })
    .onConflictDoNothing();
  const [made] = await db().select().from(issuerKeys).where(eq(issuerKeys.organizationId, organizationId));
  if (!made) throw new Error("issuer key not stored");
  return made;
}

async function organizationOf(organizationId: string) {
  if (!isUuid(organizationId)) throw new NotFoundError();
  const [organization] = await db()
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!organization) throw new NotFoundError();
  return organization;
}

/** The issuer's public Profile (JSON): only for an organization that has issued a certificate. */
export async function publishedIssuer(organizationId: string) {
  const organization = await organizationOf(organizationId);
  const [issued] = await db()
    .select({ id: certificates.id })
    .from(certificates)
    .where(eq(certificates.organizationId, organizationId))
    .limit(1);
  if (!issued) throw new NotFoundError();
  const key = await issuerKey(organizationId);
  return issuerProfile({
    id: issuerUrl(organizationId),
    name: organization.name,
    url: config().appUrl,
    publicJwk: key.publicJwk,
    kid: key.keyId,
  });
}

/** The issuer's revocation list as a signed VC-JWT: the bits of its revoked certificates. */
export async function publishedStatusList(organizationId: string, now = new Date()): Promise<string> {
  await publishedIssuer(organizationId);
  const revoked = await db()
    .select({ index: certificates.statusIndex })
    .from(certificates)
    .where(and(eq(certificates.organizationId, organizationId), isNotNull(certificates.revokedAt)));
  const key = await issuerKey(organizationId);
  return signCredential(
    buildStatusListCredential({
      id: statusListUrl(organizationId),
      issuer: issuerUrl(organizationId),
      encodedList: encodeStatusList(
        revoked.map((r) => r.index),
        STATUS_LIST_SIZE,
      ),
      validFrom: now,
    }),
    { privateJwk: key.privateJwk, kid: key.keyId },
  );
}

/** The certificate as a signed OpenBadgeCredential (compact VC-JWT), for its holder to download. */
export async function certificateCredential(
  certificate: Awaited<ReturnType<typeof certificateForDownload>>,
  locale: Locale,
): Promise<string> {
  const t = translator(locale);
  const cohortId = certificate.cohortId;
  const [course] = cohortId
    ? await db()
        .select({ slug: courses.slug, summary: courses.summary, minAttendance: courses.minAttendancePercent })
        .from(cohorts)
        .innerJoin(courses, eq(courses.id, cohorts.courseId))
        .where(eq(cohorts.id, cohortId))
    : [];
  const key = await issuerKey(certificate.organizationId);
  const appUrl = config().appUrl;
  const mentor = certificate.kind === "mentor";
  const credential = buildCredential({
    certificateId: certificate.id,
    issuer: { id: issuerUrl(certificate.organizationId), name: certificate.organization, url: appUrl },
    holder: { fullName: certificate.holderName, email: certificate.holderEmail },
    achievement: mentor
      ? {
          // the track: one achievement for every mentor it certifies (its title as the certificate copied it)
          id: `${issuerUrl(certificate.organizationId)}/logros/mentoria/${encodeURIComponent(certificate.courseTitle)}`,
          name: certificate.courseTitle,
          description: t("learning.credential.mentor_description", { track: certificate.courseTitle }),
          criteria: t("learning.credential.mentor_criteria", { hours: certificate.hours }),
          hours: certificate.hours,
        }
      : {
          id: `${appUrl}/talleres/${course?.slug ?? ""}`,
          name: certificate.courseTitle,
          description: course?.summary || certificate.courseTitle,
          criteria: t("learning.credential.criteria", {
            percent: course?.minAttendance ?? 75,
            hours: certificate.hours,
          }),
          hours: certificate.hours,
        },
    startedOn: certificate.startsOn,
    endedOn: certificate.endsOn,
    issuedAt: certificate.issuedAt,
    status: { listUrl: statusListUrl(certificate.organizationId), index: certificate.statusIndex },
  });
  return signCredential(credential, { privateJwk: key.privateJwk, kid: key.keyId });
}
