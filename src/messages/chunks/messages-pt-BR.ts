// Entry of the browser chunk "messages-pt-BR" (src/messages/load.ts); the file name names the chunk.
export { ptBR as catalogue } from "../pt-BR";
