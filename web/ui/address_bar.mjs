// The address bar follows the view, but at most a few times a second: browsers refuse (and some
// throw on) hundreds of history updates a minute, which a replay or a live run would otherwise make.
// <html data-link> says whether it holds the view yet (tests wait on it before they copy the link).

const interval_ms = 250;

export class address_bar {
  constructor() {
    this.wanted = '';
    this.last = '';
    this.last_at = 0;
    // A link pasted into this tab changes only the fragment: open it as the page it names.
    window.addEventListener('hashchange', () => {
      if (location.hash !== this.last) location.reload();
    });
  }

  want(link) {
    this.wanted = link;
  }

  // Called every animation frame.
  flush(now) {
    if (this.wanted && this.wanted !== this.last && now - this.last_at >= interval_ms) {
      this.last_at = now;
      this.last = this.wanted;
      try {
        history.replaceState(null, '', this.wanted);
      } catch {
        // Refused (too many updates): the next one carries the same state
      }
    }
    const status = this.wanted === this.last ? 'saved' : 'pending';
    if (document.documentElement.dataset.link !== status) document.documentElement.dataset.link = status;
  }
}
