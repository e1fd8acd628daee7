// Open Badges 3.0 credentials for course certificates (issue #16 §9): the certificate as an
// `OpenBadgeCredential` that a wallet or any verifier can check without trusting the platform's web
// pages, secured as a compact VC-JWT, with revocation through a Bitstring Status List. Pure: no
// database and no network; whoever verifies passes a function that fetches a URL.
//
// Where the verifier finds the issuer's key. The issuer's id is a URL (HTTPS) that serves the JSON of
// `issuerProfile` (an OB `Profile`), and the JWT's `kid` is "<issuer id>#<key name>", e.g.
// "https://impulso.example/issuers/7f3c…#key-1". Dereferencing a `kid` means: GET the part before
// "#", which must be the credential's `issuer.id`, and take the entry of the profile's
// `verificationMethod` whose `id` is the whole `kid` (a Controlled Identifiers `JsonWebKey`, listed
// in `assertionMethod`, whose `controller` is the issuer): its `publicKeyJwk` is the key. So a key
// counts only if the issuer's own URL publishes it (OB 3.0 impl. guide, "Key provenance"). An old
// key must stay published for as long as credentials signed with it should verify.
//
// The VC-JWT follows OB 3.0's "JSON Web Token Proof Format" as written: the JOSE header has only
// `alg`, `kid` and `typ: "JWT"` (the spec allows no other member); the payload is the credential
// itself, its members at the top level (as in VC 2.0's JOSE securing, not inside the `vc` claim of
// VC 1.1), plus the claims the spec requires: `iss` = issuer.id, `jti` = id, `nbf` = validFrom,
// `sub` = credentialSubject.id (and `exp` = validUntil, which certificates do not have). Since `sub`
// is required, the subject gets an id: a fresh `urn:uuid:` per credential, which names the holder
// without linking their credentials to each other; the holder is described by `identifier`s (the
// name in clear, the email only as a salted SHA-256 hash).
//
// The signature is EdDSA (Ed25519). OB 3.0 makes RS256 the one algorithm every implementation must
// support, and 1EdTech's conformance certification takes a VC-JWT only signed with RSA (EdDSA only in
// a Data Integrity proof); so the algorithm follows the key (a key from generateIssuerKeyPair("RS256")
// signs RS256) and the verifier accepts both.
//
// Revocation (W3C Bitstring Status List 1.0): each credential names a bit of its issuer's list, a
// `BitstringStatusListCredential` published as a VC-JWT signed with the same key; bit 0 is the
// left-most bit of the first byte, the list has at least 131,072 bits (16 KB, so that one index says
// little about the others), gzip'd and written as multibase base64url (prefix "u", no padding).
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import {
  base64url,
  CompactSign,
  compactVerify,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
} from "jose";
import { z } from "zod";
import { CID_V1_CONTEXT, OB_V3P0_CONTEXT, VC_V2_CONTEXT } from "./contexts";

export { CID_V1_CONTEXT, OB_V3P0_CONTEXT, PINNED_CONTEXTS, VC_V2_CONTEXT } from "./contexts";

/** The minimum length of a status list (Bitstring Status List §2.2: 16 KB uncompressed). */
export const STATUS_LIST_MIN_BITS = 131_072;
/** A status list never expands beyond this (a gzip bomb served as a list must not fill the memory). */
const STATUS_LIST_MAX_BYTES = 16 * 1024 * 1024;
/** How far behind the verifier's clock may be: a list signed a moment ago is already valid. */
const CLOCK_TOLERANCE_MS = 5 * 60_000;

export type SigningAlgorithm = "EdDSA" | "RS256";

export type Profile = { id: string; type: ["Profile"]; name: string; url: string };

/** How OB 3.0 identifies a holder: a value in clear (`hashed: false`) or "sha256$<hex>" of value+salt. */
export type IdentityObject = {
  type: "IdentityObject";
  identityType: "name" | "emailAddress";
  hashed: boolean;
  identityHash: string;
  salt?: string;
};

export type Achievement = {
  id: string;
  type: ["Achievement"];
  achievementType: "Course";
  name: string;
  description: string;
  criteria: { narrative: string };
  /** the course's hours ("credit hours associated with this entity") */
  creditsAvailable: number;
};

