// The countries a registration names (ISO 3166-1 alpha-2): Latin America, the Iberian peninsula and
// North America, where the organization's workshops are attended from; "ZZ" for any other. Their names
// are the runtime's (Intl.DisplayNames in the reader's language).
export const COUNTRIES = [
  "AR",
  "BO",
  "BR",
  "CL",
  "CO",
  "CR",
  "CU",
  "DO",
  "EC",
  "GT",
  "HN",
  "MX",
  "NI",
  "PA",
  "PE",
  "PR",
  "PY",
  "SV",
  "UY",
  "VE",
  "ES",
  "PT",
  "US",
  "CA",
  "ZZ",
] as const;
export type Country = (typeof COUNTRIES)[number];
