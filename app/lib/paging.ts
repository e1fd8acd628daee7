/** The page a list was asked for (`?pagina=`), from 1; anything else is the first page. */
export function pageOf(request: Request): number {
  const page = Number(new URL(request.url).searchParams.get("pagina") ?? "1");
  return Number.isSafeInteger(page) && page > 0 ? page : 1;
}
