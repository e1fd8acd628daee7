import type { learning as source } from "../es-CL/learning";

// Português (Brasil). Every key of the Spanish area is required (see src/messages/catalogue.test.ts).
export const learning: Record<keyof typeof source, string> = {
  "learning.errors.slug_invalid":
    "O endereço só pode ter letras minúsculas sem acentos, números e hífens, por exemplo oficina-leitura-2027.",
  "learning.errors.slug_taken": "Já existe um curso ou oficina com esse endereço. Escolha outro.",
  "learning.errors.number_invalid": "Escreva um número inteiro dentro do intervalo permitido.",
  "learning.errors.date_invalid": "Escreva uma data válida (dia, mês e ano).",
  "learning.errors.ends_before_start": "A data de término não pode ser anterior à de início.",
  "learning.errors.meeting_url_invalid": "O link da reunião deve começar com https://.",
  "learning.errors.time_zone_invalid": "Escolha um fuso horário da lista.",
  "learning.errors.time_skipped":
    "Esse horário não existe no fuso escolhido: nesse dia os relógios são adiantados uma hora. Escolha outro horário.",
  "learning.errors.time_repeated":
    "Esse horário ocorre duas vezes no fuso escolhido: nesse dia os relógios são atrasados uma hora. Indique se é a primeira ou a segunda vez.",
};
