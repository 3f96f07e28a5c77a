/**
 * The station server's settings, from the environment (the systemd unit or the shell). Checked
 * here once, so a typo stops the server with a message rather than running it half-configured.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

const environmentSchema = z.object({
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .transform((url) => url || undefined),
  STATION_PRESENTER_PIN: z
    .string()
    .optional()
    .transform((pin) => (pin?.trim() ? pin.trim() : undefined))
    .refine((pin) => pin === undefined || pin.length >= 4, 'STATION_PRESENTER_PIN needs at least 4 characters'),
  SERVE_DIST: z.string().min(1).optional(),
});

export interface StationConfig {
  host: string;
  port: number;
  dataDir: string;
  publicUrl: string | null;
  presenterPin: string | null;
  serveDist: string | null;
}

export function readConfig(env: NodeJS.ProcessEnv, cwd: string): StationConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`station server settings: ${problems}`);
  }
  const values = parsed.data;
  return {
    host: values.HOST,
    port: values.PORT,
    dataDir: resolve(cwd, values.DATA_DIR),
    publicUrl: values.PUBLIC_URL ?? null,
    presenterPin: values.STATION_PRESENTER_PIN ?? null,
    serveDist: values.SERVE_DIST ? resolve(cwd, values.SERVE_DIST) : null,
  };
}
