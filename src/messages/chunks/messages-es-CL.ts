// Entry of the browser chunk "messages-es-CL" (src/messages/load.ts); the file name names the chunk.
export { esCL as catalogue } from "../es-CL";
