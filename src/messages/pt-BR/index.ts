import type { MessageKey } from "../es-CL";
import { accounts } from "./accounts";
import { admin } from "./admin";
import { advisory } from "./advisory";
import { auth } from "./auth";
import { calibration } from "./calibration";
import { common } from "./common";
import { community } from "./community";
import { dashboards } from "./dashboards";
import { day } from "./day";
import { discussions } from "./discussions";
import { files } from "./files";
import { impact } from "./impact";
import { learning } from "./learning";
import { mentoring } from "./mentoring";
import { mentoringTrack } from "./mentoring-track";
import { observation } from "./observation";
import { operations } from "./operations";
import { pdf } from "./pdf";
import { people } from "./people";
import { practices } from "./practices";
import { privacy } from "./privacy";
import { programs } from "./programs";
import { roster } from "./roster";
import { schools } from "./schools";
import { setup } from "./setup";
import { wellbeing } from "./wellbeing";

// One file per area, like es-CL; each area's type requires every key of the Spanish area.
// Areas not translated yet fall back to Spanish at run time; src/messages/catalogue.test.ts requires all.
export const ptBR: Partial<Record<MessageKey, string>> = {
  ...common,
  ...auth,
  ...accounts,
  ...people,
  ...schools,
  ...roster,
  ...admin,
  ...observation,
  ...pdf,
  ...setup,
  ...calibration,
  ...dashboards,
  ...operations,
  ...privacy,
  ...day,
  ...learning,
  ...files,
  ...discussions,
  ...community,
  ...practices,
  ...wellbeing,
  ...advisory,
  ...programs,
  ...impact,
  ...mentoring,
  ...mentoringTrack,
};
