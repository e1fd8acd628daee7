import { admin } from "./admin";
import { auth } from "./auth";
import { common } from "./common";
import { observation } from "./observation";
import { people } from "./people";
import { roster } from "./roster";
import { schools } from "./schools";

export const esCL = { ...common, ...auth, ...people, ...schools, ...roster, ...admin, ...observation };
export type MessageKey = keyof typeof esCL;
