import type { operations as source } from "../es-CL/operations";

// Brazilian Portuguese. Every key of the Spanish area is required (see src/messages/catalogue.test.ts).
export const operations: Record<keyof typeof source, string> = {
  "operations.database.pglite": "PGlite em {path}",
  "operations.database.postgres": "PostgreSQL (DATABASE_URL)",
  "operations.failed": "Erro inesperado: {reason}",
  "operations.pglite_missing": "Não há um banco de dados PGlite em {path}. Verifique DATA_DIR.",
  "operations.pglite_in_use":
    "O banco de dados PGlite em {path} está aberto por outro processo (o Impulso está em execução?). Pare o Impulso e tente novamente. Se o Impulso não está em execução porque foi fechado abruptamente, inicie-o e pare-o uma vez com Ctrl-C.",

  "operations.backup.usage":
    "Uso: npm run backup [-- --out ARQUIVO]\nSem --out, a cópia fica em backups/impulso-AAAAMMDD-HHMMSS.jsonl.gz.",
  "operations.backup.starting": "Criando uma cópia de segurança de {database}…",
  "operations.backup.done":
    "Cópia de segurança criada: {file}\n{tables} tabelas, {rows} linhas, esquema {level}, {size}.",
  "operations.backup.not_migrated":
    "O banco de dados não tem as tabelas do Impulso (nunca foi iniciado): não há nada para copiar.",
  "operations.backup.cannot_write": "Não foi possível gravar a cópia em {file}: {reason}",
  "operations.backup.failed": "A cópia de segurança não foi criada.",

  "operations.restore.usage":
    "Uso: npm run restore -- ARQUIVO [--force]\n--force substitui o conteúdo de um banco de dados que já tem dados.",
  "operations.restore.starting":
    "Restaurando {file} (criada em {createdAt} a partir de {engine}, esquema {level}) em {database}…",
  "operations.restore.done": "Cópia restaurada e verificada: {tables} tabelas, {rows} linhas.",
  "operations.restore.migrated": "Foram aplicadas {count} migrações posteriores à cópia.",
  "operations.restore.cannot_read": "Não foi possível ler {file}: {reason}",
  "operations.restore.not_a_backup": "O arquivo não é uma cópia de segurança do Impulso.",
  "operations.restore.unknown_version":
    "A cópia usa o formato {version}, que esta versão do Impulso não conhece. Atualize o Impulso.",
  "operations.restore.truncated":
    "A cópia está incompleta: o arquivo termina antes do esperado (foi cortado ao copiá-lo?).",
  "operations.restore.corrupt": "A cópia está danificada: seu conteúdo não pode ser lido.",
  "operations.restore.corrupt_table":
    "A cópia está danificada: os dados da tabela {table} não podem ser lidos.",
  "operations.restore.newer_schema":
    "A cópia é de uma versão mais nova do Impulso ({backup} migrações; esta versão tem {code}). Atualize o Impulso antes de restaurá-la.",
  "operations.restore.schema_mismatch":
    "A migração {migration} da cópia não coincide com a desta versão do Impulso.",
  "operations.restore.schema_differs":
    "A tabela {table} da cópia não coincide com o esquema do seu nível de migração.",
  "operations.restore.not_empty":
    "O banco de dados de destino já tem dados (tabela {table}). Para substituí-los, acrescente --force.",
  "operations.restore.verification_failed":
    "A verificação falhou na tabela {table}: a cópia indica {expected} linhas e foram lidas {actual}, ou a soma de verificação não coincide. A cópia está danificada ou foi modificada.",
  "operations.restore.in_use":
    "O banco de dados está em uso por outro processo. Pare o Impulso e tente novamente.",
  "operations.restore.failed": "A cópia não foi restaurada: o banco de dados não foi modificado.",
};