export type AchievementSubject = {
  id: string;
  type: ["AchievementSubject"];
  identifier: IdentityObject[];
  achievement: Achievement;
  /** the hours the holder earned: all of the course's */
  creditsEarned: number;
  activityStartDate: string;
  activityEndDate: string;
};

export type BitstringStatusListEntry = {
  /** required by OB 3.0's CredentialStatus; "<list URL>#<index>", never the list's own URL */
  id: string;
  type: "BitstringStatusListEntry";
  statusPurpose: "revocation";
  statusListIndex: string;
  statusListCredential: string;
};

export type OpenBadgeCredential = {
  "@context": [typeof VC_V2_CONTEXT, typeof OB_V3P0_CONTEXT];
  id: string;
  type: ["VerifiableCredential", "OpenBadgeCredential"];
  issuer: Profile;
  validFrom: string;
  name: string;
  credentialSubject: AchievementSubject;
  credentialStatus: BitstringStatusListEntry;
};

export type BitstringStatusListCredential = {
  "@context": [typeof VC_V2_CONTEXT];
  id: string;
  type: ["VerifiableCredential", "BitstringStatusListCredential"];
  /** the issuer's id (the VC 2.0 context alone does not define OB's `Profile`) */
  issuer: string;
  validFrom: string;
  credentialSubject: {
    id: string;
    type: "BitstringStatusList";
    statusPurpose: "revocation";
    encodedList: string;
  };
};

export interface CredentialInput {
  /** the certificate's UUID: the credential is `urn:uuid:<certificateId>` */
  certificateId: string;
  issuer: { id: string; name: string; url: string };
  holder: { fullName: string; email: string };
  achievement: { id: string; name: string; description: string; criteria: string; hours: number };
  /** YYYY-MM-DD */
  startedOn: string;
  /** YYYY-MM-DD */
  endedOn: string;
  issuedAt: Date;
  status: { listUrl: string; index: number };
}

/** A new issuer key pair, as JWKs (the private one has `d` and must never be published). */
export async function generateIssuerKeyPair(
  alg: SigningAlgorithm = "EdDSA",
): Promise<{ publicJwk: JWK; privateJwk: JWK }> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  return { publicJwk: await exportJWK(publicKey), privateJwk: await exportJWK(privateKey) };
}

/** The OB 3.0 `IdentityHash` of an identifier: "sha256$" and the hex SHA-256 of identifier + salt. */
export function hashIdentity(identifier: string, salt: string): string {
  return `sha256$${createHash("sha256").update(`${identifier}${salt}`, "utf8").digest("hex")}`;
}

/** The certificate as an unsigned OpenBadgeCredential. */
export function buildCredential(input: CredentialInput): OpenBadgeCredential {
  const { issuer, holder, achievement, status } = input;
  if (!UUID.test(input.certificateId)) {
    throw new TypeError(`certificateId is not a UUID: ${input.certificateId}`);
  }
  for (const url of [issuer.id, issuer.url, achievement.id, status.listUrl]) assertHttpUrl(url);
  if (!Number.isFinite(achievement.hours) || achievement.hours <= 0) {
    throw new RangeError(`hours must be a positive number: ${achievement.hours}`);
  }
  if (!Number.isSafeInteger(status.index) || status.index < 0) {
    throw new RangeError(`status index must be an integer ≥ 0: ${status.index}`);
  }
  const startedOn = dayAsDateTime(input.startedOn);
  const endedOn = dayAsDateTime(input.endedOn);
  if (startedOn > endedOn) throw new RangeError(`the activity ends before it starts: ${input.endedOn}`);
  // Addresses are compared case-insensitively in practice: whoever checks "is this mine?" types theirs
  // in any case, so the hash is of the trimmed, lower-case address.
  const salt = randomBytes(16).toString("hex");
  const emailHash = hashIdentity(holder.email.trim().toLowerCase(), salt);
  const hours = achievement.hours;
  return {
    "@context": [VC_V2_CONTEXT, OB_V3P0_CONTEXT],
    id: `urn:uuid:${input.certificateId.toLowerCase()}`,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    issuer: { id: issuer.id, type: ["Profile"], name: issuer.name, url: issuer.url },
    validFrom: wholeSeconds(input.issuedAt),
    name: achievement.name,
    credentialSubject: {
      id: `urn:uuid:${randomUUID()}`,
      type: ["AchievementSubject"],
      identifier: [
        { type: "IdentityObject", identityType: "name", hashed: false, identityHash: holder.fullName.trim() },
        { type: "IdentityObject", identityType: "emailAddress", hashed: true, identityHash: emailHash, salt },
      ],
      achievement: {
        id: achievement.id,
        type: ["Achievement"],
        achievementType: "Course",
        name: achievement.name,
        description: achievement.description,
        // the caller writes the hours in the narrative too, for displayers that show it but not `creditsAvailable`
        criteria: { narrative: achievement.criteria.trim() },
        creditsAvailable: hours,
      },
      creditsEarned: hours,
      activityStartDate: startedOn,
      activityEndDate: endedOn,
    },
    credentialStatus: {
      id: `${status.listUrl}#${status.index}`,
      type: "BitstringStatusListEntry",
      statusPurpose: "revocation",
      statusListIndex: String(status.index),
      statusListCredential: status.listUrl,
    },
  };
}

