// Open Badges 3.0 credentials (issue #16 §9), with real keys and signatures: the credential's JSON as
// the spec writes it, the VC-JWT layout, a round trip through the verifier, and each way a credential
// must fail (changed payload, another key, an unknown context, revoked). The "server" is a map from
// URL to the documents the platform would publish.
import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { base64url, CompactSign, decodeProtectedHeader, importJWK, type JWK } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import {
  buildCredential,
  buildStatusListCredential,
  type CredentialInput,
  decodeStatusList,
  describeCredential,
  encodeStatusList,
  generateIssuerKeyPair,
  hashIdentity,
  isSet,
  issuerProfile,
  type OpenBadgeCredential,
  PINNED_CONTEXTS,
  STATUS_LIST_MIN_BITS,
  signCredential,
  type VerificationResult,
  verifyCredential,
} from "./open-badges";

const ISSUER = "https://impulso.example/issuers/0b6c2a52-5c3e-4c59-9f3e-2f0d7c1e9a10";
const KID = `${ISSUER}#key-1`;
const LIST = "https://impulso.example/status/0b6c2a52-5c3e-4c59-9f3e-2f0d7c1e9a10/revocation";
const NOW = new Date("2027-06-01T12:00:00Z");

type KeyPair = Awaited<ReturnType<typeof generateIssuerKeyPair>>;
let issuerKeys: KeyPair;
let otherKeys: KeyPair;

beforeAll(async () => {
  [issuerKeys, otherKeys] = await Promise.all([generateIssuerKeyPair(), generateIssuerKeyPair()]);
});

const input = (index = 94_567): CredentialInput => ({
  certificateId: "3F2B6C1E-8A4D-4E2B-9C7A-5D1E0F3A2B4C",
  issuer: { id: ISSUER, name: "Fundación Impulso", url: "https://impulso.example" },
  holder: { fullName: "Ana María Pérez", email: " Ana.Perez@Example.CL " },
  achievement: {
    id: "https://impulso.example/courses/retroalimentacion-efectiva",
    name: "Retroalimentación efectiva",
    description: "Cómo dar retroalimentación breve y precisa.",
    criteria: "Asistir al 75 % de las sesiones.",
    hours: 12,
  },
  startedOn: "2027-04-01",
  endedOn: "2027-04-30",
  issuedAt: new Date("2027-05-03T15:04:05.678Z"),
  status: { listUrl: LIST, index },
});

/**
 * A signed credential and the documents the issuer publishes for it: its profile (with the key
 * `publishedKeys` hold) and its revocation list with `revoked` set.
 */
async function issue({
  credential = buildCredential(input()),
  signingKeys = issuerKeys,
  publishedKeys = issuerKeys,
  listKeys = issuerKeys,
  revoked = [] as number[],
} = {}) {
  const jwt = await signCredential(credential, { privateJwk: signingKeys.privateJwk, kid: KID });
  const list = buildStatusListCredential({
    id: LIST,
    issuer: ISSUER,
    encodedList: encodeStatusList(revoked),
    validFrom: new Date("2027-05-20T08:00:00Z"),
  });
  const documents: Record<string, string> = {
    [ISSUER]: JSON.stringify(
      issuerProfile({
        id: ISSUER,
        name: "Fundación Impulso",
        url: "https://impulso.example",
        publicJwk: publishedKeys.publicJwk,
        kid: KID,
      }),
    ),
    [LIST]: await signCredential(list, { privateJwk: listKeys.privateJwk, kid: KID }),
  };
  const fetchText = async (url: string) => {
    const body = documents[url];
    if (body === undefined) throw new Error(`HTTP 404 ${url}`);
    return body;
  };
  return { credential, jwt, documents, fetchText };
}

/** A compact JWS of any payload, for credentials signCredential would not produce. */
async function signRaw(payload: object, privateJwk: JWK = issuerKeys.privateJwk) {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: "EdDSA", kid: KID, typ: "JWT" })
    .sign(await importJWK(privateJwk, "EdDSA"));
}

const payloadOf = (jwt: string) =>
  JSON.parse(new TextDecoder().decode(base64url.decode(jwt.split(".")[1]))) as Record<string, unknown>;
const withPayload = (jwt: string, payload: object) => {
  const [header, , signature] = jwt.split(".");
  return `${header}.${base64url.encode(JSON.stringify(payload))}.${signature}`;
};
const failure = (result: VerificationResult) => (result.valid ? "valid" : result.reason);

