import type { files as source } from "../es-CL/files";

// Brazilian Portuguese. Every key of the Spanish area is required (see src/messages/catalogue.test.ts).
export const files: Record<keyof typeof source, string> = {
  "files.errors.empty": "Escolha um arquivo: o que você enviou está vazio ou não chegou.",
  "files.errors.too_large": "O arquivo tem mais de {max}.",
  "files.errors.type_not_allowed":
    "Este tipo de arquivo não é aceito aqui. São aceitos: {kinds}. O tipo é reconhecido pelo conteúdo do arquivo, não pelo nome.",
  "files.fallback_name": "arquivo",
};