/** The credential as a compact VC-JWT (see the header comment for the layout). */
export async function signCredential(
  credential: OpenBadgeCredential | BitstringStatusListCredential,
  { privateJwk, kid }: { privateJwk: JWK; kid: string },
): Promise<string> {
  const issuerId = issuerIdOf(credential.issuer);
  assertKeyId(kid, issuerId);
  if (privateJwk.d === undefined) throw new TypeError("signing needs the private key (a JWK with `d`)");
  const alg = algorithmOf(privateJwk);
  // `nbf` must equal `validFrom`, and a NumericDate has whole seconds
  const nbf = Date.parse(credential.validFrom) / 1000;
  if (!Number.isInteger(nbf)) {
    throw new RangeError(`validFrom must be whole seconds: ${credential.validFrom}`);
  }
  const payload = {
    ...credential,
    iss: issuerId,
    jti: credential.id,
    nbf,
    sub: credential.credentialSubject.id,
  };
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg, kid, typ: "JWT" })
    .sign(await importJWK(privateJwk, alg));
}

export type IssuerProfileDocument = {
  "@context": [typeof VC_V2_CONTEXT, typeof OB_V3P0_CONTEXT, typeof CID_V1_CONTEXT];
  id: string;
  type: ["Profile"];
  name: string;
  url: string;
  verificationMethod: { id: string; type: "JsonWebKey"; controller: string; publicKeyJwk: JWK }[];
  assertionMethod: string[];
};

/** The JSON to publish at the issuer's id: its Profile, with the key that verifies its credentials. */
export function issuerProfile({
  id,
  name,
  url,
  publicJwk,
  kid,
}: {
  id: string;
  name: string;
  url: string;
  publicJwk: JWK;
  kid: string;
}): IssuerProfileDocument {
  assertKeyId(kid, id);
  const alg = algorithmOf(publicJwk);
  // only the public members, whatever the caller passed (a private JWK must never get out)
  const publicKeyJwk: JWK =
    alg === "EdDSA"
      ? { kty: "OKP", crv: "Ed25519", x: publicJwk.x, alg }
      : { kty: "RSA", n: publicJwk.n, e: publicJwk.e, alg };
  return {
    "@context": [VC_V2_CONTEXT, OB_V3P0_CONTEXT, CID_V1_CONTEXT],
    id,
    type: ["Profile"],
    name,
    url,
    verificationMethod: [{ id: kid, type: "JsonWebKey", controller: id, publicKeyJwk }],
    assertionMethod: [kid],
  };
}

/** The bits of a status list with the given indexes set, gzip'd, as multibase base64url ("u…"). */
export function encodeStatusList(
  revokedIndexes: Iterable<number>,
  lengthInBits = STATUS_LIST_MIN_BITS,
): string {
  if (!Number.isSafeInteger(lengthInBits) || lengthInBits < STATUS_LIST_MIN_BITS || lengthInBits % 8 !== 0) {
    throw new RangeError(
      `a status list has a multiple of 8 bits, at least ${STATUS_LIST_MIN_BITS}: ${lengthInBits}`,
    );
  }
  const bits = new Uint8Array(lengthInBits / 8);
  for (const index of revokedIndexes) {
    assertIndex(index, lengthInBits);
    bits[Math.floor(index / 8)] |= 0x80 >> (index % 8);
  }
  return `u${gzipSync(bits).toString("base64url")}`;
}