describe("buildCredential", () => {
  it("writes an OpenBadgeCredential as OB 3.0 defines it", () => {
    const credential = buildCredential(input());
    expect(credential).toEqual({
      "@context": [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
      ],
      id: "urn:uuid:3f2b6c1e-8a4d-4e2b-9c7a-5d1e0f3a2b4c",
      type: ["VerifiableCredential", "OpenBadgeCredential"],
      issuer: { id: ISSUER, type: ["Profile"], name: "Fundación Impulso", url: "https://impulso.example" },
      // whole seconds: the JWT's nbf must equal it
      validFrom: "2027-05-03T15:04:05Z",
      name: "Retroalimentación efectiva",
      credentialSubject: {
        id: expect.stringMatching(/^urn:uuid:[0-9a-f-]{36}$/),
        type: ["AchievementSubject"],
        identifier: [
          { type: "IdentityObject", identityType: "name", hashed: false, identityHash: "Ana María Pérez" },
          {
            type: "IdentityObject",
            identityType: "emailAddress",
            hashed: true,
            identityHash: expect.stringMatching(/^sha256\$[0-9a-f]{64}$/),
            salt: expect.stringMatching(/^[0-9a-f]{32}$/),
          },
        ],
        achievement: {
          id: "https://impulso.example/courses/retroalimentacion-efectiva",
          type: ["Achievement"],
          achievementType: "Course",
          name: "Retroalimentación efectiva",
          description: "Cómo dar retroalimentación breve y precisa.",
          criteria: { narrative: "Asistir al 75 % de las sesiones." },
          creditsAvailable: 12,
        },
        creditsEarned: 12,
        activityStartDate: "2027-04-01T00:00:00Z",
        activityEndDate: "2027-04-30T00:00:00Z",
      },
      credentialStatus: {
        id: `${LIST}#94567`,
        type: "BitstringStatusListEntry",
        statusPurpose: "revocation",
        statusListIndex: "94567",
        statusListCredential: LIST,
      },
    });
  });

  it("keeps the email only as a salted hash, and gives every credential its own subject id", () => {
    const credential = buildCredential(input());
    const email = credential.credentialSubject.identifier[1];
    expect(email.identityHash).toBe(hashIdentity("ana.perez@example.cl", email.salt ?? ""));
    expect(JSON.stringify(credential).toLowerCase()).not.toContain("ana.perez");
    expect(buildCredential(input()).credentialSubject.id).not.toBe(credential.credentialSubject.id);
    // the IdentityHash example of the OB 3.0 specification
    expect(hashIdentity("a@example.com", "Kosher")).toBe(
      "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399",
    );
  });

  it("refuses input it cannot express", () => {
    expect(() => buildCredential({ ...input(), certificateId: "42" })).toThrow(TypeError);
    expect(() => buildCredential({ ...input(), endedOn: "2027-02-30" })).toThrow(RangeError);
    expect(() => buildCredential({ ...input(), endedOn: "2027-03-31" })).toThrow(RangeError);
    expect(() => buildCredential({ ...input(), status: { listUrl: `${LIST}#x`, index: 1 } })).toThrow(
      TypeError,
    );
    expect(() => buildCredential(input(-1))).toThrow(RangeError);
  });
});

describe("signCredential", () => {
  it("makes a VC-JWT as OB 3.0 writes it: the credential at the top level with iss, jti, nbf and sub", async () => {
    const credential = buildCredential(input());
    const jwt = await signCredential(credential, { privateJwk: issuerKeys.privateJwk, kid: KID });
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: "EdDSA", kid: KID, typ: "JWT" });
    expect(payloadOf(jwt)).toEqual({
      ...credential,
      iss: ISSUER,
      jti: credential.id,
      nbf: Date.parse("2027-05-03T15:04:05Z") / 1000,
      sub: credential.credentialSubject.id,
    });
  });

  it("signs only with a kid of the issuer and a private key", async () => {
    const credential = buildCredential(input());
    const sign = (privateJwk: JWK, kid: string) => signCredential(credential, { privateJwk, kid });
    await expect(sign(issuerKeys.privateJwk, "https://elsewhere.example/issuer#key-1")).rejects.toThrow(
      TypeError,
    );
    await expect(sign(issuerKeys.publicJwk, KID)).rejects.toThrow(TypeError);
  });
});

