/**
 * What `npm run backup` and `npm run restore` say, Chinese first and then English: the station's
 * staff run them, guided by the README's 备份与恢复 section.
 */
import type { BackupRefusal } from './createBackup.ts';
import type { FileProblem } from './manifest.ts';
import type { RestoreRefusal } from './restoreBackup.ts';

export interface Bilingual {
  zh: string;
  en: string;
}

/** One message as printed: the Chinese line, then the English one. */
export function bilingual(message: Bilingual): string {
  return `${message.zh}\n${message.en}`;
}

const MAX_NAMED = 5;

function fileList(problems: readonly FileProblem[], language: 'zh' | 'en'): string {
  const words =
    language === 'zh'
      ? { missing: '缺失', size: '大小不对', hash: '内容被改动' }
      : { missing: 'missing', size: 'wrong size', hash: 'contents changed' };
  const named = problems.slice(0, MAX_NAMED).map((problem) => `${problem.path} (${words[problem.problem]})`);
  const more = problems.length - named.length;
  if (more > 0) named.push(language === 'zh' ? `另有 ${more} 个` : `and ${more} more`);
  return named.join(language === 'zh' ? '；' : '; ');
}

export function backupRefusalMessage(refusal: BackupRefusal): Bilingual {
  switch (refusal.kind) {
    case 'no-data-dir':
      return {
        zh: `没有找到数据文件夹 ${refusal.dataDir}。请检查 DATA_DIR 或 --data。`,
        en: `No data folder at ${refusal.dataDir}. Check DATA_DIR or --data.`,
      };
    case 'no-database':
      return {
        zh: `数据文件夹里没有数据库 ${refusal.file}：这不是展厅服务器的数据文件夹，或者服务器还没有启动过。`,
        en: `No database at ${refusal.file}: this is not the station's data folder, or the server has never started.`,
      };
    case 'target-inside-data':
      return {
        zh: `备份不能放在数据文件夹里面（${refusal.targetDir} 在 ${refusal.dataDir} 里）。请用 --to 指定别的文件夹，最好在另一块硬盘或U盘上。`,
        en: `A backup cannot go inside the data folder (${refusal.targetDir} is in ${refusal.dataDir}). Name another folder with --to, best on another disk or a USB drive.`,
      };
    case 'keeps-changing':
      return {
        zh: `有人一直在修改展览，文件总在变化，没能得到一致的备份：${refusal.paths.slice(0, MAX_NAMED).join('、')}。请稍后再试。什么都没有保存。`,
        en: `The exhibition kept changing while it was copied, so no consistent backup could be made: ${refusal.paths.slice(0, MAX_NAMED).join(', ')}. Try again in a moment. Nothing was saved.`,
      };
  }
}

export function restoreRefusalMessage(refusal: RestoreRefusal): Bilingual {
  switch (refusal.kind) {
    case 'not-found':
      return { zh: `没有找到备份文件夹 ${refusal.backupDir}。`, en: `No backup folder at ${refusal.backupDir}.` };
    case 'unfinished':
      return {
        zh: `${refusal.backupDir} 是一次没有完成的备份，不能用来恢复。请选一个名为 backup-日期-时间 的文件夹。`,
        en: `${refusal.backupDir} is a backup that never finished and cannot be restored. Choose a folder named backup-<date>-<time>.`,
      };
    case 'folder-of-backups':
      return {
        zh: `${refusal.backupDir} 是存放备份的文件夹，请指定其中一个备份，例如最新的：--from ${refusal.backupDir}/${refusal.newest}`,
        en: `${refusal.backupDir} is the folder the backups are kept in; name one of them, e.g. the newest: --from ${refusal.backupDir}/${refusal.newest}`,
      };
    case 'no-manifest':
      return {
        zh: `${refusal.backupDir} 里没有 manifest.json：不是完整的备份，不能恢复。数据没有任何改动。`,
        en: `${refusal.backupDir} has no manifest.json: not a complete backup, so it cannot be restored. Nothing was changed.`,
      };
    case 'bad-manifest':
      return {
        zh: `${refusal.backupDir} 的 manifest.json 已损坏（${refusal.detail}），不能恢复。数据没有任何改动。`,
        en: `The manifest.json of ${refusal.backupDir} is damaged (${refusal.detail}), so it cannot be restored. Nothing was changed.`,
      };
    case 'damaged':
      return {
        zh: `备份已损坏或不完整，不能恢复：${fileList(refusal.problems, 'zh')}。数据没有任何改动；请换一个备份。`,
        en: `The backup is damaged or incomplete and cannot be restored: ${fileList(refusal.problems, 'en')}. Nothing was changed; choose another backup.`,
      };
    case 'newer-schema':
      return {
        zh: `这个备份来自更新版本的程序（数据库版本 ${refusal.backupVersion}，这里的程序只认识到 ${refusal.latestVersion}）。请先更新程序（git pull、npm ci）再恢复。数据没有任何改动。`,
        en: `This backup comes from a newer version of the app (database version ${refusal.backupVersion}; this checkout knows up to ${refusal.latestVersion}). Update the checkout (git pull, npm ci) first. Nothing was changed.`,
      };
    case 'station-running':
      return {
        zh: `展厅服务器正在使用 ${refusal.dataDir}（或者正在备份），不能恢复。请先停止服务器：systemctl --user stop dangshi-station，恢复后再启动。数据没有任何改动。`,
        en: `The station server is using ${refusal.dataDir} (or a backup is running), so it cannot be restored now. Stop the server first: systemctl --user stop dangshi-station, and start it again after the restore. Nothing was changed.`,
      };
  }
}

export function backupDoneMessage(dir: string, files: number, pruned: readonly string[]): Bilingual {
  return {
    zh: `备份完成：${dir}（${files} 个文件）${pruned.length ? `；删除了较旧的备份 ${pruned.join('、')}` : ''}`,
    en: `Backup complete: ${dir} (${files} files)${pruned.length ? `; removed older backups ${pruned.join(', ')}` : ''}`,
  };
}

export function restoreDoneMessage(dataDir: string, from: string, movedAside: string | null): Bilingual {
  return {
    zh: `已从 ${from} 恢复到 ${dataDir}。${movedAside ? `原来的数据移到了 ${movedAside}（确认无误后可以删除）。` : ''}现在启动服务器：systemctl --user start dangshi-station；第一次启动会重新生成网站，需要几分钟。`,
    en: `Restored ${dataDir} from ${from}. ${movedAside ? `The data it replaced is in ${movedAside} (delete it once all is well). ` : ''}Now start the server: systemctl --user start dangshi-station; its first start builds the site again, which takes a few minutes.`,
  };
}

export function failedMessage(error: unknown): Bilingual {
  const detail = error instanceof Error ? error.message : String(error);
  return { zh: `出错了：${detail}`, en: `Failed: ${detail}` };
}