/** The uncompressed bits of an `encodedList`; throws when it is not multibase base64url gzip. */
export function decodeStatusList(encoded: string): Uint8Array {
  if (!/^u[A-Za-z0-9_-]+$/.test(encoded)) {
    throw new TypeError('encodedList is not multibase base64url ("u…")');
  }
  return new Uint8Array(
    gunzipSync(Buffer.from(encoded.slice(1), "base64url"), { maxOutputLength: STATUS_LIST_MAX_BYTES }),
  );
}

/** Whether the list's bit at `index` is set (index 0: the left-most bit of the first byte). */
export function isSet(bits: Uint8Array, index: number): boolean {
  assertIndex(index, bits.length * 8);
  return (bits[Math.floor(index / 8)] & (0x80 >> (index % 8))) !== 0;
}

/** The issuer's revocation list as an unsigned credential, to sign with `signCredential`. */
export function buildStatusListCredential({
  id,
  issuer,
  encodedList,
  validFrom,
}: {
  /** the URL it is published at, which the credentials name as `statusListCredential` */
  id: string;
  /** the issuer's id */
  issuer: string;
  encodedList: string;
  validFrom: Date;
}): BitstringStatusListCredential {
  assertHttpUrl(id);
  return {
    "@context": [VC_V2_CONTEXT],
    id,
    type: ["VerifiableCredential", "BitstringStatusListCredential"],
    issuer,
    validFrom: wholeSeconds(validFrom),
    credentialSubject: {
      id: `${id}#list`,
      type: "BitstringStatusList",
      statusPurpose: "revocation",
      encodedList,
    },
  };
}

// ---- Verification ----

const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item)]);
const dateTimeZ = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
    "not a date-time with a time zone",
  );
const profileRef = z.union([z.string(), z.looseObject({ id: z.string(), name: z.string().optional() })]);

// What a verified credential must hold beyond the checks of the header, contexts and claims: the
// members read by the verifier and by `describeCredential`. Other members pass through unchanged.
const openBadgeCredentialSchema = z.looseObject({
  id: z.string(),
  type: oneOrMany(z.string()),
  issuer: profileRef,
  validFrom: dateTimeZ,
  validUntil: dateTimeZ.optional(),
  name: z.string().optional(),
  credentialSubject: z.looseObject({
    // optional in OB 3.0, required here: the VC-JWT's `sub` claim must equal it
    id: z.string(),
    identifier: z
      .array(z.looseObject({ identityType: z.string(), hashed: z.boolean(), identityHash: z.string() }))
      .optional(),
    achievement: z.looseObject({ id: z.string(), name: z.string(), creditsAvailable: z.number().optional() }),
    creditsEarned: z.number().optional(),
    activityStartDate: z.string().optional(),
    activityEndDate: z.string().optional(),
  }),
  credentialStatus: oneOrMany(
    z.looseObject({
      type: z.string(),
      statusPurpose: z.string(),
      statusListIndex: z.string().regex(/^\d+$/, "not a base-10 integer"),
      statusListCredential: z.string(),
      statusSize: z.number().optional(),
    }),
  ).optional(),
});

const statusListCredentialSchema = z.looseObject({
  id: z.string(),
  type: oneOrMany(z.string()),
  issuer: profileRef,
  validFrom: dateTimeZ,
  validUntil: dateTimeZ.optional(),
  credentialSubject: z.looseObject({
    id: z.string(),
    type: z.literal("BitstringStatusList"),
    statusPurpose: oneOrMany(z.string()),
    encodedList: z.string(),
  }),
});

const issuerProfileSchema = z.looseObject({
  id: z.string(),
  verificationMethod: z.array(
    z.looseObject({
      id: z.string(),
      type: z.string(),
      controller: z.string(),
      publicKeyJwk: z.looseObject({}),
    }),
  ),
  assertionMethod: z.array(z.string()),
});

