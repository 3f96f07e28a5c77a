/**
 * The station server, put together: SQLite, the site's builds, fastify (static files, live API,
 * join links, the curator's accounts), socket.io (live lessons). `startStation` is what `npm run serve` runs
 * (src/server/main.ts) and what tests start in-process; everything it needs comes in through
 * its options, nothing from the environment.
 */
import { join } from 'node:path';
import proxyAddr from '@fastify/proxy-addr';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { setupPagePath } from '../live/curateProtocol.ts';
import { openRedisCluster, type RedisCluster, redisLabel } from './cluster/redisCluster.ts';
import { type CuratorLimits, CuratorService } from './commands/curatorService.ts';
import { LessonRouter } from './commands/lessonRouter.ts';
import { LiveService, type ServiceLimits } from './commands/liveService.ts';
import { addressMatcher } from './config.ts';
import { ContentPacks } from './curate/contentPack.ts';
import { type ContentStore, openContentStore, storeDirOf } from './curate/contentStore.ts';
import { recoverStore } from './curate/contentTrees.ts';
import { CurationDraft } from './curate/draft.ts';
import { Publishing } from './curate/publishing.ts';
import { defaultPublicUrl, lanAddresses } from './network.ts';
import { type Builder, SiteBuilds } from './site/builds.ts';
import { SiteManifests } from './site/manifest.ts';
import { createTourSource } from './site/siteContent.ts';
import { createAccountRepository } from './storage/accountRepository.ts';
import { openDatabase } from './storage/database.ts';
import { createLiveRepository } from './storage/liveRepository.ts';
import { createPublishRepository } from './storage/publishRepository.ts';
import { registerCurateResultsRoutes } from './transport/curateResultsRoutes.ts';
import { type CuratorGate, registerCurateRoutes } from './transport/curateRoutes.ts';
import { registerDraftRoutes } from './transport/draftRoutes.ts';
import { SECURITY_HEADERS } from './transport/headers.ts';
import { registerHttpRoutes } from './transport/httpRoutes.ts';
import {
  createSocketServer,
  DEFAULT_SOCKET_LIMITS,
  registerLiveSockets,
  type SocketLimits,
  socketBroadcaster,
} from './transport/liveSocket.ts';
import { registerPackRoutes } from './transport/packRoutes.ts';
import { registerPreviewRoutes } from './transport/previewRoutes.ts';
import { registerReviewRoutes } from './transport/reviewRoutes.ts';
import { registerSiteManifestRoute } from './transport/siteManifestRoute.ts';
import { registerStaticFiles } from './transport/staticFiles.ts';

export interface StationOptions {
  /** The checkout: vite.config.ts, assets/, src/. */
  root: string;
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  dataDir: string;
  /** The address phones use; null: this machine's first LAN address. */
  publicUrl: string | null;
  presenterPin: string | null;
  /** Serve this build as it is, never build. */
  serveDist: string | null;
  /** Build when the checkout's stamp is stale (default true; false leaves it to the caller). */
  buildOnStart?: boolean;
  builder?: Builder;
  clock?: () => number;
  lessonLifetimeMs?: number;
  limits?: Partial<ServiceLimits>;
  socketLimits?: SocketLimits;
  rosterDelayMs?: number;
  /** How often lessons past their time are ended. */
  sweepIntervalMs?: number;
  /** The first 审核, created at start when there is no reviewer (default `admin`). */
  adminUser?: string;
  /** Its password; null or absent: a one-time setup link is logged instead. */
  adminPassword?: string | null;
  /** Addresses and CIDR ranges (config.ts's canonical form) that may use the curator besides the station PC. */
  curateAllow?: readonly string[];
  curatorLimits?: Partial<CuratorLimits>;
  /** Proxies in front whose X-Forwarded-For names the client (STATION_TRUSTED_PROXIES); default none. */
  trustedProxies?: readonly string[];
  /** Redis shared with the station's other processes (REDIS_URL); null or absent: this process alone. */
  redisUrl?: string | null;
  /** This process's name among them (STATION_PROCESS_ID); default made up at start. */
  processId?: string | null;
  log?: (message: string) => void;
}

