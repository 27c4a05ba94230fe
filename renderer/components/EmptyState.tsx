/** A screen's empty state: what will be here, in the reader's language. */
export function EmptyState(props: { title: string; body: string }) {
  return (
    <div className="empty-state">
      <p className="empty-state__title">{props.title}</p>
      <p className="empty-state__body">{props.body}</p>
    </div>
  );
}
