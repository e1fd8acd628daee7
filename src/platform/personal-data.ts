// Personal data hooks (Ley 21.719): each owner of tables that hold data about a person (a module, or
// the platform for its own tables) registers one hook saying which tables those are, what of them goes
// into the person's "Descargar mis datos" archive, and how they are erased when a deletion request is
// granted. The privacy module runs every registered hook and knows no table of anyone else.
// A module registers its hook in its personal-data.ts, imported by its index.ts (as its policy.ts is),
// so it is registered whenever the module is loaded. src/modules/personal-data.test.ts finds every
// table holding a person's id or address in every schema.ts and fails for one that no hook lists.
import type { PgTable } from "drizzle-orm/pg-core";
import { auditPersonalData } from "./audit/personal-data";
import { authPersonalData } from "./auth/personal-data";
import type { DbOrTx } from "./db/client";
import type { Cell } from "./export";
import { mailPersonalData } from "./mail/personal-data";

/** The person whose data is exported or erased, as stored before anything is changed. */
export interface DataSubject {
  id: string;
  organizationId: string;
  givenNames: string;
  familyNames: string;
  email: string;
  rut: string | null;
}

/** A CSV file of the archive: its header and rows. */
export interface CsvPart {
  columns: string[];
  rows: Cell[][];
}

/** One hook's part of the archive. */
export interface ExportPart {
  /** top-level keys of datos.json, written in this order */
  json: Record<string, unknown>;
  /** CSV files by name ("roles.csv"), written in this order */
  csv?: Record<string, CsvPart>;
}

export interface ExportContext {
  /** Full names ("Nombres Apellidos") of the people the data refers to (null for an unknown id). */
  personNames(ids: ReadonlyArray<string | null>): Promise<(id: string | null) => string | null>;
  /** Names of the schools of the person's organization (null for an unknown id). */
  schoolNames(): Promise<(id: string | null) => string | null>;
}

export interface AnonymizeContext {
  now: Date;
  /** what replaces the person's names and sign-in address */
  givenNames: string;
  familyNames: string;
  email: string;
  /** what replaces a free text the person wrote */
  marker: string;
  /** every address the person signed in with or was asked to: the current one and each hook's `addresses` */
  addresses: readonly string[];
  /** emails left as they are for now (the notice of the anonymization itself, not sent yet) */
  keepEmailIds: readonly string[];
}

export interface PersonalDataHook {
  /** who owns the tables: a module's name, or "platform.<part>" */
  name: string;
  /** place in the archive (datos.json keys, CSV files) and in the anonymization: lower first */
  order: number;
  /** the owner's tables holding data about a person, which exportFor and anonymize take care of */
  tables: PgTable[];
  /** tables holding a person's id that neither needs to touch, each with why */
  untouched?: Array<{ table: PgTable; reason: string }>;
  /** The person's data in these tables, for the archive (never secrets: hashes, tokens, links). */
  exportFor(db: DbOrTx, person: DataSubject, context: ExportContext): Promise<ExportPart>;
  /** Other addresses of the person these tables know, read before any hook anonymizes. */
  addresses?(tx: DbOrTx, person: DataSubject): Promise<string[]>;
  /** Erases or replaces what identifies the person in these tables, in the deletion's transaction. */
  anonymize(tx: DbOrTx, person: DataSubject, context: AnonymizeContext): Promise<void>;
}

const hooks = new Map<string, PersonalDataHook>();

/** Registers (or, when a module is loaded again in development, replaces) an owner's hook. */
export function registerPersonalData(hook: PersonalDataHook): void {
  hooks.set(hook.name, hook);
}

/** Every registered hook, in their fixed order. */
export function personalDataHooks(): PersonalDataHook[] {
  return [...hooks.values()].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}

// The platform's own tables.
registerPersonalData(authPersonalData);
registerPersonalData(auditPersonalData);
registerPersonalData(mailPersonalData);
