import type { programs as source } from "../es-CL/programs";

export const programs: Record<keyof typeof source, string> = {
  "nav.programs": "Programas",
  "programs.title": "Programas",
  "programs.intro":
    "Os programas agrupam cursos, trilhas de mentores e assessorias, para filtrar os números de impacto por programa.",
  "programs.none": "Ainda não há programas.",
  "programs.field.name": "Nome do programa",
  "programs.create.title": "Novo programa",
  "programs.create.submit": "Criar programa",
  "programs.rename.submit": "Mudar nome",
  "programs.rename.label": "Novo nome de «{name}»",
  "programs.notice.created": "Programa criado.",
  "programs.notice.renamed": "Nome alterado.",
  "programs.errors.name_required": "Escreva o nome do programa.",
  "programs.errors.name_too_long": "O nome pode ter até 120 caracteres.",
  "programs.errors.name_taken": "Já existe um programa com esse nome na organização.",
  "programs.errors.unknown": "Escolha um programa da organização.",
  "programs.field.program": "Programa",
  "programs.course.saved": "Programa salvo.",
  "programs.course.save": "Salvar programa",
  "programs.field.none": "Sem programa",
};