describe("issuerProfile", () => {
  it("publishes the public key under the kid, and never a private member", () => {
    const profile = issuerProfile({
      id: ISSUER,
      name: "Fundación Impulso",
      url: "https://impulso.example",
      publicJwk: issuerKeys.privateJwk,
      kid: KID,
    });
    expect(profile).toEqual({
      "@context": [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        "https://www.w3.org/ns/cid/v1",
      ],
      id: ISSUER,
      type: ["Profile"],
      name: "Fundación Impulso",
      url: "https://impulso.example",
      verificationMethod: [
        {
          id: KID,
          type: "JsonWebKey",
          controller: ISSUER,
          publicKeyJwk: { kty: "OKP", crv: "Ed25519", x: issuerKeys.publicJwk.x, alg: "EdDSA" },
        },
      ],
      assertionMethod: [KID],
    });
  });
});

describe("verifyCredential", () => {
  it("verifies what the platform issues, and describes it", async () => {
    const { credential, jwt, fetchText } = await issue();
    const result = await verifyCredential(jwt, { fetchText, now: NOW });
    expect(result).toEqual({ valid: true, credential });
    expect(describeCredential(credential)).toEqual({
      holderName: "Ana María Pérez",
      achievementName: "Retroalimentación efectiva",
      hours: 12,
      startedOn: "2027-04-01",
      endedOn: "2027-04-30",
      issuerId: ISSUER,
      issuerName: "Fundación Impulso",
      issuedOn: "2027-05-03",
    });
  });

  it("refuses a credential whose payload was changed", async () => {
    const { jwt, fetchText } = await issue();
    const payload = payloadOf(jwt) as OpenBadgeCredential;
    payload.credentialSubject.creditsEarned = 120;
    expect(failure(await verifyCredential(withPayload(jwt, payload), { fetchText, now: NOW }))).toBe(
      "signature",
    );
    // any one character of the payload
    const [header, body, signature] = jwt.split(".");
    for (let i = 0; i < body.length; i += 97) {
      const changed = `${body.slice(0, i)}${body[i] === "A" ? "B" : "A"}${body.slice(i + 1)}`;
      const result = await verifyCredential(`${header}.${changed}.${signature}`, { fetchText, now: NOW });
      expect(result.valid, `character ${i}`).toBe(false);
    }
  });

  it("refuses a credential signed with a key the issuer does not publish", async () => {
    const { jwt, fetchText } = await issue({ signingKeys: otherKeys });
    expect(failure(await verifyCredential(jwt, { fetchText, now: NOW }))).toBe("signature");
  });

  it("refuses a kid that is not under the issuer's id, and an issuer whose profile cannot be read", async () => {
    const { jwt, fetchText, documents } = await issue();
    const [, body, signature] = jwt.split(".");
    const header = base64url.encode(
      JSON.stringify({ alg: "EdDSA", kid: "https://elsewhere.example/k#key-1", typ: "JWT" }),
    );
    expect(failure(await verifyCredential(`${header}.${body}.${signature}`, { fetchText, now: NOW }))).toBe(
      "key",
    );
    delete documents[ISSUER];
    expect(failure(await verifyCredential(jwt, { fetchText, now: NOW }))).toBe("key");
  });

  it("refuses any @context but the pinned ones", async () => {
    const credential = buildCredential(input());
    const extra = [...credential["@context"], "https://example.com/evil-context.json"];
    const { jwt, fetchText } = await issue({
      credential: { ...credential, "@context": extra } as unknown as OpenBadgeCredential,
    });
    const result = await verifyCredential(jwt, { fetchText, now: NOW });
    expect(failure(result)).toBe("context");
  });

  it("refuses the VC 1.1 layout (the credential in a vc claim)", async () => {
    const { credential, fetchText } = await issue();
    const jwt = await signRaw({
      vc: credential,
      iss: ISSUER,
      jti: credential.id,
      nbf: Date.parse(credential.validFrom) / 1000,
      sub: credential.credentialSubject.id,
    });
    expect(failure(await verifyCredential(jwt, { fetchText, now: NOW }))).toBe("claims");
  });

  it("refuses a credential before validFrom and after validUntil (the exp claim)", async () => {
    const { credential, jwt, fetchText } = await issue();
    const early = await verifyCredential(jwt, { fetchText, now: new Date("2027-05-01T00:00:00Z") });
    expect(failure(early)).toBe("not_yet_valid");
    const validUntil = "2027-05-31T00:00:00Z";
    const expiring = await signRaw({
      ...credential,
      validUntil,
      iss: ISSUER,
      jti: credential.id,
      nbf: Date.parse(credential.validFrom) / 1000,
      sub: credential.credentialSubject.id,
      exp: Date.parse(validUntil) / 1000,
    });
    expect(failure(await verifyCredential(expiring, { fetchText, now: NOW }))).toBe("expired");
  });

  it("refuses a revoked credential, and only that one", async () => {
    const { jwt, fetchText } = await issue({ revoked: [94_567] });
    const result = await verifyCredential(jwt, { fetchText, now: NOW });
    expect(result).toMatchObject({ valid: false, reason: "revoked" });
    const neighbour = await issue({ credential: buildCredential(input(94_566)), revoked: [94_567, 94_568] });
    expect(await verifyCredential(neighbour.jwt, { fetchText: neighbour.fetchText, now: NOW })).toMatchObject(
      {
        valid: true,
      },
    );
  });

  it("refuses when the status list is not the issuer's or cannot be fetched", async () => {
    const forged = await issue({ listKeys: otherKeys });
    expect(failure(await verifyCredential(forged.jwt, { fetchText: forged.fetchText, now: NOW }))).toBe(
      "status",
    );
    const { jwt, fetchText, documents } = await issue();
    delete documents[LIST];
    expect(failure(await verifyCredential(jwt, { fetchText, now: NOW }))).toBe("status");
  });

  it("verifies RS256, the algorithm OB 3.0's conformance tests ask of a VC-JWT", async () => {
    const rsa = await generateIssuerKeyPair("RS256");
    const { jwt, fetchText } = await issue({ signingKeys: rsa, publishedKeys: rsa, listKeys: rsa });
    expect(decodeProtectedHeader(jwt).alg).toBe("RS256");
    expect(await verifyCredential(jwt, { fetchText, now: NOW })).toMatchObject({ valid: true });
  });
});

