import type { roster as source } from "../es-CL/roster";

// English. Every key of the Spanish area is required (see src/messages/catalogue.test.ts).
// The column names and role words a file may use (nombres, apellidos, correo, rut, rol, rbd, docente,
// mentor…) are what the importer reads, so they stay in Spanish, explained in English.
export const roster: Record<keyof typeof source, string> = {
  // Upload page
  "roster.upload.title": "Import teacher list",
  "roster.upload.heading": "Import the teacher list for {school}",
  "roster.upload.intro":
    "Upload a CSV or Excel (XLSX) file with one row per person. Before importing, you will see a preview listing every row with a problem and the reason.",
  "roster.upload.columns": "File columns",
  "roster.upload.col.given_names": "nombres (required): given names",
  "roster.upload.col.family_names":
    "apellidos (required): family names; “apellido paterno” and “apellido materno” (paternal and maternal surname) also work",
  "roster.upload.col.email": "correo (required): the email the person will use to sign in to Impulso",
  "roster.upload.col.rut":
    "rut (optional): with or without dots; “RUN” and “DV” (check digit) in two columns also work",
  "roster.upload.col.role":
    "rol (optional): docente (teacher), mentor or a leadership title (director/a, jefe/a UTP, inspector/a general…); empty means docente",
  "roster.upload.col.school": "rbd (optional): if present, it must be {rbd}, this school's RBD",
  "roster.upload.columns_note":
    "Column names may be in capitals or have accents, and there may be title lines above them. Excel set up for Chile saves CSV files separated by “;”: these are accepted too.",
  "roster.upload.example": "Download an example file (CSV)",
  "roster.upload.file": "Teacher list file",
  "roster.upload.file_hint": "CSV or XLSX, up to 5 MB and 20,000 rows.",
  "roster.upload.submit": "Check the file",
  "roster.upload.no_email_note":
    "Importing does not send any emails. When it finishes, you can send the invitation to all the new people at once.",
  "roster.upload.history": "Previous imports",
  "roster.upload.history_empty": "No teacher list has been imported for this school yet.",
  "roster.col.date": "Date",
  "roster.col.file": "File",
  "roster.col.status": "Status",
  "roster.col.result": "Result",
  "roster.col.by": "Uploaded by",
  "roster.history.result":
    "New: {created} · updated: {updated} · unchanged: {unchanged} · rejected: {rejected}",
  "roster.history.result_preview": "Rows: {total} · with problems: {rejected}",
  // Statuses
  "roster.status.preview": "Preview",
  "roster.status.queued": "Queued",
  "roster.status.running": "Importing",
  "roster.status.done": "Completed",
  "roster.status.failed": "Stopped by an error",
  "roster.status.cancelled": "Discarded",
  // The import page
  "roster.page.title": "Import of {file}",
  "roster.page.heading": "Import of “{file}”",
  "roster.page.school_label": "School:",
  "roster.page.back": "Back to teacher list imports",
  "roster.preview.summary": "Rows in the file: {total}. Can be imported: {valid}. With problems: {rejected}.",
  "roster.preview.sample": "First rows to be imported",
  "roster.preview.sample_more": "Showing {shown} of {valid}.",
  "roster.preview.confirm": "{count, plural, one {Import # row} other {Import {count} rows}}",
  "roster.preview.cancel": "Discard",
  "roster.preview.nothing":
    "No rows can be imported. Fix the file using the reasons below and upload it again.",
  "roster.preview.again_note":
    "Importing the same file again does not duplicate anyone: people are recognized by their email, and their name is updated if it has changed.",
  "roster.progress.heading": "Importing…",
  "roster.progress.label": "Import progress",
  "roster.progress.value": "Rows imported: {processed} of {valid}",
  "roster.progress.note": "This page updates itself. You can close it: the import carries on on the server.",
  "roster.progress.refresh": "Refresh now",
  "roster.done.summary":
    "Import completed. New people: {created}. Updated: {updated}. Unchanged: {unchanged}. Rows rejected: {rejected}.",
  "roster.done.people": "View the people at this school",
  "roster.failed.summary":
    "The import stopped because of an error (rows imported: {processed} of {valid}). You can retry it: what has already been imported is not repeated.",
  "roster.failed.retry": "Retry the import",
  "roster.cancelled.summary": "This preview was discarded and its rows were deleted. Nothing was imported.",
  "roster.rejected.heading": "Rows with problems ({count})",
  "roster.rejected.none": "No rows have problems.",
  "roster.rejected.more": "Showing the first {shown} of {count}. The downloadable file has all of them.",
  "roster.rejected.download": "Download the rows with problems (CSV) to fix them",
  "roster.rejected.line": "Line {line}",
  "roster.col.line": "Line",
  "roster.col.person": "Row data",
  "roster.col.reasons": "Reason",
  "roster.col.given_names": "Given names",
  "roster.col.family_names": "Family names",
  "roster.col.email": "Email",
  "roster.col.rut": "RUT",
  "roster.col.role": "Role",
  "roster.empty_value": "(empty)",
  "roster.notice.cancelled": "Preview discarded.",
  // Why a row is rejected
  "roster.reason.given_names_missing": "The given names are missing.",
  "roster.reason.family_names_missing": "The family names are missing.",
  "roster.reason.name_too_long": "The given names or family names are longer than {max} characters.",
  "roster.reason.email_missing": "The email is missing.",
  "roster.reason.email_invalid": "The email “{value}” is not valid.",
  "roster.reason.rut_invalid": "The RUT “{value}” is not valid (verify the check digit).",
  "roster.reason.duplicate_email": "Duplicate email: it already appears on line {line}.",
  "roster.reason.duplicate_rut": "Duplicate RUT: it already appears on line {line}.",
  "roster.reason.unknown_school": "“{value}” is not this school ({school}, RBD {rbd}).",
  "roster.reason.unknown_role":
    "The role “{value}” is not recognized: use docente (teacher), mentor or a leadership title.",
  "roster.reason.email_taken": "That email belongs to a person in the organization with a different RUT.",
  "roster.reason.rut_taken":
    "That RUT belongs to another person in the organization, with a different email.",
  "roster.reason.person_elsewhere":
    "This person is already registered in the organization and you do not manage their details. To add them to this school, use «Invite someone»: they will be told by email.",
  "roster.reason.conflict":
    "This person was registered at the same time by another route; import this row again.",
  // Problems with the whole file
  "roster.errors.no_file": "Choose a CSV or XLSX file.",
  "roster.errors.empty_file": "The file is empty.",
  "roster.errors.file_too_large": "The file is too large: the maximum is {max}.",
  "roster.errors.old_xls":
    "Old .xls files cannot be read. In Excel, use “Save As” and choose “Excel Workbook (.xlsx)” or “CSV”.",
  "roster.errors.unsupported_type": "The file is neither a CSV nor an XLSX file.",
  "roster.errors.unreadable_xlsx":
    "The Excel file could not be read. Open it and save it again as .xlsx or as CSV.",
  "roster.errors.missing_columns":
    "Required columns are missing: {missing}. Columns found in the file: {found}.",
  "roster.errors.no_rows": "The file has the column names but no rows with people.",
  "roster.errors.too_many_columns":
    "The sheet has more than {max} columns. Keep only the listed columns (given names, family names, email, RUT, role) and upload it again.",
  "roster.errors.too_many_rows":
    "The file has too many rows: the maximum is {max}. Split it into several files.",
  "roster.errors.cancelled": "This preview was discarded. Upload the file again.",
  "roster.errors.nothing_to_import": "No rows can be imported.",
  "roster.errors.not_cancellable": "This import has already started and cannot be discarded.",
  // The CSV of rejected rows
  "roster.csv.line": "line",
  "roster.csv.reasons": "reasons",
};
