import type { MessageKey } from "../es-CL";
import { admin } from "./admin";
import { auth } from "./auth";
import { common } from "./common";
import { observation } from "./observation";
import { people } from "./people";
import { roster } from "./roster";
import { schools } from "./schools";

// One file per area, like es-CL; each area's type requires every key of the Spanish area.
// Areas not translated yet fall back to Spanish at run time; src/messages/catalogue.test.ts requires all.
export const en: Partial<Record<MessageKey, string>> = {
  ...common,
  ...auth,
  ...people,
  ...schools,
  ...roster,
  ...admin,
  ...observation,
};
