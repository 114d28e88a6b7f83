// Page objects: one class per view, found by data-testid hooks.
export class AppPage {
  constructor(page, base) {
    this.page = page;
    this.base = base;
  }

  /** Opens `path` (relative to the app's root) cold, and waits until the app has taken over. */
  async open(path = '') {
    await this.page.goto(this.base + path);
    await this.page.waitForSelector('#app main [data-testid]:not([data-testid="loading"])');
    return this;
  }

  testid(id) {
    return this.page.locator(`#app [data-testid="${id}"]`);
  }

  /** The current URL's path and query, relative to the app root. */
  relativeUrl() {
    return this.page.url().slice(this.base.length);
  }

  async prerenderGone() {
    return (await this.page.locator('#prerender').count()) === 0;
  }
}

export class PolicyListPage extends AppPage {
  items() {
    return this.testid('policy-results').locator('[data-testid="policy-item"]');
  }

  resultCount() {
    return this.testid('result-count');
  }

  async openFilters() {
    const open = this.testid('open-filters');
    if (await open.isVisible()) await open.click();
  }

  async closeFilters() {
    const close = this.testid('close-filters');
    if (await close.isVisible()) await close.click();
  }

  facet(name, value) {
    return this.testid(`facet-${name}-${value}`);
  }

  async search(text) {
    await this.testid('list-search').fill(text);
  }
}

export class PolicyPage extends AppPage {
  title() {
    return this.testid('policy-title');
  }

  docNumber() {
    return this.testid('doc-number');
  }

  star() {
    return this.page.locator('#app .title-row [data-testid="star"]');
  }
}

export class SearchPage extends AppPage {
  input() {
    return this.testid('search-input');
  }

  hits() {
    return this.testid('search-page').locator('[data-testid="hit"]');
  }

  async type(text) {
    await this.input().fill('');
    await this.input().pressSequentially(text, { delay: 20 });
  }
}

export class SavedPage extends AppPage {
  items() {
    return this.testid('saved-list').locator('[data-testid="policy-item"], [data-testid="item-card"]');
  }
}