/** A credential whose signature, contexts, claims, dates and status were checked. */
export type VerifiedCredential = z.infer<typeof openBadgeCredentialSchema>;

/** Why a credential is not valid; `detail` says more, in English, for logs and the command line. */
export type VerificationFailure =
  | "malformed" // not a compact JWS with a JSON payload of the expected shape
  | "header" // a JOSE header OB 3.0 does not allow, or no `kid`
  | "context" // an `@context` other than the pinned list
  | "type" // not an OpenBadgeCredential
  | "key" // the issuer does not publish the key named by `kid`, or it could not be fetched
  | "signature"
  | "claims" // the JWT claims do not match the credential
  | "not_yet_valid"
  | "expired"
  | "status" // the status list could not be fetched or checked
  | "revoked";

export type VerificationResult =
  | { valid: true; credential: VerifiedCredential }
  | { valid: false; reason: VerificationFailure; detail: string };

export interface VerifyOptions {
  /** GETs a URL and returns its body: the issuer's profile (JSON) and the status list (a VC-JWT) */
  fetchText: (url: string) => Promise<string>;
  now?: Date;
}

/** Verifies an OpenBadgeCredential secured as a compact VC-JWT, including its revocation. */
export async function verifyCredential(
  jwt: string,
  { fetchText, now = new Date() }: VerifyOptions,
): Promise<VerificationResult> {
  const keys = keyResolver(fetchText);
  try {
    const opened = await openVcJwt(jwt.trim(), OPEN_BADGE, keys);
    if (now.getTime() + CLOCK_TOLERANCE_MS < opened.validFrom.getTime()) {
      throw new Refusal("not_yet_valid", `valid from ${opened.credential.validFrom}`);
    }
    if (opened.validUntil && now > opened.validUntil) {
      throw new Refusal("expired", `valid until ${opened.validUntil.toISOString()}`);
    }
    await checkStatus(opened.credential, { fetchText, keys, now });
    return { valid: true, credential: opened.credential };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return { valid: false, reason: error.reason, detail: error.detail };
  }
}

export interface CredentialSummary {
  holderName: string | null;
  achievementName: string;
  hours: number | null;
  /** YYYY-MM-DD */
  startedOn: string | null;
  /** YYYY-MM-DD */
  endedOn: string | null;
  issuerId: string;
  issuerName: string | null;
  /** YYYY-MM-DD */
  issuedOn: string;
}

/** What a person reads of a verified credential: who, what, how many hours, when, and who says so. */
export function describeCredential(credential: VerifiedCredential): CredentialSummary {
  const subject = credential.credentialSubject;
  const name = subject.identifier?.find((i) => i.identityType === "name" && !i.hashed);
  return {
    holderName: name?.identityHash ?? null,
    achievementName: subject.achievement.name,
    hours: subject.creditsEarned ?? subject.achievement.creditsAvailable ?? null,
    startedOn: subject.activityStartDate?.slice(0, 10) ?? null,
    endedOn: subject.activityEndDate?.slice(0, 10) ?? null,
    issuerId: issuerIdOf(credential.issuer),
    issuerName: typeof credential.issuer === "string" ? null : (credential.issuer.name ?? null),
    issuedOn: credential.validFrom.slice(0, 10),
  };
}

/** A verification that fails, with its reason; only `verifyCredential` catches it. */
class Refusal extends Error {
  readonly reason: VerificationFailure;
  readonly detail: string;
  constructor(reason: VerificationFailure, detail: string) {
    super(detail);
    this.reason = reason;
    this.detail = detail;
  }
}

/** The members of a VC-JWT that every kind of credential checked here has. */
type SecuredShape = {
  id: string;
  type: string | string[];
  issuer: string | { id: string };
  validFrom: string;
  validUntil?: string;
  credentialSubject: { id: string };
};

interface Expected<S extends z.ZodType<SecuredShape>> {
  contexts: readonly string[];
  /** each group: one of its types at least */
  types: readonly (readonly string[])[];
  schema: S;
}