describe("status list", () => {
  it("is 131,072 bits (16 KB) gzip'd as multibase base64url, bit 0 the left-most of the first byte", () => {
    const encoded = encodeStatusList([0, 9, STATUS_LIST_MIN_BITS - 1]);
    expect(encoded).toMatch(/^u[A-Za-z0-9_-]+$/);
    const raw = gunzipSync(Buffer.from(encoded.slice(1), "base64url"));
    expect(raw.length).toBe(16_384);
    expect([raw[0], raw[1], raw[16_383]]).toEqual([0b1000_0000, 0b0100_0000, 0b0000_0001]);
    const bits = decodeStatusList(encoded);
    expect(bits).toEqual(new Uint8Array(raw));
    expect([0, 1, 8, 9, STATUS_LIST_MIN_BITS - 1].map((i) => isSet(bits, i))).toEqual([
      true,
      false,
      false,
      true,
      true,
    ]);
    expect(() => isSet(bits, STATUS_LIST_MIN_BITS)).toThrow(RangeError);
  });

  it("reads the example list of the Bitstring Status List specification", () => {
    const bits = decodeStatusList("uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA");
    expect(bits.length * 8).toBe(STATUS_LIST_MIN_BITS);
    expect(bits.every((byte) => byte === 0)).toBe(true);
  });

  it("refuses a list shorter than 16 KB, an index outside it, and a list that is not multibase", () => {
    expect(() => encodeStatusList([], 8_192)).toThrow(RangeError);
    expect(() => encodeStatusList([STATUS_LIST_MIN_BITS])).toThrow(RangeError);
    expect(() => decodeStatusList(Buffer.from("not a list").toString("base64url"))).toThrow(TypeError);
  });
});

describe("pinned contexts", () => {
  // SHA-256 of JSON.stringify(JSON.parse(upstream file)): see contexts/index.ts for the sources
  it.each([
    [
      "https://www.w3.org/ns/credentials/v2",
      "bf6fd611e6773d58f649459a45dbbb81f94e8cfd058a756644cd5a4a882c4050",
    ],
    [
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
      "e407ae98563c7b4708be4c8198a7f254bc09c131afc68e73d5f90eb0a34c6f7f",
    ],
    ["https://www.w3.org/ns/cid/v1", "d2c2be6f2b930c4e1c2889ad1b56c74f72f020d10f7ce72a382fd1f4194cce9c"],
  ])("%s is the published document", (url, digest) => {
    const document = PINNED_CONTEXTS[url];
    expect(createHash("sha256").update(JSON.stringify(document)).digest("hex")).toBe(digest);
  });
});
