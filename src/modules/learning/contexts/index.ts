// The JSON-LD contexts that the platform's Open Badges credentials name, pinned in the project: a
// verifier must never fetch a context (whoever serves it could change what a signed credential
// means), so these are the only ones accepted. The VC-JWT verifier accepts exactly their URLs; a
// JSON-LD document loader, when a Data Integrity proof needs one, must load them from here and
// refuse any other URL.
//
// Where each file comes from. The files were reformatted by Biome (whitespace only), so their bytes
// differ from the published ones; open-badges.test.ts checks the SHA-256 of JSON.stringify of the
// parsed document, which is the same for the upstream file and for this one.
// - credentials-v2.json: https://www.w3.org/ns/credentials/v2, from w3c/vc-data-model,
//   contexts/credentials/v2 (commit 979c4af1). The upstream bytes have the SHA-256 published in
//   VC Data Model 2.0 §B.1 (59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734).
// - ob-v3p0-context-3.0.3.json: https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json, from
//   1EdTech/openbadges-specification, ob_v3p0/context-3.0.3.json (commit 1af145f, last changed by
//   74da24d "Add awardedDate property"; bytes unchanged by Biome, SHA-256 ef2fa9c7…). Others who
//   fetched the purl URL recorded a different SHA-256 (3d34f4d4…), so the served file may differ.
// - cid-v1.json: https://www.w3.org/ns/cid/v1 (Controlled Identifiers 1.0), from w3c/cid,
//   context/v1.jsonld (commit 2b962ac; upstream bytes SHA-256 ea216ecc…). The issuer's profile
//   uses it for its `verificationMethod` (a `JsonWebKey` with `publicKeyJwk`).
import cidV1 from "./cid-v1.json";
import credentialsV2 from "./credentials-v2.json";
import openBadgesV3p0 from "./ob-v3p0-context-3.0.3.json";

export const VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2";
export const OB_V3P0_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
export const CID_V1_CONTEXT = "https://www.w3.org/ns/cid/v1";

/** Each pinned context's URL and its document. */
export const PINNED_CONTEXTS: Readonly<Record<string, object>> = Object.freeze({
  [VC_V2_CONTEXT]: credentialsV2,
  [OB_V3P0_CONTEXT]: openBadgesV3p0,
  [CID_V1_CONTEXT]: cidV1,
});
