import type { roster as source } from "../es-CL/roster";

// Brazilian Portuguese. Every key of the Spanish area is required (see src/messages/catalogue.test.ts).
// The column names and role words a file may use (nombres, apellidos, correo, rut, rol, rbd, docente,
// mentor…) are what the importer reads, so they stay in Spanish, explained in Portuguese.
export const roster: Record<keyof typeof source, string> = {
  // Upload page
  "roster.upload.title": "Importar lista de professores",
  "roster.upload.heading": "Importar a lista de professores de {school}",
  "roster.upload.intro":
    "Envie um arquivo CSV ou Excel (XLSX) com uma linha por pessoa. Antes de importar, você verá uma prévia com cada linha que tiver problemas e o motivo.",
  "roster.upload.columns": "Colunas do arquivo",
  "roster.upload.col.given_names": "nombres (obrigatória): os nomes",
  "roster.upload.col.family_names":
    "apellidos (obrigatória): os sobrenomes; também servem “apellido paterno” e “apellido materno” (sobrenome paterno e materno)",
  "roster.upload.col.email": "correo (obrigatória): o e-mail com que a pessoa vai entrar no Impulso",
  "roster.upload.col.rut":
    "rut (opcional): com ou sem pontos; também servem “RUN” e “DV” (dígito verificador) em duas colunas",
  "roster.upload.col.role":
    "rol (opcional): docente (professor ou professora), mentor ou um cargo da equipe gestora (director/a, jefe/a UTP, inspector/a general…); vazio significa docente",
  "roster.upload.col.school": "rbd (opcional): se vier preenchida, deve ser {rbd}, o RBD desta escola",
  "roster.upload.columns_note":
    "Os nomes das colunas podem estar em maiúsculas ou com acentos, e pode haver linhas de título acima deles. O Excel configurado para o Chile salva arquivos CSV separados por “;”: eles também são aceitos.",
  "roster.upload.example": "Baixar um arquivo de exemplo (CSV)",
  "roster.upload.file": "Arquivo da lista",
  "roster.upload.file_hint": "CSV ou XLSX, até 5 MB e 20.000 linhas.",
  "roster.upload.submit": "Conferir o arquivo",
  "roster.upload.no_email_note":
    "A importação não envia e-mails. Ao terminar, você pode enviar o convite para todas as pessoas novas de uma só vez.",
  "roster.upload.history": "Importações anteriores",
  "roster.upload.history_empty": "Nenhuma lista de professores foi importada nesta escola ainda.",
  "roster.col.date": "Data",
  "roster.col.file": "Arquivo",
  "roster.col.status": "Situação",
  "roster.col.result": "Resultado",
  "roster.col.by": "Enviada por",
  "roster.history.result":
    "Novas: {created} · atualizadas: {updated} · sem alterações: {unchanged} · recusadas: {rejected}",
  "roster.history.result_preview": "Linhas: {total} · com problemas: {rejected}",
  // Statuses
  "roster.status.preview": "Prévia",
  "roster.status.queued": "Na fila",
  "roster.status.running": "Importando",
  "roster.status.done": "Concluída",
  "roster.status.failed": "Interrompida por um erro",
  "roster.status.cancelled": "Descartada",
  // The import page
  "roster.page.title": "Importação de {file}",
  "roster.page.heading": "Importação de “{file}”",
  "roster.page.school_label": "Escola:",
  "roster.page.back": "Voltar para a importação de listas",
  "roster.preview.summary":
    "Linhas no arquivo: {total}. Podem ser importadas: {valid}. Com problemas: {rejected}.",
  "roster.preview.sample": "Primeiras linhas que serão importadas",
  "roster.preview.sample_more": "Mostrando {shown} de {valid}.",
  "roster.preview.confirm":
    "{count, plural, =0 {Importar {count} linhas} one {Importar # linha} other {Importar {count} linhas}}",
  "roster.preview.cancel": "Descartar",
  "roster.preview.nothing":
    "Nenhuma linha pode ser importada. Corrija o arquivo de acordo com os motivos abaixo e envie-o novamente.",
  "roster.preview.again_note":
    "Importar o mesmo arquivo outra vez não duplica ninguém: as pessoas são reconhecidas pelo e-mail, e o nome é atualizado se tiver mudado.",
  "roster.progress.heading": "Importando…",
  "roster.progress.label": "Andamento da importação",
  "roster.progress.value": "Linhas importadas: {processed} de {valid}",
  "roster.progress.note":
    "Esta página se atualiza sozinha. Você pode fechá-la: a importação continua no servidor.",
  "roster.progress.refresh": "Atualizar agora",
  "roster.done.summary":
    "Importação concluída. Pessoas novas: {created}. Atualizadas: {updated}. Sem alterações: {unchanged}. Linhas recusadas: {rejected}.",
  "roster.done.people": "Ver as pessoas da escola",
  "roster.failed.summary":
    "A importação foi interrompida por um erro (linhas importadas: {processed} de {valid}). Você pode tentar de novo: o que já foi importado não se repete.",
  "roster.failed.retry": "Tentar a importação de novo",
  "roster.cancelled.summary":
    "Esta prévia foi descartada e as linhas dela foram apagadas. Nada foi importado.",
  "roster.rejected.heading": "Linhas com problemas ({count})",
  "roster.rejected.none": "Nenhuma linha tem problemas.",
  "roster.rejected.more": "Mostrando as primeiras {shown} de {count}. O arquivo para download tem todas.",
  "roster.rejected.download": "Baixar as linhas com problemas (CSV) para corrigi-las",
  "roster.rejected.line": "Linha {line}",
  "roster.col.line": "Linha",
  "roster.col.person": "Dados da linha",
  "roster.col.reasons": "Motivo",
  "roster.col.given_names": "Nomes",
  "roster.col.family_names": "Sobrenomes",
  "roster.col.email": "E-mail",
  "roster.col.rut": "RUT",
  "roster.col.role": "Função",
  "roster.empty_value": "(vazio)",
  "roster.notice.cancelled": "Prévia descartada.",
  // Why a row is rejected
  "roster.reason.given_names_missing": "Faltam os nomes.",
  "roster.reason.family_names_missing": "Faltam os sobrenomes.",
  "roster.reason.name_too_long": "Os nomes ou os sobrenomes têm mais de {max} caracteres.",
  "roster.reason.email_missing": "Falta o e-mail.",
  "roster.reason.email_invalid": "O e-mail “{value}” não é válido.",
  "roster.reason.rut_invalid": "O RUT “{value}” não é válido (confira o dígito verificador).",
  "roster.reason.duplicate_email": "O e-mail está repetido: já aparece na linha {line}.",
  "roster.reason.duplicate_rut": "O RUT está repetido: já aparece na linha {line}.",
  "roster.reason.unknown_school": "“{value}” não é esta escola ({school}, RBD {rbd}).",
  "roster.reason.unknown_role":
    "A função “{value}” não foi reconhecida: use docente (professor ou professora), mentor ou um cargo da equipe gestora.",
  "roster.reason.email_taken": "Esse e-mail pertence a uma pessoa da organização com outro RUT.",
  "roster.reason.rut_taken": "Esse RUT pertence a outra pessoa da organização, com outro e-mail.",
  "roster.reason.person_elsewhere":
    "Esta pessoa já está cadastrada na organização e você não administra os dados dela. Para incluí-la nesta escola, use «Convidar uma pessoa»: ela será avisada por e-mail.",
  "roster.reason.conflict":
    "A pessoa foi cadastrada ao mesmo tempo por outra via; importe esta linha novamente.",
  // Problems with the whole file
  "roster.errors.no_file": "Escolha um arquivo CSV ou XLSX.",
  "roster.errors.empty_file": "O arquivo está vazio.",
  "roster.errors.file_too_large": "O arquivo é grande demais: o máximo é {max}.",
  "roster.errors.old_xls":
    "Arquivos .xls antigos não podem ser lidos. No Excel, use “Salvar como” e escolha “Pasta de Trabalho do Excel (.xlsx)” ou “CSV”.",
  "roster.errors.unsupported_type": "O arquivo não é CSV nem XLSX.",
  "roster.errors.unreadable_xlsx":
    "Não foi possível ler o arquivo do Excel. Abra-o e salve-o novamente como .xlsx ou como CSV.",
  "roster.errors.missing_columns":
    "Faltam colunas obrigatórias: {missing}. Colunas encontradas no arquivo: {found}.",
  "roster.errors.no_rows": "O arquivo tem os nomes das colunas, mas nenhuma linha com pessoas.",
  "roster.errors.too_many_columns":
    "A planilha tem mais de {max} colunas. Deixe apenas as colunas da lista (nomes, sobrenomes, e-mail, RUT, papel) e envie de novo.",
  "roster.errors.too_many_rows":
    "O arquivo tem linhas demais: o máximo é {max}. Divida-o em vários arquivos.",
  "roster.errors.cancelled": "Esta prévia foi descartada. Envie o arquivo novamente.",
  "roster.errors.nothing_to_import": "Nenhuma linha pode ser importada.",
  "roster.errors.not_cancellable": "Esta importação já começou e não pode ser descartada.",
  // The CSV of rejected rows
  "roster.csv.line": "linha",
  "roster.csv.reasons": "motivos",
};
