import { admin } from "./admin";
import { auth } from "./auth";
import { common } from "./common";
import { people } from "./people";
import { roster } from "./roster";
import { schools } from "./schools";

export const esCL = { ...common, ...auth, ...people, ...schools, ...roster, ...admin };
export type MessageKey = keyof typeof esCL;
