// The organization's programs (issue #18): courses, mentor tracks and advisories may belong to one.
export const programs = {
  "nav.programs": "Programas",
  "programs.title": "Programas",
  "programs.intro":
    "Los programas agrupan cursos, trayectorias de mentores y asesorías, para filtrar las cifras de impacto por programa.",
  "programs.none": "Aún no hay programas.",
  "programs.field.name": "Nombre del programa",
  "programs.create.title": "Nuevo programa",
  "programs.create.submit": "Crear programa",
  "programs.rename.submit": "Cambiar nombre",
  "programs.rename.label": "Nuevo nombre de «{name}»",
  "programs.notice.created": "Programa creado.",
  "programs.notice.renamed": "Nombre cambiado.",
  "programs.errors.name_required": "Escribe el nombre del programa.",
  "programs.errors.name_too_long": "El nombre puede tener hasta 120 caracteres.",
  "programs.errors.name_taken": "Ya hay un programa con ese nombre en la organización.",
  "programs.errors.unknown": "Elige un programa de la organización.",
  "programs.field.program": "Programa",
  "programs.course.saved": "Programa guardado.",
  "programs.course.save": "Guardar programa",
  "programs.field.none": "Sin programa",
};