const OPEN_BADGE: Expected<typeof openBadgeCredentialSchema> = {
  contexts: [VC_V2_CONTEXT, OB_V3P0_CONTEXT],
  // OB 3.0: "AchievementCredential" is an alias of "OpenBadgeCredential"
  types: [["VerifiableCredential"], ["OpenBadgeCredential", "AchievementCredential"]],
  schema: openBadgeCredentialSchema,
};

const STATUS_LIST: Expected<typeof statusListCredentialSchema> = {
  contexts: [VC_V2_CONTEXT],
  types: [["VerifiableCredential"], ["BitstringStatusListCredential"]],
  schema: statusListCredentialSchema,
};

const JOSE_HEADER_MEMBERS = new Set(["alg", "kid", "typ"]);
const REGISTERED_CLAIMS = ["iss", "sub", "aud", "exp", "nbf", "iat", "jti"];

type KeyResolver = (kid: string, alg: SigningAlgorithm, issuerId: string) => Promise<CryptoKey | Uint8Array>;

/**
 * Checks a VC-JWT as OB 3.0's "Verify a Credential" says: the header, the contexts, the shape and
 * type, the issuer's key, the signature, and the claims against the credential. Returns the
 * credential without the JWT claims, and its validity period (which the caller judges).
 */
async function openVcJwt<S extends z.ZodType<SecuredShape>>(
  jwt: string,
  expected: Expected<S>,
  keys: KeyResolver,
): Promise<{ credential: z.output<S>; validFrom: Date; validUntil: Date | null }> {
  const parts = jwt.split(".");
  if (parts.length !== 3) {
    throw new Refusal("malformed", "not a compact JWS (three base64url parts separated by dots)");
  }
  let header: Record<string, unknown>;
  let payload: unknown;
  try {
    header = decodeProtectedHeader(jwt);
    payload = JSON.parse(new TextDecoder().decode(base64url.decode(parts[1])));
  } catch {
    throw new Refusal("malformed", "the JOSE header or the payload is not base64url-encoded JSON");
  }
  const { alg, kid } = checkHeader(header);
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    throw new Refusal("malformed", "the payload is not a JSON object");
  }
  const claims = payload as Record<string, unknown>;
  if ("vc" in claims) {
    throw new Refusal(
      "claims",
      "the credential is in a `vc` claim (VC 1.1); OB 3.0 puts it at the top level",
    );
  }
  const contexts = claims["@context"];
  if (
    !Array.isArray(contexts) ||
    contexts.length !== expected.contexts.length ||
    contexts.some((c, i) => c !== expected.contexts[i])
  ) {
    throw new Refusal(
      "context",
      `@context must be ${JSON.stringify(expected.contexts)}, not ${brief(contexts)}`,
    );
  }
  const parsed = expected.schema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Refusal("malformed", `${issue?.path.join(".") || "credential"}: ${issue?.message}`);
  }
  const credential = parsed.data;
  const types = [credential.type].flat();
  const missing = expected.types.find((group) => !group.some((t) => types.includes(t)));
  if (missing) throw new Refusal("type", `type ${brief(types)} has none of ${missing.join(", ")}`);

  const issuerId = issuerIdOf(credential.issuer);
  const key = await keys(kid, alg, issuerId);
  try {
    await compactVerify(jwt, key, { algorithms: [alg] });
  } catch {
    throw new Refusal("signature", `the signature does not verify with the key ${kid}`);
  }

  const validFrom = new Date(credential.validFrom);
  let validUntil = credential.validUntil === undefined ? null : new Date(credential.validUntil);
  if (claims.iss !== issuerId) {
    throw new Refusal("claims", `iss ${brief(claims.iss)} is not issuer.id ${issuerId}`);
  }
  if (claims.jti !== credential.id) {
    throw new Refusal("claims", `jti ${brief(claims.jti)} is not id ${credential.id}`);
  }
  if (claims.sub !== credential.credentialSubject.id) {
    throw new Refusal("claims", `sub ${brief(claims.sub)} is not credentialSubject.id`);
  }
  if (claims.nbf !== validFrom.getTime() / 1000) {
    throw new Refusal("claims", `nbf ${brief(claims.nbf)} is not validFrom ${credential.validFrom}`);
  }
  // "If the JSON object has the exp claim, [it] MUST be used to set the value of the validUntil"
  if (claims.exp !== undefined) {
    if (typeof claims.exp !== "number" || (validUntil && claims.exp !== validUntil.getTime() / 1000)) {
      throw new Refusal("claims", `exp ${brief(claims.exp)} is not validUntil ${credential.validUntil}`);
    }
    validUntil = new Date(claims.exp * 1000);
  } else if (validUntil) {
    throw new Refusal("claims", "the credential has validUntil but the JWT has no exp");
  }
  const withoutClaims = Object.fromEntries(
    Object.entries(credential).filter(([k]) => !REGISTERED_CLAIMS.includes(k)),
  );
  return { credential: withoutClaims as z.output<S>, validFrom, validUntil };
}

