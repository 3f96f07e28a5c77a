/**
 * Joining: the code (when the link brought none, or it did not work) and an optional nickname.
 * A refusal is said in words above the form.
 */
import { useId, useState } from 'react';
import type { Lang } from '../../../content/localize.ts';
import { followErrorText, followText } from '../../../i18n/followStrings.ts';
import { type LiveErrorCode, NICKNAME_MAX_CHARS } from '../../../live/protocol.ts';

export interface FollowJoinProps {
  lang: Lang;
  /** The code to join; null: ask for it. */
  code: string | null;
  error: LiveErrorCode | null;
  initialNickname: string;
  onCode(code: string): void;
  onJoin(nickname: string): void;
}

export function FollowJoin({ lang, code, error, initialNickname, onCode, onJoin }: FollowJoinProps) {
  const [typedCode, setTypedCode] = useState('');
  const [nickname, setNickname] = useState(initialNickname);
  const codeId = useId();
  const nicknameId = useId();
  const headingId = useId();
  return (
    <section className="follow-join" aria-labelledby={headingId}>
      <h1 id={headingId}>{followText('joinTitle', lang)}</h1>
      <p>{followText('joinIntro', lang)}</p>
      {error && (
        <p className="follow-error" role="alert">
          {followErrorText(error, lang)}
        </p>
      )}
      {code === null ? (
        <form
          className="follow-join__form"
          onSubmit={(event) => {
            event.preventDefault();
            onCode(typedCode);
          }}
        >
          <label htmlFor={codeId}>{followText('codeLabel', lang)}</label>
          <input
            id={codeId}
            name="code"
            inputMode="numeric"
            autoComplete="off"
            pattern="\d{6}"
            maxLength={6}
            required
            value={typedCode}
            onChange={(event) => setTypedCode(event.target.value.replace(/\D/g, ''))}
          />
          <button type="submit">{followText('join', lang)}</button>
        </form>
      ) : (
        <form
          className="follow-join__form"
          data-join-code={code}
          onSubmit={(event) => {
            event.preventDefault();
            onJoin(nickname);
          }}
        >
          <p className="follow-join__code">{code}</p>
          <label htmlFor={nicknameId}>{followText('nicknameLabel', lang)}</label>
          <input
            id={nicknameId}
            name="nickname"
            autoComplete="nickname"
            maxLength={NICKNAME_MAX_CHARS}
            value={nickname}
            onChange={(event) => setNickname(event.target.value)}
          />
          <button type="submit">{followText('join', lang)}</button>
        </form>
      )}
    </section>
  );
}
