/**
 * The words and shapes of 先审后发 for the curator (src/modes/curate/reviewModel.ts): a changed
 * field named as its form names it (from the content schemas), a value as text lines or JSON, the
 * photos a value names, the changes grouped in their order, the statuses and refusals in words.
 */

import { describe, expect, it } from 'vitest';
import type { ContentChange } from '../../src/live/curateReviewProtocol.ts';
import { reviewPhotoUrl } from '../../src/modes/curate/curateClient.ts';
import {
  fieldName,
  groupChanges,
  photoSources,
  reviewRefusalText,
  shownValue,
  submissionStatusText,
} from '../../src/modes/curate/reviewModel.ts';

describe('fieldName', () => {
  it('names a field by its schema title in either language, any panel kind’s, and leaves an unknown key as it is', () => {
    expect(fieldName('panel', 'title', 'zh')).toBe('标题');
    expect(fieldName('panel', 'body', 'en')).toBe('Body');
    expect(fieldName('panel', 'images', 'zh')).toBe('图片');
    // A member board's field, and an oath's: found in their own kind's schema.
    expect(fieldName('panel', 'people', 'zh')).toBe('人物');
    expect(fieldName('panel', 'phrases', 'zh')).toBe('誓词');
    expect(fieldName('settings', 'subtitle', 'zh')).toBe('副标题');
    expect(fieldName('section', 'accent', 'zh')).toBe('颜色');
    expect(fieldName('tour', 'stops', 'zh')).toBe('讲解站');
    expect(fieldName('quiz', 'questions', 'en')).toBe('Questions');
    expect(fieldName('panel', 'mystery', 'zh')).toBe('mystery');
  });
});

describe('shownValue', () => {
  it('shows texts as lines, "zh / en" for both languages, and anything else as JSON', () => {
    expect(shownValue(undefined, 'zh')).toEqual({ type: 'none' });
    expect(shownValue('只有中文', 'zh')).toEqual({ type: 'lines', lines: ['只有中文'] });
    expect(shownValue({ zh: '标题', en: 'Title' }, 'zh')).toEqual({ type: 'lines', lines: ['标题 / Title'] });
    expect(shownValue({ zh: '标题', en: '' }, 'zh')).toEqual({ type: 'lines', lines: ['标题'] });
    expect(shownValue(['一', { zh: '二', en: 'two' }], 'zh')).toEqual({ type: 'lines', lines: ['一', '二 / two'] });
    expect(shownValue(true, 'zh')).toEqual({ type: 'lines', lines: ['是'] });
    expect(shownValue(false, 'en')).toEqual({ type: 'lines', lines: ['No'] });
    expect(shownValue(1921, 'zh')).toEqual({ type: 'lines', lines: ['1921'] });
    const image = [{ src: 'photos/a.jpg', caption: { zh: '说明' } }];
    expect(shownValue(image, 'zh')).toEqual({ type: 'json', text: JSON.stringify(image, null, 2) });
    // An object with more than the two languages is no localized text.
    expect(shownValue({ zh: '一', note: 'x' }, 'zh').type).toBe('json');
    expect(shownValue([], 'zh').type).toBe('json');
  });
});

describe('photoSources', () => {
  it('finds every photo a value names, once, in order, and nothing else', () => {
    expect(
      photoSources([
        { src: 'photos/a.jpg', caption: 'photo of a' },
        { src: 'photos/b.png', people: [{ photo: 'photos/c.jpg' }] },
        { src: 'photos/a.jpg' },
        { src: 'audio/oath.mp3' },
      ]),
    ).toEqual(['photos/a.jpg', 'photos/b.png', 'photos/c.jpg']);
    expect(photoSources('photos/')).toEqual([]);
    expect(photoSources(undefined)).toEqual([]);
  });
});

describe('groupChanges', () => {
  it('groups by kind in the view’s order, leaving out the empty groups and keeping the server’s order within one', () => {
    const changes: ContentChange[] = [
      { kind: 'photo', src: 'photos/a.jpg', change: 'added' },
      { kind: 'tour', id: 't', change: 'moved', title: 'T', fields: [] },
      { kind: 'panel', id: 'b', change: 'removed', title: 'B', sectionBefore: 's', sectionAfter: null, fields: [] },
      { kind: 'panel', id: 'a', change: 'added', title: 'A', sectionBefore: null, sectionAfter: 's', fields: [] },
    ];
    const groups = groupChanges(changes);
    expect(groups.map((group) => [group.kind, group.heading])).toEqual([
      ['panel', 'reviewGroupPanel'],
      ['tour', 'reviewGroupTour'],
      ['photo', 'reviewGroupPhoto'],
    ]);
    expect(groups[0]?.changes.map((change) => (change.kind === 'panel' ? change.id : ''))).toEqual(['b', 'a']);
  });
});

describe('words', () => {
  it('says each status, a published one with its version', () => {
    expect(submissionStatusText({ status: 'published', version: 4 }, 'zh')).toBe('已发布 版本 4');
    expect(submissionStatusText({ status: 'superseded', version: null }, 'zh')).toBe('已被新的提交取代');
    expect(submissionStatusText({ status: 'published', version: 4 }, 'en')).toBe('Published as version 4');
  });

  it('says the review refusals, and the API’s own as the page does', () => {
    expect(reviewRefusalText('no-changes', 'zh')).toBe('草稿和已发布的内容相同，没有可提交的修改。');
    expect(reviewRefusalText('own-submission', 'zh')).toMatch(/^不能审核自己提交的修改：请另一位审核来审。/);
    expect(reviewRefusalText('offline', 'zh')).toBe('连不上展厅服务器，请检查网络或服务器是否在运行。');
    expect(reviewRefusalText('something-new', 'en')).toBe('That did not work (something-new).');
  });
});

describe('the review photos’ addresses', () => {
  it('name the submission’s photo, a version’s, or the published content’s, with the src escaped', () => {
    expect(reviewPhotoUrl('s-00000000000a', 'photos/a b.jpg')).toBe(
      'api/curate/submissions/s-00000000000a/photo?src=photos%2Fa%20b.jpg',
    );
    expect(reviewPhotoUrl(null, 'photos/a.jpg')).toBe('api/curate/published/photo?src=photos%2Fa.jpg');
    expect(reviewPhotoUrl(null, 'photos/a.jpg', 3)).toBe('api/curate/versions/3/photo?src=photos%2Fa.jpg');
  });
});
