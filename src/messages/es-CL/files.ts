// Uploaded files (platform/storage): what a refused file is told.
export const files = {
  "files.errors.empty": "Elija un archivo: el que envió está vacío o no llegó.",
  "files.errors.too_large": "El archivo pesa más de {max}.",
  "files.errors.type_not_allowed":
    "Este tipo de archivo no se acepta aquí. Se aceptan: PDF, imágenes (PNG, JPG, WebP, GIF), documentos de Office u OpenDocument y texto.",
} as const;
