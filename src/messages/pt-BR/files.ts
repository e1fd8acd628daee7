import type { files as source } from "../es-CL/files";

// Brazilian Portuguese. Every key of the Spanish area is required (see src/messages/catalogue.test.ts).
export const files: Record<keyof typeof source, string> = {
  "files.errors.empty": "Escolha um arquivo: o que você enviou está vazio ou não chegou.",
  "files.errors.too_large": "O arquivo tem mais de {max}.",
  "files.errors.type_not_allowed":
    "Este tipo de arquivo não é aceito aqui. São aceitos: {kinds}. O tipo é reconhecido pelo conteúdo do arquivo, não pelo nome.",
  "files.fallback_name": "arquivo",
  "files.resumable.sign_in": "Sua sessão terminou. Entre novamente para enviar o arquivo.",
  "files.resumable.not_allowed": "Você não pode enviar um arquivo aqui.",
  "files.resumable.size_unknown": "Não foi possível saber o tamanho do arquivo. Escolha-o novamente.",
  "files.resumable.failed": "Não foi possível salvar o arquivo. Tente novamente em alguns minutos.",
  "files.resumable.choose": "Arquivo",
  "files.resumable.start": "Enviar",
  "files.resumable.pause": "Pausar",
  "files.resumable.resume": "Continuar",
  "files.resumable.progress": "Enviado: {percent} % ({sent} de {total}).",
  "files.resumable.paused":
    "Em pausa. Você pode continuar quando quiser; se fechar a página, escolha o mesmo arquivo e o envio seguirá de onde parou.",
  "files.resumable.retrying":
    "A conexão caiu. O envio seguirá sozinho quando ela voltar, sem começar de novo.",
  "files.resumable.checking": "Verificando o arquivo…",
  "files.resumable.done": "Pronto: o arquivo foi enviado.",
  "files.resumable.error": "Não foi possível enviar o arquivo. {reason}",
  "files.resumable.needs_javascript":
    "Para enviar um vídeo, ative o JavaScript no seu navegador (o resto da página funciona sem ele).",
};
