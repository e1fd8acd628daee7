export const people = {
  "people.title": "Personas",
} as const;
