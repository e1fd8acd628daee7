// Learning: courses, open workshops, cohorts, live sessions and registrations (issue #16).
export const learning = {
  "learning.errors.slug_invalid":
    "La dirección solo puede tener letras minúsculas sin tildes, números y guiones, por ejemplo taller-lectura-2027.",
  "learning.errors.slug_taken": "Ya hay un curso o taller con esa dirección. Elija otra.",
  "learning.errors.number_invalid": "Escriba un número entero dentro del rango permitido.",
  "learning.errors.date_invalid": "Escriba una fecha válida (día, mes y año).",
  "learning.errors.ends_before_start": "La fecha de término no puede ser anterior a la de inicio.",
  "learning.errors.meeting_url_invalid": "El enlace de la reunión debe comenzar con https://.",
  "learning.errors.time_zone_invalid": "Elija una zona horaria de la lista.",
  "learning.errors.time_skipped":
    "Esa hora no existe en la zona elegida: ese día los relojes se adelantan una hora. Elija otra hora.",
  "learning.errors.time_repeated":
    "Esa hora ocurre dos veces en la zona elegida: ese día los relojes se atrasan una hora. Indique si es la primera o la segunda vez.",
} as const;
