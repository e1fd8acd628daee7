// Writes the SQL of the dashboards' change-counting triggers, as src/modules/observation/figure-triggers.ts
// defines them, into a migration file made with `npx drizzle-kit generate --custom --name <name>`:
//   node scripts/node24.mjs scripts/figure-triggers.ts db/migrations/00NN_<name>.sql
import { writeFileSync } from "node:fs";
import { figureTriggersSql } from "~/modules/observation/figure-triggers";

const file = process.argv[2];
if (!file?.endsWith(".sql")) {
  console.error("Uso: node scripts/node24.mjs scripts/figure-triggers.ts db/migrations/00NN_<nombre>.sql");
  process.exit(1);
}
writeFileSync(file, figureTriggersSql());
console.log(`${file}: ${figureTriggersSql().split("--> statement-breakpoint").length} sentencias`);
