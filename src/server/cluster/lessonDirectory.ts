/**
 * Which station process holds which live lesson, when several processes share the work (issue 19).
 *
 * A lesson's state has one authority: the process that created it (or took it up again from its
 * SQLite after a restart). That process runs every command, its time-up timers and its writes; the
 * others only relay to it. The directory is how they find it: a join code names a lesson, a lesson
 * names its process. Entries expire with the lesson, so a crashed process leaves nothing for ever.
 *
 * Keys (under {@link DIRECTORY_PREFIX}):
 * - `code:<code>` → session id, claimed with NX: two processes can never hand out the same code;
 * - `lesson:<sessionId>` → the owning process, while the lesson runs;
 * - `home:<sessionId>` → the process whose SQLite keeps the lesson's results (kept after the end).
 */
import type { Redis } from 'ioredis';

export const DIRECTORY_PREFIX = 'dangshi:live:';

/** Results stay findable this long after a lesson (its presenter exports them the same day or week). */
const HOME_TTL_MS = 90 * 24 * 60 * 60_000;

export interface LessonClaim {
  sessionId: string;
  code: string;
  /** When the lesson runs out (its 12 hours): the entries go with it. */
  expiresAt: number;
}

export interface LessonDirectory {
  /** This process's name in the directory. */
  readonly processId: string;
  /** Takes a code for a new lesson held here; false when another lesson (on any process) has it. */
  claim(claim: LessonClaim, now: number): Promise<boolean>;
  /** Takes up a lesson again after a restart (its code is still this lesson's: the key outlived the process). */
  reclaim(claim: LessonClaim, now: number): Promise<void>;
  sessionOfCode(code: string): Promise<string | null>;
  ownerOf(sessionId: string): Promise<string | null>;
  /** Where the lesson's results are stored, after it ended too. */
  homeOf(sessionId: string): Promise<string | null>;
  /** The lesson ended here: its code is free again (only if it is still this lesson's). */
  release(sessionId: string, code: string): Promise<void>;
}

const keys = {
  code: (code: string) => `${DIRECTORY_PREFIX}code:${code}`,
  lesson: (sessionId: string) => `${DIRECTORY_PREFIX}lesson:${sessionId}`,
  home: (sessionId: string) => `${DIRECTORY_PREFIX}home:${sessionId}`,
};

/** Deletes a key only while it still holds the value given (a code another lesson took since stays). */
const DELETE_IF_EQUAL = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export class RedisLessonDirectory implements LessonDirectory {
  constructor(
    private readonly redis: Redis,
    readonly processId: string,
  ) {}

  async claim({ sessionId, code, expiresAt }: LessonClaim, now: number): Promise<boolean> {
    const ttl = Math.max(1000, expiresAt - now);
    const taken = await this.redis.set(keys.code(code), sessionId, 'PX', ttl, 'NX');
    if (taken !== 'OK') return false;
    await this.redis
      .multi()
      .set(keys.lesson(sessionId), this.processId, 'PX', ttl)
      .set(keys.home(sessionId), this.processId, 'PX', HOME_TTL_MS)
      .exec();
    return true;
  }

  async reclaim({ sessionId, code, expiresAt }: LessonClaim, now: number): Promise<void> {
    const ttl = Math.max(1000, expiresAt - now);
    await this.redis
      .multi()
      .set(keys.code(code), sessionId, 'PX', ttl)
      .set(keys.lesson(sessionId), this.processId, 'PX', ttl)
      .set(keys.home(sessionId), this.processId, 'PX', HOME_TTL_MS)
      .exec();
  }

  sessionOfCode(code: string): Promise<string | null> {
    return this.redis.get(keys.code(code));
  }

  ownerOf(sessionId: string): Promise<string | null> {
    return this.redis.get(keys.lesson(sessionId));
  }

  homeOf(sessionId: string): Promise<string | null> {
    return this.redis.get(keys.home(sessionId));
  }

  async release(sessionId: string, code: string): Promise<void> {
    await this.redis
      .multi()
      .eval(DELETE_IF_EQUAL, 1, keys.code(code), sessionId)
      .eval(DELETE_IF_EQUAL, 1, keys.lesson(sessionId), this.processId)
      .exec();
  }
}
