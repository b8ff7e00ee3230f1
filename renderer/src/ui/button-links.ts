/**
 * Links drawn as buttons ("Export the signed submission", "Close the assessment", "New assessment")
 * answer Space as buttons do, not only Enter as links do: a keyboard user goes by what they see.
 * Returns the function that removes the listener.
 */
export function installButtonLinkKeys(doc: Document): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (event.code !== 'Space' && event.key !== ' ') return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.target;
    if (!(target instanceof HTMLAnchorElement) || !target.classList.contains('button')) return;
    // Not the page scrolling by a screen: the link is followed, once.
    event.preventDefault();
    if (!event.repeat) target.click();
  };
  doc.addEventListener('keydown', onKey);
  return () => doc.removeEventListener('keydown', onKey);
}
