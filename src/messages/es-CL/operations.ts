// Mensajes de los comandos de operación en la terminal: copias de seguridad (npm run backup / restore).
export const operations = {
  "operations.database.pglite": "PGlite en {path}",
  "operations.database.postgres": "PostgreSQL (DATABASE_URL)",
  "operations.failed": "Error inesperado: {reason}",
  "operations.pglite_missing": "No hay una base de datos PGlite en {path}. Revise DATA_DIR.",
  "operations.pglite_in_use":
    "La base de datos PGlite en {path} está abierta por otro proceso (¿Impulso está funcionando?). Detenga Impulso y vuelva a intentarlo. Si Impulso no está funcionando porque se cerró de golpe, inícielo y deténgalo una vez con Ctrl-C.",

  "operations.backup.usage":
    "Uso: npm run backup [-- --out ARCHIVO]\nSin --out, la copia queda en backups/impulso-AAAAMMDD-HHMMSS.jsonl.gz.",
  "operations.backup.starting": "Creando una copia de seguridad de {database}…",
  "operations.backup.done":
    "Copia de seguridad creada: {file}\n{tables} tablas, {rows} filas, esquema {level}, {size}.",
  "operations.backup.not_migrated":
    "La base de datos no tiene las tablas de Impulso (nunca se ha iniciado): no hay nada que respaldar.",
  "operations.backup.cannot_write": "No se pudo escribir la copia en {file}: {reason}",
  "operations.backup.failed": "No se creó la copia de seguridad.",

  "operations.restore.usage":
    "Uso: npm run restore -- ARCHIVO [--force]\n--force reemplaza el contenido de una base de datos que ya tiene datos.",
  "operations.restore.starting":
    "Restaurando {file} (creada el {createdAt} desde {engine}, esquema {level}) en {database}…",
  "operations.restore.done": "Copia restaurada y verificada: {tables} tablas, {rows} filas.",
  "operations.restore.migrated": "Se aplicaron {count} migraciones posteriores a la copia.",
  "operations.restore.cannot_read": "No se pudo leer {file}: {reason}",
  "operations.restore.not_a_backup": "El archivo no es una copia de seguridad de Impulso.",
  "operations.restore.unknown_version":
    "La copia usa el formato {version}, que esta versión de Impulso no conoce. Actualice Impulso.",
  "operations.restore.truncated":
    "La copia está incompleta: el archivo termina antes de tiempo (¿se cortó al copiarlo?).",
  "operations.restore.corrupt": "La copia está dañada: su contenido no se puede leer.",
  "operations.restore.corrupt_table":
    "La copia está dañada: los datos de la tabla {table} no se pueden leer.",
  "operations.restore.newer_schema":
    "La copia es de una versión más nueva de Impulso ({backup} migraciones; esta versión tiene {code}). Actualice Impulso antes de restaurarla.",
  "operations.restore.schema_mismatch":
    "La migración {migration} de la copia no coincide con la de esta versión de Impulso.",
  "operations.restore.schema_differs":
    "La tabla {table} de la copia no coincide con el esquema de su nivel de migración.",
  "operations.restore.not_empty":
    "La base de datos de destino ya tiene datos (tabla {table}). Para reemplazarlos, agregue --force.",
  "operations.restore.verification_failed":
    "La verificación falló en la tabla {table}: la copia dice {expected} filas y se leyeron {actual}, o su suma de verificación no coincide. La copia está dañada o fue modificada.",
  "operations.restore.in_use":
    "La base de datos está en uso por otro proceso. Detenga Impulso y vuelva a intentarlo.",
  "operations.restore.failed": "No se restauró la copia: la base de datos no se modificó.",
};
