export const roster = {
  // Upload page
  "roster.upload.title": "Importar nómina",
  "roster.upload.heading": "Importar la nómina de {school}",
  "roster.upload.intro":
    "Suba un archivo CSV o Excel (XLSX) con una fila por persona. Antes de importar verá una vista previa con cada fila que tenga problemas y su motivo.",
  "roster.upload.columns": "Columnas del archivo",
  "roster.upload.col.given_names": "nombres (obligatoria)",
  "roster.upload.col.family_names":
    "apellidos (obligatoria; también sirven «apellido paterno» y «apellido materno»)",
  "roster.upload.col.email": "correo (obligatoria): el correo con que la persona entrará a Impulso",
  "roster.upload.col.rut": "rut (opcional): con o sin puntos; también sirven «RUN» y «DV» en dos columnas",
  "roster.upload.col.role":
    "rol (opcional): docente, mentor o un cargo directivo (director/a, jefe/a UTP, inspector/a general…); vacío significa docente",
  "roster.upload.col.school": "rbd (opcional): si viene, debe ser {rbd}, el RBD de este establecimiento",
  "roster.upload.columns_note":
    "Los nombres de las columnas pueden estar en mayúsculas o con tildes, y puede haber líneas de título sobre ellas. Excel en Chile guarda CSV separados por «;»: también se aceptan.",
  "roster.upload.example": "Descargar un archivo de ejemplo (CSV)",
  "roster.upload.file": "Archivo de la nómina",
  "roster.upload.file_hint": "CSV o XLSX, hasta 5 MB y 20.000 filas.",
  "roster.upload.submit": "Revisar el archivo",
  "roster.upload.no_email_note":
    "Importar no envía correos. Al terminar, puede enviar la invitación a todas las personas nuevas de una vez.",
  "roster.upload.history": "Importaciones anteriores",
  "roster.upload.history_empty": "Todavía no se ha importado ninguna nómina en este establecimiento.",
  "roster.col.date": "Fecha",
  "roster.col.file": "Archivo",
  "roster.col.status": "Estado",
  "roster.col.result": "Resultado",
  "roster.col.by": "Subida por",
  "roster.history.result":
    "Nuevas: {created} · actualizadas: {updated} · sin cambios: {unchanged} · rechazadas: {rejected}",
  "roster.history.result_preview": "Filas: {total} · con problemas: {rejected}",
  // Statuses
  "roster.status.preview": "Vista previa",
  "roster.status.queued": "En cola",
  "roster.status.running": "Importando",
  "roster.status.done": "Terminada",
  "roster.status.failed": "Detenida por un error",
  "roster.status.cancelled": "Descartada",
  // The import page
  "roster.page.title": "Importación de {file}",
  "roster.page.heading": "Importación de «{file}»",
  "roster.page.school_label": "Establecimiento:",
  "roster.page.back": "Volver a importar nóminas",
  "roster.preview.summary":
    "Filas en el archivo: {total}. Se pueden importar: {valid}. Con problemas: {rejected}.",
  "roster.preview.sample": "Primeras filas que se importarán",
  "roster.preview.sample_more": "Se muestran {shown} de {valid}.",
  "roster.preview.confirm": "{count, plural, one {Importar # fila} other {Importar {count} filas}}",
  "roster.preview.cancel": "Descartar",
  "roster.preview.nothing":
    "Ninguna fila se puede importar. Corrija el archivo con los motivos de abajo y vuelva a subirlo.",
  "roster.preview.again_note":
    "Importar el mismo archivo otra vez no duplica a nadie: las personas se reconocen por su correo y se actualiza su nombre si cambió.",
  "roster.progress.heading": "Importando…",
  "roster.progress.label": "Avance de la importación",
  "roster.progress.value": "Filas importadas: {processed} de {valid}",
  "roster.progress.note":
    "Esta página se actualiza sola. Puede cerrarla: la importación sigue en el servidor.",
  "roster.progress.refresh": "Actualizar ahora",
  "roster.done.summary":
    "Importación terminada. Personas nuevas: {created}. Actualizadas: {updated}. Sin cambios: {unchanged}. Filas rechazadas: {rejected}.",
  "roster.done.people": "Ver las personas del establecimiento",
  "roster.failed.summary":
    "La importación se detuvo por un error (filas importadas: {processed} de {valid}). Puede reintentarla: lo ya importado no se repite.",
  "roster.failed.retry": "Reintentar la importación",
  "roster.cancelled.summary": "Esta vista previa se descartó y sus filas se borraron. Nada se importó.",
  "roster.rejected.heading": "Filas con problemas ({count})",
  "roster.rejected.none": "Ninguna fila tiene problemas.",
  "roster.rejected.more":
    "Se muestran las primeras {shown} de {count}. El archivo descargable las tiene todas.",
  "roster.rejected.download": "Descargar las filas con problemas (CSV) para corregirlas",
  "roster.rejected.line": "Línea {line}",
  "roster.col.line": "Línea",
  "roster.col.person": "Datos de la fila",
  "roster.col.reasons": "Motivo",
  "roster.col.given_names": "Nombres",
  "roster.col.family_names": "Apellidos",
  "roster.col.email": "Correo",
  "roster.col.rut": "RUT",
  "roster.col.role": "Rol",
  "roster.empty_value": "(vacío)",
  "roster.notice.cancelled": "Vista previa descartada.",
  // Why a row is rejected
  "roster.reason.given_names_missing": "Faltan los nombres.",
  "roster.reason.family_names_missing": "Faltan los apellidos.",
  "roster.reason.name_too_long": "El nombre o los apellidos tienen más de {max} caracteres.",
  "roster.reason.email_missing": "Falta el correo.",
  "roster.reason.email_invalid": "El correo «{value}» no es válido.",
  "roster.reason.rut_invalid": "El RUT «{value}» no es válido (revise el dígito verificador).",
  "roster.reason.duplicate_email": "El correo se repite: ya aparece en la línea {line}.",
  "roster.reason.duplicate_rut": "El RUT se repite: ya aparece en la línea {line}.",
  "roster.reason.unknown_school": "«{value}» no es este establecimiento ({school}, RBD {rbd}).",
  "roster.reason.unknown_role": "El rol «{value}» no se reconoce: use docente, mentor o un cargo directivo.",
  "roster.reason.email_taken": "Ese correo pertenece a una persona de la organización con otro RUT.",
  "roster.reason.rut_taken": "Ese RUT pertenece a otra persona de la organización, con otro correo.",
  "roster.reason.person_elsewhere":
    "Esta persona ya está registrada en la organización y usted no administra sus datos. Para sumarla a este establecimiento, use «Invitar a una persona»: se le avisará por correo.",
  "roster.reason.conflict":
    "La persona se registró al mismo tiempo por otra vía; vuelva a importar esta fila.",
  // Problems with the whole file
  "roster.errors.no_file": "Elija un archivo CSV o XLSX.",
  "roster.errors.empty_file": "El archivo está vacío.",
  "roster.errors.file_too_large": "El archivo es demasiado grande: el máximo es {max}.",
  "roster.errors.old_xls":
    "Los archivos .xls antiguos no se pueden leer. En Excel, use «Guardar como» y elija «Libro de Excel (.xlsx)» o «CSV».",
  "roster.errors.unsupported_type": "El archivo no es un CSV ni un XLSX.",
  "roster.errors.unreadable_xlsx":
    "No se pudo leer el archivo Excel. Ábralo y guárdelo de nuevo como .xlsx o como CSV.",
  "roster.errors.missing_columns":
    "Faltan columnas obligatorias: {missing}. Columnas encontradas en el archivo: {found}.",
  "roster.errors.no_rows": "El archivo tiene los nombres de las columnas, pero ninguna fila con personas.",
  "roster.errors.too_many_columns":
    "La hoja tiene más de {max} columnas. Deje solo las columnas de la lista (nombres, apellidos, correo, RUT, rol) y vuelva a subirla.",
  "roster.errors.too_many_rows":
    "El archivo tiene demasiadas filas: el máximo es {max}. Divídalo en varios archivos.",
  "roster.errors.cancelled": "Esta vista previa se descartó. Suba el archivo otra vez.",
  "roster.errors.nothing_to_import": "Ninguna fila se puede importar.",
  "roster.errors.not_cancellable": "Esta importación ya comenzó y no se puede descartar.",
  // The CSV of rejected rows
  "roster.csv.line": "línea",
  "roster.csv.reasons": "motivos",
} as const;
