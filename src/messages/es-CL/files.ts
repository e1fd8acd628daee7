// Uploaded files (platform/storage): what a refused file is told. {max} is a size as written ("20 MB"),
// {kinds} the extensions the place takes ("PDF, PNG, JPG"), the same in every language.
export const files = {
  "files.errors.empty": "Elija un archivo: el que envió está vacío o no llegó.",
  "files.errors.too_large": "El archivo pesa más de {max}.",
  "files.errors.type_not_allowed":
    "Este tipo de archivo no se acepta aquí. Se aceptan: {kinds}. El tipo se reconoce por el contenido del archivo, no por su nombre.",
  "files.fallback_name": "archivo",
} as const;
