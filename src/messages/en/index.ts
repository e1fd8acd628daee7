import type { MessageKey } from "../es-CL";

// Keys missing here fall back to Spanish at run time; src/messages/catalogue.test.ts requires all.
export const en: Partial<Record<MessageKey, string>> = {};
