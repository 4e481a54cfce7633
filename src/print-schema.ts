import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { buildGatewaySchema } from './schema';
import { schemaFileText } from './schema-file';

/** Writes the served schema's SDL to schema.graphql (or the path given): `npm run schema:write`. */
async function writeSchema(path: string): Promise<void> {
  const schema = await buildGatewaySchema();
  writeFileSync(path, schemaFileText(schema));
  process.stdout.write(`wrote ${path}\n`);
}

writeSchema(process.argv[2] ?? 'schema.graphql').catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