export interface StationServer {
  /** Where this machine reaches the server (http://127.0.0.1:<port>/ when bound to all addresses). */
  localUrl: string;
  port: number;
  publicUrl: string;
  builds: SiteBuilds;
  /** DATA_DIR/content: the exhibition the curators edit, seeded from the checkout on the first start only. */
  contentStore: ContentStore;
  /** The station's one working draft (the curator's edits). */
  draft: CurationDraft;
  /** The draft's preview builds (/preview/). */
  previews: SiteBuilds;
  /** Submissions, review, publishing and the history of versions (先审后发). */
  publishing: Publishing;
  live: LiveService;
  /** Where each lesson's commands run: here, or relayed to the process holding it. */
  lessons: LessonRouter;
  /** This process's name among the station's processes; null: it is the station alone. */
  processId: string | null;
  curator: CuratorService;
  /** For the curator's other routes: who a request's session is, and with which role. */
  curatorGate: CuratorGate;
  /** The one-time link of this start when there was no reviewer yet (else null); also logged. */
  setupLink: string | null;
  /** A request handled without a socket (tests: a made-up remote address). */
  inject: FastifyInstance['inject'];
  resumed: { resumed: number; expired: number };
  close(): Promise<void>;
}

/** Bodies of the live API are a few fields; anything bigger is refused before it is parsed. */
const BODY_LIMIT_BYTES = 8 * 1024;

