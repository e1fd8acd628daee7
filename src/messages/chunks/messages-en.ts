// Entry of the browser chunk "messages-en" (src/messages/load.ts); the file name names the chunk.
export { en as catalogue } from "../en";