function checkHeader(header: Record<string, unknown>): { alg: SigningAlgorithm; kid: string } {
  const extra = Object.keys(header).filter((member) => !JOSE_HEADER_MEMBERS.has(member));
  // A `jwk` in the header is allowed by OB 3.0 but refused here: a key the token carries proves
  // nothing about who signed it unless it is found among the issuer's keys, which the `kid` names.
  if (extra.length > 0) throw new Refusal("header", `JOSE header members not accepted: ${extra.join(", ")}`);
  const { alg, kid, typ } = header;
  if (alg !== "EdDSA" && alg !== "RS256") throw new Refusal("header", `unsupported alg ${brief(alg)}`);
  if (typ !== undefined && typ !== "JWT") throw new Refusal("header", `typ must be "JWT", not ${brief(typ)}`);
  if (typeof kid !== "string") throw new Refusal("header", "the header has no kid naming the issuer's key");
  return { alg, kid };
}

/** Dereferences `kid`s as the header comment says, fetching each issuer's profile once. */
function keyResolver(fetchText: VerifyOptions["fetchText"]): KeyResolver {
  const profiles = new Map<string, Promise<unknown>>();
  return async (kid, alg, issuerId) => {
    if (!kid.startsWith(`${issuerId}#`)) {
      throw new Refusal("key", `kid ${kid} is not a key of the issuer ${issuerId} ("<issuer id>#<key>")`);
    }
    let profile = profiles.get(issuerId);
    if (!profile) {
      profile = fetchText(issuerId).then((text) => JSON.parse(text) as unknown);
      profiles.set(issuerId, profile);
    }
    let document: unknown;
    try {
      document = await profile;
    } catch (error) {
      throw new Refusal("key", `the issuer's profile ${issuerId} could not be read: ${messageOf(error)}`);
    }
    const parsed = issuerProfileSchema.safeParse(document);
    if (!parsed.success || parsed.data.id !== issuerId) {
      throw new Refusal("key", `${issuerId} does not serve the issuer's profile with its keys`);
    }
    const method = parsed.data.verificationMethod.find((m) => m.id === kid);
    if (
      method?.type !== "JsonWebKey" ||
      method.controller !== issuerId ||
      !parsed.data.assertionMethod.includes(kid)
    ) {
      throw new Refusal("key", `the issuer's profile has no key ${kid} for issuing credentials`);
    }
    const jwk = method.publicKeyJwk as JWK;
    if (jwk.d !== undefined || (jwk.alg !== undefined && jwk.alg !== alg)) {
      throw new Refusal("key", `the key ${kid} is not a public key for ${alg}`);
    }
    try {
      return await importJWK(jwk, alg);
    } catch (error) {
      throw new Refusal("key", `the key ${kid} cannot be used with ${alg}: ${messageOf(error)}`);
    }
  };
}

/**
 * Bitstring Status List §3.2: fetches each status list the credential names (verified as a VC-JWT
 * of the same issuer, with the same key rule) and refuses the credential when its bit is set.
 */