export async function startStation(options: StationOptions): Promise<StationServer> {
  const log = options.log ?? (() => {});
  const db = openDatabase(join(options.dataDir, 'station.sqlite'));
  // The content the station builds, and the curator edits: DATA_DIR/content (seeded from the checkout once).
  // A publish a crash cut short between its two renames is finished first (contentTrees.ts).
  await recoverStore(storeDirOf(options.dataDir));
  const contentStore = await openContentStore({ dataDir: options.dataDir, root: options.root, log });
  const builds = new SiteBuilds({
    root: options.root,
    dataDir: options.dataDir,
    serveDist: options.serveDist,
    assetsDir: contentStore.dir,
    ...(options.builder ? { builder: options.builder } : {}),
    log,
  });
  await builds.open();

  // Behind trusted proxies `request.ip` is the phone's address from X-Forwarded-For (and only then).
  const trustedProxies = options.trustedProxies?.length ? proxyAddr.compile([...options.trustedProxies]) : null;
  const app = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: trustedProxies ?? false,
    routerOptions: { maxParamLength: 200 },
    logger: false,
  });
  await app.register(fastifyStatic, { root: options.dataDir, serve: false });
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(SECURITY_HEADERS);
    return payload;
  });

  let publicUrl = options.publicUrl ? withSlash(options.publicUrl) : '';
  const io = createSocketServer(app.server);
  // Several processes (issue 19): the router is made after the relay it uses, so the relay's
  // handler finds it through this variable when the first request arrives.
  let lessons: LessonRouter | null = null;
  let cluster: RedisCluster | null = null;
  if (options.redisUrl) {
    cluster = await openRedisCluster({
      url: options.redisUrl,
      processId: options.processId ?? null,
      io,
      handle: (request) => (lessons ? lessons.handleRelayed(request) : { ok: false, error: 'server-error' }),
      log,
    });
  }
  const broadcaster = socketBroadcaster(io);
  const live = new LiveService({
    repository: createLiveRepository(db),
    broadcaster,
    directory: cluster?.directory ?? null,
    log,
    tours: createTourSource(builds),
    presenterPin: options.presenterPin,
    publicUrl: () => publicUrl,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.lessonLifetimeMs ? { lifetimeMs: options.lessonLifetimeMs } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.rosterDelayMs !== undefined ? { rosterDelayMs: options.rosterDelayMs } : {}),
  });
  const resumed = live.resume();
  const router = new LessonRouter(live, cluster);
  lessons = router;
  if (cluster) {
    await live.reclaimResumed();
    // Phones of these lessons still connected to other processes reconnect, so this process
    // counts them again and each gets a fresh welcome (its connection counts died with the old one).
    for (const sessionId of live.heldSessionIds()) broadcaster.reconnect(sessionId);
    log(`live lessons shared through ${redisLabel(options.redisUrl as string)} as process ${cluster.processId}`);
  }
  registerLiveSockets(io, router, options.socketLimits ?? DEFAULT_SOCKET_LIMITS, trustedProxies);
  const curator = new CuratorService({
    repository: createAccountRepository(db),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.curatorLimits ? { limits: options.curatorLimits } : {}),
  });
  const bootstrap = await curator.bootstrap({ username: options.adminUser ?? 'admin', password: options.adminPassword ?? null });
  // Registered before the live routes, so its address check comes before the station-wide Origin check.
  const curatorGate = registerCurateRoutes(app, { curator, allowed: addressMatcher(options.curateAllow ?? []) });
  // Every change to the draft in the audit log: who, when, which panel (or document), which field.
  const draft = await CurationDraft.open({
    dataDir: options.dataDir,
    store: contentStore,
    changeLog: {
      record: (entry) =>
        curator.record(entry.accountId, entry.action, { panelId: entry.panelId, field: entry.field, detail: entry.document }),
    },
    ...(options.clock ? { clock: options.clock } : {}),
  });
  registerDraftRoutes(app, { gate: curatorGate, draft });
  // The draft built as the real site at /preview/, for the staff (the public site keeps its build).
  const previews = new SiteBuilds({
    root: options.root,
    dataDir: join(options.dataDir, 'preview'),
    serveDist: null,
    assetsDir: () => (draft.exists ? draft.dir : contentStore.dir),
    keep: 2,
    ...(options.builder ? { builder: options.builder } : {}),
    log: (message) => log(`preview: ${message}`),
  });
  await previews.open();
  registerPreviewRoutes(app, { gate: curatorGate, previews });
  // 先审后发: submissions, review, publishing by the real build, and the history of versions.
  const publishing = await Publishing.open({
    dataDir: options.dataDir,
    store: contentStore,
    draft,
    builds,
    repository: createPublishRepository(db),
    accounts: { displayName: (id) => curator.displayNameOf(id), activeReviewerIds: () => curator.activeReviewerIds() },
    audit: (accountId, action, fields) => curator.record(accountId, action, fields),
    liveLessons: () => live.liveLessonCount(),
    ...(options.clock ? { clock: options.clock } : {}),
    log: (message) => log(message),
  });
  registerReviewRoutes(app, { gate: curatorGate, publishing });
  // The content as a zip (issue 18, item 4): exported for a backup or a checkout, imported as the draft.
  const packs = await ContentPacks.open({
    dataDir: options.dataDir,
    store: contentStore,
    draft,
    draftHasUnsubmittedEdits: () => publishing.draftHasUnsubmittedEdits(),
    currentVersion: async () => (await publishing.versions()).find((version) => version.current)?.number ?? null,
    audit: (accountId, action, fields) => curator.record(accountId, action, fields),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  registerPackRoutes(app, { gate: curatorGate, packs });
  registerCurateResultsRoutes(app, { gate: curatorGate, lessons: router });
  registerHttpRoutes(app, { lessons: router, builds, publicUrl: () => publicUrl });
  // The lobby kiosk's sync: the current build's files and hashes (public, read-only).
  registerSiteManifestRoute(app, { builds, manifests: new SiteManifests(log) });
  registerStaticFiles(app, builds);

  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  if (!publicUrl) publicUrl = defaultPublicUrl(options.host, port, lanAddresses());
  const localHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  const localUrl = `http://${localHost.includes(':') ? `[${localHost}]` : localHost}:${port}/`;
  const setupLink = bootstrap.kind === 'setup-link' ? new URL(`.${setupPagePath(bootstrap.token)}`, publicUrl).href : null;
  if (bootstrap.kind === 'created') {
    log(
      `curator: created the first 审核 "${bootstrap.username}" with STATION_ADMIN_PASSWORD; change its password once logged in`,
    );
  } else if (bootstrap.kind === 'setup-link' && setupLink) {
    if (bootstrap.reason === 'username-taken') {
      log(
        `curator: STATION_ADMIN_USER "${options.adminUser ?? 'admin'}" is already an account that is not a 审核; not using STATION_ADMIN_PASSWORD`,
      );
    }
    log(`curator: no 审核 account yet. Open this one-time link on this PC within 24 hours to create one: ${setupLink}`);
  }

  const sweeper = setInterval(() => live.sweep(), options.sweepIntervalMs ?? 30_000);
  sweeper.unref();
  if (options.buildOnStart !== false) {
    builds
      .refresh()
      .catch((error: unknown) => log(`build check failed: ${error instanceof Error ? error.message : String(error)}`));
  }

  let closing: Promise<void> | null = null;
  return {
    localUrl,
    port,
    get publicUrl() {
      return publicUrl;
    },
    builds,
    contentStore,
    draft,
    previews,
    publishing,
    live,
    lessons: router,
    processId: cluster?.processId ?? null,
    curator,
    curatorGate,
    setupLink,
    inject: app.inject.bind(app) as FastifyInstance['inject'],
    resumed,
    close: () => {
      closing ??= (async () => {
        clearInterval(sweeper);
        publishing.close();
        builds.close();
        previews.close();
        live.close();
        // Closing engine.io drops the transports without a goodbye: phones see the server go away
        // and reconnect by themselves once it is back (a namespace disconnect would tell them not to).
        io.engine.close();
        await app.close();
        await cluster?.close();
        db.close();
      })();
      return closing;
    },
  };
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
