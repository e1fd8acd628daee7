// Uploaded files (platform/storage): what a refused file is told. {max} is a size as written ("20 MB"),
// {kinds} the extensions the place takes ("PDF, PNG, JPG"), the same in every language. files.resumable.*:
// the resumable uploads (/subidas) and their component (app/components/resumable-upload.tsx); {sent}
// and {total} are sizes as written, {reason} a refusal of the server (one of these sentences).
export const files = {
  "files.errors.empty": "Elija un archivo: el que envió está vacío o no llegó.",
  "files.errors.too_large": "El archivo pesa más de {max}.",
  "files.errors.type_not_allowed":
    "Este tipo de archivo no se acepta aquí. Se aceptan: {kinds}. El tipo se reconoce por el contenido del archivo, no por su nombre.",
  "files.fallback_name": "archivo",
  "files.resumable.sign_in": "Su sesión terminó. Ingrese de nuevo para subir el archivo.",
  "files.resumable.not_allowed": "No puede subir un archivo aquí.",
  "files.resumable.size_unknown": "No se pudo saber el tamaño del archivo. Elíjalo de nuevo.",
  "files.resumable.failed": "No se pudo guardar el archivo. Intente de nuevo en unos minutos.",
  "files.resumable.choose": "Archivo",
  "files.resumable.start": "Subir",
  "files.resumable.pause": "Pausar",
  "files.resumable.resume": "Continuar",
  "files.resumable.progress": "Subido: {percent} % ({sent} de {total}).",
  "files.resumable.paused":
    "En pausa. Puede continuar cuando quiera; si cierra la página, elija el mismo archivo y seguirá donde quedó.",
  "files.resumable.retrying":
    "Se cortó la conexión. La subida seguirá sola cuando vuelva, sin empezar de nuevo.",
  "files.resumable.checking": "Revisando el archivo…",
  "files.resumable.done": "Listo: el archivo se subió.",
  "files.resumable.error": "No se pudo subir el archivo. {reason}",
  "files.resumable.needs_javascript":
    "Para subir un video, active JavaScript en su navegador (el resto de la página funciona sin él).",
} as const;
