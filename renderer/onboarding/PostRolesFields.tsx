/** Which post a joining device belongs to (Israeli or Syrian: the desk's devices come from creating the channel), and its roles. */
import { useTranslation } from 'react-i18next';
import type { Post, Role } from '../../electron/common/protocol/schemas';

const JOINING_POSTS = ['IL', 'SY'] as const satisfies readonly Post[];
const JOINING_ROLES = ['officer', 'translator'] as const satisfies readonly Role[];

export function PostRolesFields(props: {
  post: Post | null;
  roles: readonly Role[];
  onPost: (post: Post) => void;
  onRoles: (roles: readonly Role[]) => void;
}) {
  const { t } = useTranslation('gate');
  const toggle = (role: Role, on: boolean) =>
    props.onRoles(JOINING_ROLES.filter((candidate) => (candidate === role ? on : props.roles.includes(candidate))));
  return (
    <>
      <fieldset className="form__field form__choices">
        <legend>{t('onboarding.join.post')}</legend>
        {JOINING_POSTS.map((post) => (
          <label key={post} className="form__choice">
            <input
              type="radio"
              name="post"
              value={post}
              data-testid={`onboarding-post-${post}`}
              checked={props.post === post}
              onChange={() => props.onPost(post)}
            />
            <span>{t(`post.${post}`, { ns: 'common' })}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="form__field form__choices">
        <legend>{t('onboarding.join.roles')}</legend>
        {JOINING_ROLES.map((role) => (
          <label key={role} className="form__choice">
            <input
              type="checkbox"
              data-testid={`onboarding-role-${role}`}
              checked={props.roles.includes(role)}
              onChange={(event) => toggle(role, event.target.checked)}
            />
            <span>{t(`role.${role}`, { ns: 'common' })}</span>
          </label>
        ))}
        <p className="form__hint">{t('onboarding.join.rolesHint')}</p>
      </fieldset>
    </>
  );
}
