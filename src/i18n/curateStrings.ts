/**
 * The curator's words (布展, src/modes/curate/): the login, the setup link, the accounts, the audit
 * log. Chinese first (the station's staff), English beside it. A file of their own beside
 * strings.ts while the house's strings move there; src/build/characters.ts gives the font
 * subsetter every one of them.
 */

import {
  PACK_CONTENT_MAX_BYTES,
  PACK_PHOTO_MAX_BYTES,
  PACK_TOTAL_MAX_BYTES,
  PACK_UPLOAD_MAX_BYTES,
} from '../live/curatePackProtocol.ts';
import {
  type ACCOUNT_AUDIT_ACTIONS,
  type CurateErrorCode,
  type CurateRole,
  PASSWORD_MIN_CHARS,
  SETUP_TOKEN_MS,
} from '../live/curateProtocol.ts';
import type { Lang } from './lang.ts';

const SETUP_LINK_HOURS = SETUP_TOKEN_MS / 3_600_000;
/** A content pack's limit in whole megabytes, as the staff read file sizes. */
const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));

const STRINGS = {
  pageTitle: { zh: '布展 · 党史长廊', en: 'Curating · Party History Corridor' },
  checking: { zh: '正在连接展厅服务器…', en: 'Connecting to the station…' },
  notStationTitle: { zh: '布展只能在展厅服务器上使用', en: 'Curating works only on the station server' },
  notStationDetail: {
    zh: '这个页面不是由展厅服务器提供的（例如静态网站或本地预览），无法登录或修改展览。请在展厅电脑上打开展厅服务器的地址，再加上 ?mode=curate。',
    en: 'This page was not served by the station server (a static site or a local preview, for instance), so nobody can log in or change the exhibition here. Open the station server’s address on the station PC, with ?mode=curate.',
  },
  // The session bar.
  loggedInAs: { zh: '当前账号：', en: 'Logged in as ' },
  roleInName: { zh: '（{role}）', en: ' ({role})' },
  changePassword: { zh: '修改密码', en: 'Change password' },
  logout: { zh: '退出', en: 'Log out' },
  nav: { zh: '布展栏目', en: 'Curating sections' },
  // The login.
  loginTitle: { zh: '布展登录', en: 'Curator login' },
  loginIntro: {
    zh: '展厅工作人员用自己的账号登录，在浏览器中编辑展览。',
    en: 'Station staff log in with their own account to edit the exhibition in the browser.',
  },
  username: { zh: '用户名', en: 'Username' },
  password: { zh: '密码', en: 'Password' },
  login: { zh: '登录', en: 'Log in' },
  loggingIn: { zh: '正在登录…', en: 'Logging in…' },
  // The setup link.
  setupTitleFirst: { zh: '创建第一个审核账号', en: 'Create the first reviewer account' },
  setupTitleReset: { zh: '重新设置审核账号的密码', en: 'Set a reviewer’s password again' },
  setupLinkTitle: { zh: '设置链接', en: 'Setup link' },
  setupIntroFirst: {
    zh: '这个一次性链接用来创建布展的第一个审核账号。审核可以管理其他账号、审核并发布展览。',
    en: 'This one-time link creates the first reviewer account. A reviewer manages the other accounts and reviews and publishes the exhibition.',
  },
  setupIntroReset: {
    zh: '这个一次性链接用来给审核账号“{username}”设置新密码。该账号在其他设备上的登录会退出。',
    en: 'This one-time link sets a new password for the reviewer account “{username}”. The account is logged out everywhere else.',
  },
  setupOnce: {
    zh: `链接只能用一次，${SETUP_LINK_HOURS} 小时内有效。`,
    en: `The link works once, within ${SETUP_LINK_HOURS} hours.`,
  },
  displayName: { zh: '显示名称（可不填）', en: 'Display name (optional)' },
  newPassword: { zh: '新密码', en: 'New password' },
  newPasswordAgain: { zh: '再输一遍新密码', en: 'New password again' },
  passwordRule: {
    zh: '至少 {min} 个字符，不能与用户名相同。',
    en: 'At least {min} characters, and not the username.',
  },
  setupSubmitFirst: { zh: '创建并登录', en: 'Create and log in' },
  setupSubmitReset: { zh: '设置密码并登录', en: 'Set the password and log in' },
  setupSaving: { zh: '正在保存…', en: 'Saving…' },
  goToLogin: { zh: '去登录', en: 'Go to the login' },
  // Checks made before anything is sent.
  fieldRequired: { zh: '请填写“{field}”。', en: 'Fill in “{field}”.' },
  passwordTooShort: { zh: '密码至少要 {min} 个字符。', en: 'A password has at least {min} characters.' },
  passwordIsUsername: { zh: '密码不能与用户名相同。', en: 'The password cannot be the username.' },
  passwordsDiffer: { zh: '两次输入的新密码不一样。', en: 'The two new passwords are not the same.' },
  // Change own password.
  passwordTitle: { zh: '修改密码', en: 'Change your password' },
  passwordIntro: {
    zh: '修改后，这个账号在其他设备上的登录会退出，这里的登录保持不变。',
    en: 'Afterwards this account is logged out on every other device; this login stays.',
  },
  currentPassword: { zh: '当前密码', en: 'Current password' },
  currentPasswordWrong: { zh: '当前密码不对。', en: 'The current password is wrong.' },
  savePassword: { zh: '保存新密码', en: 'Save the new password' },
  passwordChanged: { zh: '密码已修改。', en: 'Password changed.' },
  // Roles.
  roleEditor: { zh: '编辑', en: 'Editor' },
  roleReviewer: { zh: '审核', en: 'Reviewer' },
  roleEditorHint: { zh: '编辑：修改展板草稿并提交审核', en: 'Editor: edits drafts and submits them' },
  roleReviewerHint: {
    zh: '审核：编辑之外，还能审核、发布展览和管理账号',
    en: 'Reviewer: all an editor does, and also reviews, publishes and manages accounts',
  },
  // Accounts (审核 only).
  accountsTitle: { zh: '账号管理', en: 'Accounts' },
  accountsLoading: { zh: '正在读取账号…', en: 'Loading the accounts…' },
  accountsNone: { zh: '还没有账号。', en: 'There are no accounts yet.' },
  accountList: { zh: '全部账号', en: 'All accounts' },
  role: { zh: '角色', en: 'Role' },
  status: { zh: '状态', en: 'Status' },
  statusEnabled: { zh: '启用', en: 'Enabled' },
  statusDisabled: { zh: '已停用', en: 'Disabled' },
  you: { zh: '（你自己）', en: ' (you)' },
  ownAccountHint: { zh: '自己的密码请用“修改密码”。', en: 'Change your own password with “Change password”.' },
  createAccount: { zh: '新建账号', en: 'New account' },
  createAccountSubmit: { zh: '创建账号', en: 'Create the account' },
  initialPassword: { zh: '初始密码', en: 'Initial password' },
  initialPasswordHint: {
    zh: '把初始密码当面告诉对方，请对方登录后自己修改。',
    en: 'Tell them the initial password in person and ask them to change it after logging in.',
  },
  accountCreated: { zh: '已创建账号“{name}”。', en: 'Account “{name}” created.' },
  cancel: { zh: '取消', en: 'Cancel' },
  resetPassword: { zh: '重置密码', en: 'Reset password' },
  resetPasswordOf: { zh: '重置“{name}”的密码', en: 'Reset the password of “{name}”' },
  resetPasswordDetail: {
    zh: '该账号会在所有设备上退出，之后要用新密码登录。',
    en: 'The account is logged out everywhere and logs in with the new password afterwards.',
  },
  confirmReset: { zh: '确认重置', en: 'Reset it' },
  passwordReset: { zh: '已重置“{name}”的密码。', en: 'The password of “{name}” was reset.' },
  disable: { zh: '停用', en: 'Disable' },
  enable: { zh: '启用', en: 'Enable' },
  disableAccountOf: { zh: '停用“{name}”？', en: 'Disable “{name}”?' },
  enableAccountOf: { zh: '启用“{name}”？', en: 'Enable “{name}”?' },
  disableDetail: {
    zh: '停用后，该账号立刻在所有设备上退出，不能再登录；以后可以再启用。',
    en: 'The account is logged out everywhere at once and cannot log in; it can be enabled again later.',
  },
  enableDetail: { zh: '启用后，该账号可以用原来的密码登录。', en: 'The account can log in again with its password.' },
  confirmDisable: { zh: '确认停用', en: 'Disable it' },
  confirmEnable: { zh: '确认启用', en: 'Enable it' },
  accountDisabled: { zh: '已停用“{name}”。', en: '“{name}” is disabled.' },
  accountEnabled: { zh: '已启用“{name}”。', en: '“{name}” is enabled.' },
  cannotDisableSelf: { zh: '不能停用自己的账号。', en: 'You cannot disable your own account.' },
  usernameRule: {
    zh: '最多 {max} 个字符：文字、数字、点、下划线或连字符。',
    en: 'Up to {max} characters: letters, digits, dots, underscores or hyphens.',
  },
  usernameInvalid: {
    zh: '用户名只能由文字、数字、点、下划线或连字符组成，最多 {max} 个字符。',
    en: 'A username is letters, digits, dots, underscores or hyphens, up to {max} characters.',
  },
  displayNameInvalid: {
    zh: '显示名称最多 {max} 个字符，不能含有控制字符。',
    en: 'A display name has at most {max} characters and no control characters.',
  },
  // The audit log (审核 only).
  auditTitle: { zh: '操作日志', en: 'Audit log' },
  auditIntro: { zh: '最新的在前。时间为本机时间。', en: 'Newest first, in this computer’s local time.' },
  auditLoading: { zh: '正在读取日志…', en: 'Loading the log…' },
  auditNone: { zh: '没有记录。', en: 'Nothing recorded.' },
  auditNoneForPanel: { zh: '展板“{panelId}”没有记录。', en: 'Nothing recorded for the panel “{panelId}”.' },
  auditFilterLabel: { zh: '只看某块展板（展板编号）', en: 'Only one panel (its id)' },
  auditFilter: { zh: '筛选', en: 'Filter' },
  auditClearFilter: { zh: '显示全部', en: 'Show all' },
  auditFilteredBy: { zh: '只显示展板“{panelId}”的记录。', en: 'Showing the panel “{panelId}” only.' },
  auditPanelIdInvalid: {
    zh: '展板编号由小写字母、数字和连字符组成，例如 founding-1921。',
    en: 'A panel id is lowercase letters, digits and hyphens, e.g. founding-1921.',
  },
  auditMore: { zh: '更多', en: 'More' },
  auditEnd: { zh: '已经是最早的记录。', en: 'That is the oldest entry.' },
  auditPanel: { zh: '展板', en: 'Panel' },
  auditField: { zh: '字段', en: 'Field' },
  auditStation: { zh: '展厅服务器', en: 'the station' },
  auditDeletedAccount: { zh: '（已删除的账号）', en: '(deleted account)' },
  // The draft editor (展板编辑).
  navPanels: { zh: '展板编辑', en: 'Edit panels' },
  editorLoading: { zh: '正在读取草稿…', en: 'Loading the draft…' },
  panelList: { zh: '展板', en: 'Panels' },
  untitled: { zh: '（无标题）', en: '(untitled)' },
  pickPanel: { zh: '在左侧选择一块展板开始编辑。', en: 'Pick a panel to edit it.' },
  pendingMark: { zh: '（有未发送的修改）', en: ' (unsent changes)' },
  newPanel: { zh: '新建展板', en: 'New panel' },
  newPanelKind: { zh: '展板类型', en: 'Kind' },
  newPanelSection: { zh: '放在栏目', en: 'In the section' },
  newPanelTitle: { zh: '标题（可不填）', en: 'Title (optional)' },
  createPanel: { zh: '创建展板', en: 'Create the panel' },
  panelCreated: { zh: '已新建展板。', en: 'Panel created.' },
  duplicate: { zh: '复制', en: 'Duplicate' },
  panelDuplicated: { zh: '已复制展板。', en: 'Panel duplicated.' },
  deletePanel: { zh: '删除', en: 'Delete' },
  deletePanelOf: { zh: '删除展板“{title}”？', en: 'Delete the panel “{title}”?' },
  deletePanelDetail: {
    zh: '展板会放进回收站，发布前可以在回收站恢复。',
    en: 'The panel goes into the bin; it can be restored from there until the draft is published.',
  },
  confirmDelete: { zh: '确认删除', en: 'Delete it' },
  panelDeleted: { zh: '已删除展板“{title}”，可在回收站恢复。', en: 'Deleted “{title}”; the bin can restore it.' },
  deleteInUse: {
    zh: '不能删除：还有其他内容用到这块展板。请先改掉下面这些地方：',
    en: 'It cannot be deleted: other content names this panel. Change these first:',
  },
  moveUp: { zh: '上移', en: 'Move up' },
  moveDown: { zh: '下移', en: 'Move down' },
  moveUpOf: { zh: '上移“{title}”', en: 'Move “{title}” up' },
  moveDownOf: { zh: '下移“{title}”', en: 'Move “{title}” down' },
  bin: { zh: '回收站', en: 'Bin' },
  binEmpty: { zh: '回收站是空的。', en: 'The bin is empty.' },
  restore: { zh: '恢复', en: 'Restore' },
  restoreOf: { zh: '恢复“{title}”', en: 'Restore “{title}”' },
  panelRestored: { zh: '已恢复展板“{title}”。', en: 'Restored “{title}”.' },
  kindMilestone: { zh: '时间节点', en: 'Milestone' },
  kindEvent: { zh: '事件', en: 'Event' },
  kindMember: { zh: '人物', en: 'People' },
  kindStats: { zh: '数字', en: 'Figures' },
  kindBoard: { zh: '展板', en: 'Board' },
  kindToFill: { zh: '待补充', en: 'To fill' },
  kindOath: { zh: '誓词', en: 'Oath' },
  // The form: each field's Chinese and English names (the JSON Schema's titles).
  inChinese: { zh: '{field}（中文）', en: '{field} (Chinese)' },
  inEnglish: { zh: '{field} (English)', en: '{field} (English)' },
  fieldTitle: { zh: '标题', en: 'Title' },
  fieldSummary: { zh: '摘要', en: 'Summary' },
  fieldBody: { zh: '正文', en: 'Body' },
  fieldParagraph: { zh: '正文第 {n} 段', en: 'Body paragraph {n}' },
  fieldDate: { zh: '日期', en: 'Date' },
  fieldNote: { zh: '待补充说明', en: 'Note' },
  fieldSource: { zh: '资料来源', en: 'Source' },
  fieldImages: { zh: '图片', en: 'Images' },
  fieldImage: { zh: '第 {n} 张图片', en: 'Image {n}' },
  photoThumbnail: { zh: '第 {n} 张图片（缩略图）', en: 'Image {n} (thumbnail)' },
  cropHint: {
    zh: '在照片上拖动，框出展板和卡片上要显示的部分（裁剪）；也可以在下面的“裁剪”里填数字。照片文件本身不变。',
    en: 'Drag across the photo to frame the part the board and the card show (crop), or type its numbers under “Crop” below. The file itself is kept whole.',
  },
  cropRemove: { zh: '第 {n} 张图片显示整张照片（取消裁剪）', en: 'Show all of image {n} (remove the crop)' },
  fieldCaption: { zh: '第 {n} 张图片说明', en: 'Image {n} caption' },
  fieldAlt: { zh: '第 {n} 张图片替代文字', en: 'Image {n} alt text' },
  panelKindIs: { zh: '展板类型：{kind}', en: 'Kind: {kind}' },
  keptFields: {
    zh: '这里没有显示的字段（{fields}）会原样保留。',
    en: 'Fields not shown here ({fields}) are kept as they are.',
  },
  addParagraph: { zh: '添加一段', en: 'Add a paragraph' },
  removeParagraph: { zh: '删除第 {n} 段', en: 'Remove paragraph {n}' },
  removeImage: { zh: '移除第 {n} 张图片', en: 'Remove image {n}' },
  uploadPhoto: { zh: '上传照片', en: 'Upload a photo' },
  uploading: { zh: '正在上传照片…', en: 'Uploading the photo…' },
  uploaded: { zh: '照片已上传，请填写图片说明和替代文字。', en: 'Photo uploaded: fill in its caption and alt text.' },
  uploadFailed: { zh: '照片没有上传成功：{reason}', en: 'The photo was not uploaded: {reason}' },
  otherProblems: { zh: '这块展板的问题', en: 'Problems of this panel' },
  // Saving.
  saveSaved: { zh: '已保存', en: 'Saved' },
  saveSaving: { zh: '正在保存…', en: 'Saving…' },
  saveOffline: { zh: '未能保存（离线，稍后重试）', en: 'Not saved (offline, will retry)' },
  saveConflict: { zh: '有冲突，已暂停保存', en: 'Conflict: saving paused' },
  saveError: { zh: '未能保存：{reason}', en: 'Not saved: {reason}' },
  conflictTitle: { zh: '有人同时修改了这块展板', en: 'Someone else changed this panel at the same time' },
  conflictDetail: {
    zh: '在你修改的同时，别人保存了这块展板。请选择保留哪个版本；另一个版本会被放弃。',
    en: 'Someone saved this panel while you were editing it. Choose which version to keep; the other is dropped.',
  },
  conflictTheirs: { zh: '对方的版本', en: 'Their version' },
  conflictMine: { zh: '我的版本', en: 'Your version' },
  useMine: { zh: '用我的版本', en: 'Use my version' },
  useTheirs: { zh: '用对方的版本', en: 'Use their version' },
  conflictGone: { zh: '这块展板已被别人删除。', en: 'Someone deleted this panel.' },
  // The preview.
  preview: { zh: '预览', en: 'Preview' },
  previewBuilding: { zh: '正在生成预览…', en: 'Building the preview…' },
  previewOpen: { zh: '打开预览', en: 'Open the preview' },
  previewFailed: { zh: '预览没有生成：{message}', en: 'The preview was not built: {message}' },
  previewLog: { zh: '生成记录的最后部分', en: 'The end of the build log' },
  // The form generated from the content schema (src/modes/curate/schemaForm/): every field of every kind.
  schemaItem: { zh: '{item} {n}', en: '{item} {n}' },
  schemaWithin: { zh: '{parent} · {field}', en: '{parent} · {field}' },
  schemaAdd: { zh: '添加{item}', en: 'Add: {item}' },
  schemaRemove: { zh: '删除', en: 'Remove' },
  schemaRemoveOf: { zh: '删除“{item}”', en: 'Remove “{item}”' },
  schemaTextLimits: {
    zh: '中文最多 {zh} 个字，英文最多 {en} 个字符；英文可以不写。',
    en: 'Chinese up to {zh} characters, English up to {en}; the English may be left out.',
  },
  schemaOtherProblems: { zh: '其他问题', en: 'Other problems' },
  schemaKeptValue: {
    zh: '“{field}”的内容不是这里能编辑的格式，原样保留：',
    en: '“{field}” is not in a form this page edits; it is kept as it is:',
  },
  schemaNumberKept: {
    zh: '这不是一个数字，已按原样保存；请改成数字，例如 204 或 3.5。',
    en: 'This is not a number; it is saved as typed. Write a number, e.g. 204 or 3.5.',
  },
  schemaNotChosen: { zh: '（未选择）', en: '(none chosen)' },
  schemaRefOption: { zh: '{title}（{id}）', en: '{title} ({id})' },
  schemaRefMissing: { zh: '{id}（找不到）', en: '{id} (not found)' },
  schemaRefMissingNote: {
    zh: '“{id}”不是现有的任何一项，请重新选择。',
    en: '“{id}” names nothing that exists: choose again.',
  },
  schemaChoiceUnknown: { zh: '{value}（不是可选的值）', en: '{value} (not one of the choices)' },
  schemaFixedValue: { zh: '{field}：{value}', en: '{field}: {value}' },
  datePartOf: { zh: '{field}：', en: '{field}: ' },
  datePrecision: { zh: '精确到', en: 'Precision' },
  datePrecisionYear: { zh: '年', en: 'Year' },
  datePrecisionMonth: { zh: '年月', en: 'Year and month' },
  datePrecisionDay: { zh: '年月日', en: 'Year, month and day' },
  dateYear: { zh: '年', en: 'Year' },
  dateMonth: { zh: '月', en: 'Month' },
  dateDay: { zh: '日', en: 'Day' },
  dateMonthOption: { zh: '{n} 月', en: '{n}' },
  dateDayOption: { zh: '{n} 日', en: '{n}' },
  dateDayNeedsMonth: { zh: '先选月份，再选日。', en: 'Choose the month first, then the day.' },
  recordingNone: { zh: '不用录音', en: 'No recording' },
  recordingOne: { zh: '一段录音', en: 'One recording' },
  recordingPerLanguage: { zh: '分中英文', en: 'One per language' },
  recordingOneBlocked: {
    zh: '要改回一段录音，请先移除英文录音。',
    en: 'To go back to one recording, remove the English one first.',
  },
  schemaFieldSince: { zh: '统计起始日期', en: 'Counted since' },
  schemaFieldSinceHint: {
    zh: '这些数字从哪一天起算，按资料写到年、月或日。',
    en: 'The day the figures count from, as precise as the source.',
  },
  // The panel list: moving a panel to another section, by drag, and who else has a panel open (issue 17, items 3 and 7).
  moveToSection: { zh: '移到栏目…', en: 'Move to section…' },
  // The visible words lead the name (WCAG 2.5.3 label in name), as 上移“…” does.
  moveToSectionOf: { zh: '移到栏目…：“{title}”', en: 'Move to section…: “{title}”' },
  moveToSectionForm: { zh: '移动“{title}”', en: 'Move “{title}”' },
  moveToSectionChoice: { zh: '移到栏目', en: 'To the section' },
  moveToSectionGo: { zh: '移动', en: 'Move' },
  movedToSectionEnd: { zh: '已把「{title}」移到「{section}」末尾', en: 'Moved “{title}” to the end of “{section}”.' },
  dragHandle: { zh: '按住拖动，调整位置（Esc 取消）', en: 'Hold and drag to move it (Esc cancels)' },
  movedToPlace: { zh: '已把「{title}」移到「{section}」第 {n} 位', en: 'Moved “{title}” to place {n} in “{section}”.' },
  presenceMark: { zh: '{names} 正在编辑', en: 'Editing: {names}' },
  presenceNotice: { zh: '{names} 也在编辑这块展板', en: 'Also editing this panel: {names}' },
  // The exhibition's own documents (展览设置, 栏目, 讲解路线, 知识问答: src/modes/curate/ui/CurateSettings.tsx …).
  navSettings: { zh: '展览设置', en: 'Exhibition settings' },
  navSections: { zh: '栏目', en: 'Sections' },
  navTours: { zh: '讲解路线', en: 'Tours' },
  navQuizzes: { zh: '知识问答', en: 'Quizzes' },
  settingsElsewhere: {
    zh: '栏目、讲解路线和知识问答各有自己的页面。',
    en: 'Sections, tours and quizzes each have a page of their own.',
  },
  pickSection: { zh: '在左侧选择一个栏目开始编辑。', en: 'Pick a section to edit it.' },
  pickTour: { zh: '在左侧选择一条讲解路线开始编辑。', en: 'Pick a tour to edit it.' },
  pickQuiz: { zh: '在左侧选择一套知识问答开始编辑。', en: 'Pick a quiz to edit it.' },
  noSections: { zh: '展览里还没有栏目。', en: 'The exhibition has no sections yet.' },
  noTours: { zh: '还没有讲解路线。', en: 'No tours yet.' },
  noQuizzes: { zh: '还没有知识问答。', en: 'No quizzes yet.' },
  documentIdIs: {
    zh: '编号 id：{id}（链接和其他内容用它找到这一项，不在这里修改）',
    en: 'Id: {id} (links and other content find this by it; not changed here)',
  },
  documentFixedProblems: { zh: '编号和文件的问题', en: 'Problems of the id and file' },
  sectionFileIs: {
    zh: '展板文件 Panel file：{file}（不能在这里修改：这个栏目的展板都在这个文件里）',
    en: 'Panel file: {file} (not editable here: the section’s panels live in it)',
  },
  newTour: { zh: '新建讲解路线', en: 'New tour' },
  newTourTitle: { zh: '路线名称（可不填）', en: 'Tour title (optional)' },
  createTour: { zh: '创建路线', en: 'Create the tour' },
  tourCreated: {
    zh: '已新建讲解路线，第一站是长廊的第一块展板。',
    en: 'Tour created; its first stop is the corridor’s first panel.',
  },
  newQuiz: { zh: '新建知识问答', en: 'New quiz' },
  newQuizTitle: { zh: '问答名称（可不填）', en: 'Quiz title (optional)' },
  createQuiz: { zh: '创建问答', en: 'Create the quiz' },
  quizCreated: { zh: '已新建知识问答，请添加题目。', en: 'Quiz created: add its questions.' },
  deleteDocument: { zh: '删除', en: 'Delete' },
  deleteDocumentNamed: { zh: '删除“{title}”', en: 'Delete “{title}”' },
  deleteTourOf: { zh: '删除讲解路线“{title}”？', en: 'Delete the tour “{title}”?' },
  deleteQuizOf: { zh: '删除知识问答“{title}”？', en: 'Delete the quiz “{title}”?' },
  deleteDocumentDetail: {
    zh: '删除后不能在回收站恢复（回收站只存放展板），但在草稿发布前，已发布的版本不受影响。',
    en: 'It cannot be restored from the bin (the bin holds panels only); the published version is untouched until the draft is published.',
  },
  tourDeleted: { zh: '已删除讲解路线“{title}”。', en: 'Deleted the tour “{title}”.' },
  quizDeleted: { zh: '已删除知识问答“{title}”。', en: 'Deleted the quiz “{title}”.' },
  quizInUse: {
    zh: '不能删除：还有讲解路线用到这套问答。请先改掉下面这些地方：',
    en: 'It cannot be deleted: a tour names this quiz. Change these first:',
  },
  documentInUse: {
    zh: '不能删除：还有其他内容用到它。请先改掉下面这些地方：',
    en: 'It cannot be deleted: other content names it. Change these first:',
  },
  refusalBadId: {
    zh: '编号不对：只能用小写字母、数字和连字符，例如 new-recruits。',
    en: 'The id is not valid: lowercase letters, digits and hyphens only, e.g. new-recruits.',
  },
  refusalIdTaken: { zh: '这个编号已经有别的一项在用，请换一个。', en: 'Another entry has that id: choose another.' },
  refusalNotEditable: {
    zh: '栏目的展板文件不能在这里修改。',
    en: 'A section’s panel file cannot be changed here.',
  },
  conflictTitleDocument: { zh: '有人同时修改了这一项', en: 'Someone else changed this at the same time' },
  conflictDetailDocument: {
    zh: '在你修改的同时，别人保存了这一项。请选择保留哪个版本；另一个版本会被放弃。',
    en: 'Someone saved this while you were editing it. Choose which version to keep; the other is dropped.',
  },
  conflictGoneDocument: { zh: '这一项已被别人删除。', en: 'Someone deleted this.' },
  // Sections added and deleted; sections, tours and quizzes reordered.
  newSection: { zh: '新建栏目', en: 'New section' },
  newSectionTitle: { zh: '栏目名称（可不填）', en: 'Section title (optional)' },
  createSection: { zh: '创建栏目', en: 'Create the section' },
  sectionCreated: {
    zh: '已新建栏目，排在长廊最后。可以在“展板”页把展板放进来。',
    en: 'Section created, last in the corridor. Put panels in it on the Panels page.',
  },
  sectionHasNoPanels: {
    zh: '这个栏目还没有展板：把展板拖到这里，或用“移到栏目…”。',
    en: 'No panels in this section yet: drag one here, or use “Move to section…”.',
  },
  deleteSectionOf: { zh: '删除栏目“{title}”？', en: 'Delete the section “{title}”?' },
  sectionDeleted: { zh: '已删除栏目“{title}”。', en: 'Deleted the section “{title}”.' },
  sectionInUse: {
    zh: '不能删除：展览至少要有一个栏目，或者还有其他内容用到它。请先改掉下面这些地方：',
    en: 'It cannot be deleted: the exhibition needs a section, or other content names it. Change these first:',
  },
  refusalNotEmpty: {
    zh: '不能删除：这个栏目里还有展板。请先在“展板”页把它们移到别的栏目或删除。',
    en: 'It cannot be deleted: the section still holds panels. Move or delete them on the Panels page first.',
  },
  documentMoved: {
    zh: '已把“{title}”移到第 {position} 位（共 {count} 项）。',
    en: 'Moved “{title}” to position {position} of {count}.',
  },
  // The schema form: a document's own id field (a panel's, a section's, a tour's), and a quiz question's answer picked from its options (issue 17 leftovers).
  schemaFieldId: { zh: '编号', en: 'ID' },
  schemaFieldIdHint: {
    zh: '链接和其他文档用它指向这里，只用小写字母、数字和 -，例如 cpc-founding-1921。',
    en: 'Links and other documents point here by it: lower-case letters, digits and - only, e.g. cpc-founding-1921.',
  },
  schemaFieldAnswerHint: {
    zh: '从这道题的选项里选：单选题和判断题选一个，多选题把正确的选项都选上。',
    en: 'Pick from this question’s options: one for a single-choice or true-false question, every correct one for a multiple-choice question.',
  },
  schemaOptionUntitled: { zh: '选项 {id}（还没有文字）', en: 'Option {id} (no text yet)' },
  schemaOptionMissing: { zh: '（不存在的选项：{id}）', en: '(no such option: {id})' },
  schemaOptionMissingNote: {
    zh: '“{id}”不是这道题的选项（可能已被删除或改了编号），已原样保留；请从选项里重新选择。',
    en: '“{id}” is not one of this question’s options (deleted, or its id changed); it is kept as it is: choose again.',
  },
  // issue 18 review: 审核发布 (submit, review, publish with its progress) and 历史版本 (src/modes/curate/ui/CurateReview.tsx, CurateHistory.tsx).
  navReview: { zh: '审核发布', en: 'Review & publish' },
  navHistory: { zh: '历史版本', en: 'History' },
  reviewIntro: {
    zh: '先审后发：编辑把草稿提交审核；审核人员看过改动后批准发布，或写明意见退回。发布后，网站、投影和大厅触摸屏都会换成新的内容。',
    en: 'Reviewed before published: an editor submits the draft; a reviewer looks at the changes, then publishes them or sends them back with a comment. Once published, the website, the projector and the lobby kiosk all show the new content.',
  },
  reviewLoading: { zh: '正在读取…', en: 'Loading…' },
  reviewSubmitTitle: { zh: '提交审核', en: 'Submit for review' },
  reviewNoteLabel: { zh: '修改说明', en: 'What changed, and why' },
  reviewNoteHint: {
    zh: '告诉审核人员改了什么、为什么改（可不填）。提交后，提交的内容就固定了；之后再改会成为新的草稿。',
    en: 'Tell the reviewer what changed and why (optional). What is submitted is then fixed; later edits make a new draft.',
  },
  reviewSubmit: { zh: '提交审核', en: 'Submit for review' },
  reviewSubmitted: {
    zh: '已提交审核，等待审核人员审核。',
    en: 'Submitted: it waits for a reviewer.',
  },
  reviewDraftChanged: { zh: '草稿有尚未提交的修改。', en: 'The draft has edits not yet submitted.' },
  reviewDraftSame: { zh: '草稿和最近一次提交相同。', en: 'The draft is the same as the latest submission.' },
  reviewNoChanges: {
    zh: '草稿和已发布的内容相同，没有可提交的修改。',
    en: 'The draft is the same as the published content: there is nothing to submit.',
  },
  reviewHasErrors: {
    zh: '草稿里还有错误，改正下面这些问题后才能提交审核：',
    en: 'The draft still has errors: correct these before submitting it:',
  },
  reviewNotPending: {
    zh: '这次提交已经审核过了，或者已被新的提交取代，不能再审核。',
    en: 'This submission was already reviewed, or a newer one replaced it: it cannot be reviewed again.',
  },
  reviewOwnSubmission: {
    zh: '不能审核自己提交的修改：请另一位审核来审。先审后发要由提交人以外的人把关；只有本站只有一位审核时，才能由提交人自己审核发布。',
    en: 'You cannot review your own submission: ask another reviewer. Reviewed-before-published means someone other than the submitter checks it; only a station with a single reviewer lets the submitter publish their own.',
  },
  reviewBusy: {
    zh: '另一次发布正在进行，请等它结束后再批准。',
    en: 'Another publish is under way: wait for it to end, then approve.',
  },
  reviewDraftHasChanges: {
    zh: '草稿里有尚未提交审核的修改。',
    en: 'The draft has edits that were never submitted.',
  },
  reviewListTitle: { zh: '提交记录', en: 'Submissions' },
  reviewListEmpty: { zh: '还没有人提交过审核。', en: 'Nothing has been submitted yet.' },
  reviewSubmittedBy: { zh: '{name} 于 {time} 提交', en: 'Submitted by {name} at {time}' },
  reviewStatusIs: { zh: '状态：{status}', en: 'Status: {status}' },
  reviewStatusPending: { zh: '待审核', en: 'Waiting for review' },
  reviewStatusReturned: { zh: '已退回', en: 'Sent back' },
  reviewStatusSuperseded: { zh: '已被新的提交取代', en: 'Replaced by a newer submission' },
  reviewStatusPublishing: { zh: '正在发布', en: 'Publishing' },
  reviewStatusFailed: { zh: '发布失败', en: 'Publishing failed' },
  reviewStatusPublished: { zh: '已发布 版本 {version}', en: 'Published as version {version}' },
  reviewNoteIs: { zh: '修改说明：{note}', en: 'Note: {note}' },
  reviewNoNote: { zh: '没有写修改说明。', en: 'No note was written.' },
  reviewReviewedBy: { zh: '{name} 于 {time} 审核', en: 'Reviewed by {name} at {time}' },
  reviewCommentIs: { zh: '审核意见：{comment}', en: 'Reviewer’s comment: {comment}' },
  reviewSelfApproved: {
    zh: '本站只有一位审核，由提交人自己审核发布。',
    en: 'The station has a single reviewer: the submitter reviewed and published it.',
  },
  reviewBuildError: { zh: '发布失败的原因：{error}', en: 'Why publishing failed: {error}' },
  reviewSummary: {
    zh: '改动：展板 {panels} 块，文档 {documents} 个，照片 {photos} 张',
    en: 'Changes: {panels} panels, {documents} documents, {photos} photos',
  },
  reviewChangesTitle: { zh: '改动内容', en: 'What changed' },
  reviewChangesOf: { zh: '{name} 于 {time} 提交的改动', en: 'Submitted by {name} at {time}' },
  reviewPickSubmission: { zh: '在提交记录里选一次提交，查看它改了什么。', en: 'Pick a submission to see what it changes.' },
  reviewNoChangeEntries: { zh: '这次提交没有改动。', en: 'This submission changes nothing.' },
  reviewGroupPanel: { zh: '展板', en: 'Panels' },
  reviewGroupSettings: { zh: '展览设置', en: 'Exhibition settings' },
  reviewGroupSection: { zh: '栏目', en: 'Sections' },
  reviewGroupTour: { zh: '讲解路线', en: 'Tours' },
  reviewGroupQuiz: { zh: '知识问答', en: 'Quizzes' },
  reviewGroupPhoto: { zh: '照片', en: 'Photos' },
  reviewChangeAdded: { zh: '新增', en: 'Added' },
  reviewChangeRemoved: { zh: '删除', en: 'Removed' },
  reviewChangeChanged: { zh: '修改', en: 'Changed' },
  reviewChangeMoved: { zh: '移动', en: 'Moved' },
  reviewChangeHeading: { zh: '{change}：{title}', en: '{change}: {title}' },
  reviewEntryId: { zh: '编号：{id}', en: 'ID: {id}' },
  reviewPanelSection: { zh: '所在栏目：{before} → {after}', en: 'Section: {before} → {after}' },
  reviewFieldsOf: { zh: '“{title}”改动的字段', en: 'The fields “{title}” changes' },
  reviewFieldColumn: { zh: '字段', en: 'Field' },
  reviewBeforeColumn: { zh: '原来', en: 'Before' },
  reviewAfterColumn: { zh: '修改后', en: 'After' },
  reviewValueNone: { zh: '（无）', en: '(none)' },
  reviewValueYes: { zh: '是', en: 'Yes' },
  reviewValueNo: { zh: '否', en: 'No' },
  reviewPhotoBefore: { zh: '原照片：{src}', en: 'Old photo: {src}' },
  reviewPhotoAfter: { zh: '新照片：{src}', en: 'New photo: {src}' },
  reviewActionsTitle: { zh: '审核这次提交', en: 'Review this submission' },
  reviewCommentLabel: { zh: '审核意见', en: 'Reviewer’s comment' },
  reviewCommentHint: {
    zh: '批准时可不填；退回修改时必须写，告诉提交人要改什么。',
    en: 'Optional when approving; required when sending back, to tell the submitter what to change.',
  },
  reviewApprove: { zh: '批准并发布', en: 'Approve and publish' },
  reviewReturn: { zh: '退回修改', en: 'Send back' },
  reviewReturnNeedsComment: {
    zh: '退回修改要写审核意见，告诉提交人要改什么。',
    en: 'Sending back needs a comment: tell the submitter what to change.',
  },
  reviewReturned: { zh: '已退回这次提交，提交人会看到你的意见。', en: 'Sent back: the submitter will see your comment.' },
  publishTitle: { zh: '发布进度', en: 'Publishing' },
  publishProgressLabel: { zh: '发布进度', en: 'Publishing progress' },
  publishBuilding: { zh: '正在生成网站…', en: 'Building the site…' },
  publishWaiting: {
    zh: '网站已生成，等待正在进行的课程结束后切换。',
    en: 'The site is built: it switches once the lesson under way ends.',
  },
  publishPublished: { zh: '已发布为版本 {version}。', en: 'Published as version {version}.' },
  publishFailed: { zh: '发布失败：{reason}', en: 'Publishing failed: {reason}' },
  publishFailedNothing: {
    zh: '没有发布任何内容，展厅仍在使用原来的版本。',
    en: 'Nothing was published: the station still shows the version before.',
  },
  publishLog: { zh: '构建日志', en: 'Build log' },
  historyIntro: {
    zh: '每次发布的版本都保存着（内容和照片）。任何版本都可以恢复为草稿，再提交审核、发布。',
    en: 'Every published version is kept (content and photos). Any of them can be restored as the draft, then submitted, reviewed and published again.',
  },
  historyEmpty: { zh: '还没有发布过的版本。', en: 'No version has been published yet.' },
  historyVersion: { zh: '版本 {number}', en: 'Version {number}' },
  historyCurrent: { zh: '当前版本', en: 'Current version' },
  historyPublishedAt: { zh: '发布时间', en: 'Published' },
  historyPublishedBy: { zh: '发布人', en: 'Published by' },
  historySubmittedBy: { zh: '提交人', en: 'Submitted by' },
  historyNote: { zh: '修改说明', en: 'Note' },
  historyChanges: { zh: '改动', en: 'Changes' },
  historyCounts: {
    zh: '展板 {panels} 块，文档 {documents} 个，照片 {photos} 张',
    en: '{panels} panels, {documents} documents, {photos} photos',
  },
  historyFirstContent: { zh: '（展厅最初的内容）', en: '(the station’s first content)' },
  historyRestoredFrom: { zh: '恢复自版本 {number}', en: 'Restored from version {number}' },
  historyRestore: { zh: '恢复为草稿', en: 'Restore as the draft' },
  historyRestoreOf: { zh: '把版本 {number} 恢复为草稿', en: 'Restore version {number} as the draft' },
  historyRestoreQuestion: { zh: '把版本 {number} 恢复为草稿？', en: 'Restore version {number} as the draft?' },
  historyRestoreDetail: {
    zh: '这个版本会成为新的草稿，要再提交审核、发布后才会出现在展厅。',
    en: 'This version becomes the new draft: it reaches the station only once submitted, reviewed and published again.',
  },
  historyReplaceQuestion: { zh: '替换草稿里尚未提交的修改？', en: 'Replace the draft’s unsubmitted edits?' },
  historyReplaceDetail: {
    zh: '草稿里有尚未提交审核的修改。把版本 {number} 恢复为草稿会替换整个草稿，这些修改会丢失。',
    en: 'The draft has edits that were never submitted. Restoring version {number} replaces the whole draft, and those edits are lost.',
  },
  historyReplaceConfirm: { zh: '替换草稿并恢复', en: 'Replace the draft and restore' },
  historyRestored: {
    zh: '已把版本 {number} 恢复为草稿。要让展厅用它，请在“审核发布”里提交审核。',
    en: 'Version {number} is the draft now. To show it in the station, submit it on “Review & publish”.',
  },
  // The content as a zip (导出与导入, issue 18 item 4: src/modes/curate/ui/CuratePack.tsx).
  navPack: { zh: '导出与导入', en: 'Export and import' },
  packIntro: {
    zh: '把展览内容（全部文字和照片）下载为一个 zip 压缩包：用来备份，或交给开发人员（解压到项目根目录即可，里面是 assets/content 和 assets/photos）。',
    en: 'Download the exhibition’s content (every text and photo) as one zip: as a backup, or for a developer (unzip it at the project’s root: it holds assets/content and assets/photos).',
  },
  packExportTitle: { zh: '导出', en: 'Export' },
  packExportPublished: { zh: '下载已发布的内容', en: 'Download the published content' },
  packExportPublishedHint: { zh: '观众现在看到的版本。', en: 'The version visitors see now.' },
  packExportDraft: { zh: '下载当前草稿', en: 'Download the current draft' },
  packExportDraftHint: {
    zh: '包括还没有发布的修改；没有人修改过时与已发布的内容相同。',
    en: 'With the changes not published yet; the same as the published content when nobody has edited.',
  },
  packImportTitle: { zh: '导入为草稿', en: 'Import as the draft' },
  packImportIntro: {
    zh: '导入的压缩包会替换整个草稿，先经过与发布时相同的内容检查；之后像其他修改一样提交审核、发布。已发布的内容不会改变。',
    en: 'The zip replaces the whole draft, after the same content check as publishing; then it is submitted, reviewed and published like any other edit. The published content does not change.',
  },
  packImportFile: { zh: '内容压缩包（.zip）', en: 'Content zip (.zip)' },
  packImportButton: { zh: '导入为草稿', en: 'Import as the draft' },
  packImporting: { zh: '正在上传并检查压缩包…', en: 'Uploading and checking the zip…' },
  packImportChooseFile: { zh: '请先选择一个 .zip 文件。', en: 'Choose a .zip file first.' },
  packImported: {
    zh: '已导入为草稿：{files} 个内容文件，{photos} 张照片。请在各页检查后提交审核。',
    en: 'Imported as the draft: {files} content files, {photos} photos. Check it on the other pages, then submit it for review.',
  },
  packReplaceTitle: { zh: '草稿里有还没提交的修改', en: 'The draft has changes nobody submitted' },
  packReplaceDetail: {
    zh: '导入会用压缩包替换整个草稿，这些修改会丢失。要继续吗？',
    en: 'Importing replaces the whole draft with the zip, and those changes are lost. Go on?',
  },
  packReplaceConfirm: { zh: '替换草稿并导入', en: 'Replace the draft and import' },
  packRefusedEntry: { zh: '压缩包里的“{entry}”：', en: 'In the zip, “{entry}”: ' },
  packProblemAt: { zh: '{file}，位置 {path}：{message}', en: '{file}, at {path}: {message}' },
  packProblemInFile: { zh: '{file}：{message}', en: '{file}: {message}' },
  packErrorNotZip: { zh: '这不是 zip 压缩包。', en: 'This is not a zip file.' },
  packErrorDamagedZip: {
    zh: '压缩包已损坏（记录的大小或校验和与内容不符），请重新导出或重新压缩。',
    en: 'The zip is damaged (its recorded sizes or checksums do not match): export or zip it again.',
  },
  packErrorUnsupportedZip: {
    zh: '不支持这种压缩包（加密、分卷、ZIP64 或特殊压缩方式）。请用普通 zip 格式、不加密码重新压缩。',
    en: 'This kind of zip is not supported (encrypted, split, ZIP64 or an unusual compression). Zip it again as a plain zip without a password.',
  },
  packErrorBadEntryName: {
    zh: '文件名不安全（绝对路径、..、反斜杠、盘符或控制字符），整个压缩包被拒绝。',
    en: 'The file name is unsafe (an absolute path, .., a backslash, a drive or a control character), so the whole zip is refused.',
  },
  packErrorOutsideFolders: {
    zh: '只能包含 assets/content/ 和 assets/photos/ 里的文件（以及 pack.json）。请从项目根目录压缩，不要多套一层文件夹。',
    en: 'Only files in assets/content/ and assets/photos/ (and pack.json) may be in it. Zip from the project’s root, without an extra folder around it.',
  },
  packErrorNotAFile: {
    zh: '这是符号链接或特殊文件，不能导入。',
    en: 'This is a symbolic link or a special file and cannot be imported.',
  },
  packErrorDuplicateEntry: {
    zh: '同一个文件在压缩包里出现了两次（只差大小写也算同一个）。',
    en: 'The same file is in the zip twice (names differing only in case count as one).',
  },
  packErrorEntryTooLarge: {
    zh: `解压后太大（照片最多 ${megabytes(PACK_PHOTO_MAX_BYTES)} MB，内容文件最多 ${megabytes(PACK_CONTENT_MAX_BYTES)} MB），或比压缩包里记录的大。`,
    en: `It unpacks too big (photos at most ${megabytes(PACK_PHOTO_MAX_BYTES)} MB, content files at most ${megabytes(PACK_CONTENT_MAX_BYTES)} MB), or bigger than the zip says.`,
  },
  packErrorPackTooLarge: {
    zh: `压缩包解压后太大（最多 ${megabytes(PACK_TOTAL_MAX_BYTES)} MB）。`,
    en: `The zip unpacks too big (at most ${megabytes(PACK_TOTAL_MAX_BYTES)} MB).`,
  },
  packErrorTooManyEntries: { zh: '压缩包里的文件太多。', en: 'The zip holds too many files.' },
  packErrorBadContentFile: {
    zh: 'assets/content/ 里只能有 .json 内容文件（和 .md 说明），不能有子文件夹。',
    en: 'assets/content/ may hold .json content files (and the .md guide) only, and no sub-folders.',
  },
  packErrorNotAPhoto: {
    zh: '这不是照片：assets/photos/ 里只能有 JPEG、PNG、WebP、AVIF 照片和 SVG 图（按文件内容判断）。',
    en: 'This is not a photo: assets/photos/ may hold JPEG, PNG, WebP and AVIF photos and SVG images only (by their content).',
  },
  packErrorUnsafeSvg: {
    zh: 'SVG 里有脚本或外部引用，不能使用。',
    en: 'The SVG contains a script or a reference outside itself and cannot be used.',
  },
  packErrorNotAPack: {
    zh: '这不是展览内容压缩包：里面没有 assets/content/exhibition.json（或 pack.json 不是本系统导出的）。',
    en: 'This is not an exhibition content zip: it has no assets/content/exhibition.json (or its pack.json is not this system’s).',
  },
  packErrorHasErrors: {
    zh: '压缩包里的内容没有通过检查，没有导入。请先改正下面的问题：',
    en: 'The zip’s content did not pass the check and was not imported. Fix these first:',
  },
  packErrorBusy: { zh: '另一个导入正在进行，请稍后再试。', en: 'Another import is under way; try again shortly.' },
  packErrorTooLarge: {
    zh: `压缩包太大（最多 ${megabytes(PACK_UPLOAD_MAX_BYTES)} MB）。`,
    en: `The zip is too large (at most ${megabytes(PACK_UPLOAD_MAX_BYTES)} MB).`,
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type CurateStringKey = keyof typeof STRINGS;

/** The account side's audit actions (src/live/curateProtocol.ts ACCOUNT_AUDIT_ACTIONS), in words. */
const AUDIT_ACTIONS: Record<(typeof ACCOUNT_AUDIT_ACTIONS)[number], Record<Lang, string>> = {
  login: { zh: '登录', en: 'Logged in' },
  'login-failed': { zh: '登录失败', en: 'Login failed' },
  logout: { zh: '退出', en: 'Logged out' },
  'password-change': { zh: '修改自己的密码', en: 'Changed own password' },
  'password-reset': { zh: '重置他人密码', en: 'Reset a password' },
  'account-create': { zh: '新建账号', en: 'Created an account' },
  'account-disable': { zh: '停用账号', en: 'Disabled an account' },
  'account-enable': { zh: '启用账号', en: 'Enabled an account' },
  bootstrap: { zh: '首次启动创建审核账号', en: 'First start created the reviewer' },
  setup: { zh: '用设置链接创建审核账号', en: 'Setup link created the reviewer' },
  'setup-reset': { zh: '用设置链接重设审核密码', en: 'Setup link set a reviewer’s password' },
  'reset-command': { zh: '在展厅电脑上生成重设链接', en: 'Reset link made on the station PC' },
};

/** The draft's own changes (src/server/curate/draft.ts records them with the panel or document and field). */
const DRAFT_AUDIT_ACTIONS: Record<string, Record<Lang, string>> = {
  'update-panel': { zh: '修改展板', en: 'Edited a panel' },
  'add-panel': { zh: '新建展板', en: 'Added a panel' },
  'duplicate-panel': { zh: '复制展板', en: 'Duplicated a panel' },
  'move-panel': { zh: '移动展板', en: 'Moved a panel' },
  'delete-panel': { zh: '删除展板（进回收站）', en: 'Deleted a panel (to the bin)' },
  'restore-panel': { zh: '从回收站恢复展板', en: 'Restored a panel from the bin' },
  'add-photo': { zh: '上传照片', en: 'Uploaded a photo' },
  'update-settings': { zh: '修改展览设置', en: 'Edited the exhibition settings' },
  'update-section': { zh: '修改栏目', en: 'Edited a section' },
  'update-tour': { zh: '修改讲解路线', en: 'Edited a tour' },
  'update-quiz': { zh: '修改知识问答', en: 'Edited a quiz' },
  'add-tour': { zh: '新建讲解路线', en: 'Added a tour' },
  'delete-tour': { zh: '删除讲解路线', en: 'Deleted a tour' },
  'add-quiz': { zh: '新建知识问答', en: 'Added a quiz' },
  'delete-quiz': { zh: '删除知识问答', en: 'Deleted a quiz' },
  'add-section': { zh: '新建栏目', en: 'Added a section' },
  'delete-section': { zh: '删除栏目', en: 'Deleted a section' },
  'move-section': { zh: '调整栏目顺序', en: 'Moved a section' },
  'move-tour': { zh: '调整讲解路线顺序', en: 'Moved a tour' },
  'move-quiz': { zh: '调整知识问答顺序', en: 'Moved a quiz' },
  // 先审后发 (src/server/curate/publishing.ts PUBLISH_AUDIT_ACTIONS).
  submit: { zh: '提交审核', en: 'Submitted for review' },
  'return-submission': { zh: '退回修改', en: 'Sent a submission back' },
  'approve-submission': { zh: '审核通过', en: 'Approved a submission' },
  'approve-own-submission': {
    zh: '审核通过自己的提交（本站只有这一位审核）',
    en: 'Approved their own submission (the station’s only reviewer)',
  },
  publish: { zh: '发布新版本', en: 'Published a version' },
  'publish-failed': { zh: '发布失败（没有发布任何内容）', en: 'Publishing failed (nothing was published)' },
  'restore-version': { zh: '把历史版本恢复为草稿', en: 'Restored a version as the draft' },
  // The content as a zip (src/server/curate/contentPack.ts PACK_AUDIT_ACTIONS).
  'export-content': { zh: '导出内容压缩包', en: 'Exported the content as a zip' },
  'import-content': { zh: '把内容压缩包导入为草稿', en: 'Imported a content zip as the draft' },
};

/**
 * Refusals in words. `locked`: the protocol's lock-out (5 failures in 15 minutes lock for 15
 * minutes); `not-allowed`: the station lets only itself and CURATE_ALLOW's addresses in.
 */
const ERRORS: Record<CurateErrorCode | 'offline', Record<Lang, string>> = {
  'bad-request': {
    zh: '填写的内容格式不对，请检查后再试。',
    en: 'Something typed is not in the expected form; check it and try again.',
  },
  'bad-origin': {
    zh: '请求不是从展厅服务器自己的布展页面发出的，已被拒绝。请直接打开展厅服务器的地址。',
    en: 'The request did not come from the station’s own curator page. Open the station’s address directly.',
  },
  'not-allowed': {
    zh: '这台设备不能使用布展：只有展厅电脑本机，或服务器设置里允许的地址（CURATE_ALLOW）才能登录。在共用 Wi-Fi 上密码可能被人截获，所以默认不允许手机登录。',
    en: 'This device may not use the curator: only the station PC itself, or addresses allowed in the server’s settings (CURATE_ALLOW), can log in. On a shared Wi-Fi a password can be overheard, so phones are not allowed by default.',
  },
  unauthorized: {
    zh: '登录已失效（超时、已退出，或密码被重置），请重新登录。',
    en: 'Your login has ended (timed out, logged out, or the password was reset): log in again.',
  },
  forbidden: { zh: '你的账号没有这项权限。', en: 'Your account may not do this.' },
  'wrong-credentials': { zh: '用户名或密码不对。', en: 'Wrong username or password.' },
  locked: {
    zh: '错误次数太多：这个账号和这台设备已被锁定 15 分钟，请 15 分钟后再试。',
    en: 'Too many wrong attempts: this account and this device are locked for 15 minutes. Try again in 15 minutes.',
  },
  'rate-limited': {
    zh: '同时登录的人太多，请稍等片刻再试。',
    en: 'Too many logins at once; wait a moment and try again.',
  },
  'account-disabled': {
    zh: '这个账号已被停用，请联系审核人员重新启用。',
    en: 'This account is disabled; ask a reviewer to enable it again.',
  },
  'weak-password': {
    zh: `密码太弱：至少 ${PASSWORD_MIN_CHARS} 个字符，且不能与用户名相同。`,
    en: `The password is too weak: at least ${PASSWORD_MIN_CHARS} characters, and not the username.`,
  },
  'username-taken': {
    zh: '这个用户名已经有人用了（不区分大小写），请换一个。',
    en: 'That username is taken (ignoring case); choose another.',
  },
  'last-reviewer': {
    zh: '不能停用最后一个启用的审核账号：总要有人能管理账号。',
    en: 'The last enabled reviewer cannot be disabled: someone must be able to manage the accounts.',
  },
  'bad-setup-token': {
    zh: '这个设置链接无效：已经用过、已过期，或用户名与链接不符。请在展厅电脑上运行 npm run curate:reset 生成新链接。',
    en: 'This setup link does not work: it was used, it expired, or the username is not its account’s. Run npm run curate:reset on the station PC for a new one.',
  },
  'not-found': { zh: '找不到这一项（可能已被删除）。', en: 'That could not be found (it may have been deleted).' },
  'payload-too-large': { zh: '填写的内容太长了。', en: 'What was typed is too long.' },
  'server-error': { zh: '展厅服务器出错了，请稍后再试。', en: 'The station server had an error; try again shortly.' },
  offline: {
    zh: '连不上展厅服务器，请检查网络或服务器是否在运行。',
    en: 'Cannot reach the station server: check the network, and that the server is running.',
  },
};

/** A curator string, its `{name}` places filled from `values` (the caller renders the result as text). */
export function curateText(key: CurateStringKey, lang: Lang, values: Record<string, string | number> = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** A refusal in words; `offline`: the station did not answer at all. */
export function curateErrorText(error: CurateErrorCode | 'offline', lang: Lang): string {
  // An unforeseen code (a newer server's) is still named, so staff can look it up.
  const known: Partial<Record<string, Record<Lang, string>>> = ERRORS;
  return known[error]?.[lang] ?? (lang === 'zh' ? `操作没有完成（${error}）。` : `That did not work (${error}).`);
}

export function roleText(role: CurateRole, lang: Lang): string {
  return curateText(role === 'reviewer' ? 'roleReviewer' : 'roleEditor', lang);
}

/** An audit entry's action in words; one this page does not know yet (the drafts' own) as written. */
export function auditActionText(action: string, lang: Lang): string {
  const known: Partial<Record<string, Record<Lang, string>>> = { ...AUDIT_ACTIONS, ...DRAFT_AUDIT_ACTIONS };
  return known[action]?.[lang] ?? action;
}

/** Every word of the curator's page, for the interface font's character subset (src/build/characters.ts). */
export function curateFontStrings(): string[] {
  return [
    ...Object.values(STRINGS),
    ...Object.values(AUDIT_ACTIONS),
    ...Object.values(DRAFT_AUDIT_ACTIONS),
    ...Object.values(ERRORS),
  ].flatMap((entry) => [entry.zh, entry.en]);
}