async function checkStatus(
  credential: VerifiedCredential,
  { fetchText, keys, now }: { fetchText: VerifyOptions["fetchText"]; keys: KeyResolver; now: Date },
): Promise<void> {
  const issuerId = issuerIdOf(credential.issuer);
  for (const entry of [credential.credentialStatus ?? []].flat()) {
    const url = entry.statusListCredential;
    if (entry.type !== "BitstringStatusListEntry" || entry.statusPurpose !== "revocation") {
      throw new Refusal("status", `unsupported credentialStatus ${entry.type} (${entry.statusPurpose})`);
    }
    if ((entry.statusSize ?? 1) !== 1) {
      throw new Refusal("status", `unsupported statusSize ${entry.statusSize}`);
    }
    const list = await fetchText(url)
      .then((text) => openVcJwt(text.trim(), STATUS_LIST, keys))
      .catch((error: unknown) => {
        const detail = error instanceof Refusal ? `${error.reason}: ${error.detail}` : messageOf(error);
        throw new Refusal("status", `status list ${url}: ${detail}`);
      });
    const subject = list.credential.credentialSubject;
    if (list.credential.id !== url) {
      throw new Refusal("status", `${url} serves the status list ${list.credential.id}`);
    }
    if (issuerIdOf(list.credential.issuer) !== issuerId) {
      throw new Refusal(
        "status",
        `the status list ${url} is not the issuer's (${issuerIdOf(list.credential.issuer)})`,
      );
    }
    if (
      now.getTime() + CLOCK_TOLERANCE_MS < list.validFrom.getTime() ||
      (list.validUntil && now > list.validUntil)
    ) {
      throw new Refusal("status", `the status list ${url} is outside its validity period`);
    }
    if (![subject.statusPurpose].flat().includes(entry.statusPurpose)) {
      throw new Refusal("status", `the status list ${url} is not for ${entry.statusPurpose}`);
    }
    let bits: Uint8Array;
    try {
      bits = decodeStatusList(subject.encodedList);
    } catch (error) {
      throw new Refusal("status", `the status list ${url} cannot be decoded: ${messageOf(error)}`);
    }
    const index = Number(entry.statusListIndex);
    if (bits.length * 8 < STATUS_LIST_MIN_BITS || !Number.isSafeInteger(index) || index >= bits.length * 8) {
      throw new Refusal("status", `the status list ${url} has ${bits.length * 8} bits: no index ${index}`);
    }
    if (isSet(bits, index)) throw new Refusal("revoked", `bit ${index} of ${url} is set`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function issuerIdOf(issuer: string | { id: string }): string {
  return typeof issuer === "string" ? issuer : issuer.id;
}

function algorithmOf(jwk: JWK): SigningAlgorithm {
  if (jwk.kty === "OKP" && jwk.crv === "Ed25519") return "EdDSA";
  if (jwk.kty === "RSA") return "RS256";
  throw new TypeError(`not an Ed25519 or RSA key: ${jwk.kty} ${jwk.crv ?? ""}`);
}

function assertKeyId(kid: string, issuerId: string): void {
  if (!kid.startsWith(`${issuerId}#`) || kid.length === issuerId.length + 1) {
    throw new TypeError(`kid must be "<issuer id>#<key name>" (issuer ${issuerId}): ${kid}`);
  }
}

/** Ids and links are absolute http(s) URLs without a fragment (a fragment names a key or an entry). */
function assertHttpUrl(value: string): void {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (
    !url ||
    (url.protocol !== "https:" && url.protocol !== "http:") ||
    url.hash !== "" ||
    value.includes("#")
  ) {
    throw new TypeError(`not an http(s) URL without a fragment: ${value}`);
  }
}

function assertIndex(index: number, lengthInBits: number): void {
  if (!Number.isSafeInteger(index) || index < 0 || index >= lengthInBits) {
    throw new RangeError(`index ${index} is outside a status list of ${lengthInBits} bits`);
  }
}

/** A date-time with whole seconds, as `validFrom` needs (see signCredential). */
function wholeSeconds(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError("invalid date");
  return new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/**
 * A day of the course as OB's DateTime: midnight UTC, as the spec's own examples write days. The
 * course's days are calendar days; whoever displays them reads the date part.
 */
function dayAsDateTime(day: string): string {
  const dateTime = `${day}T00:00:00Z`;
  const parsed = new Date(dateTime);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(day) ||
    Number.isNaN(parsed.getTime()) ||
    parsed.toISOString().slice(0, 10) !== day
  ) {
    throw new RangeError(`not a day (YYYY-MM-DD): ${day}`);
  }
  return dateTime;
}

function brief(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
