import type { MessageKey } from "../es-CL";

// Keys missing here fall back to Spanish at run time; src/messages/catalogue.test.ts requires all.
export const ptBR: Partial<Record<MessageKey, string>> = {};
