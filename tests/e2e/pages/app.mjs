// Page object: what every view of the app has in common.
export class AppPage {
  constructor(page, base) {
    this.page = page;
    this.base = base;
  }

  /** Opens `path` (relative to the app's root) cold, and waits until the app has rendered. */
  async open(path = '') {
    await this.page.goto(this.base + path);
    await this.page.waitForSelector('main [data-testid]:not([data-testid="loading"])');
    return this;
  }

  testid(id) {
    return this.page.locator(`[data-testid="${id}"]`);
  }
}

export class PolicyListPage extends AppPage {
  items() {
    return this.testid('policy-results').locator('[data-testid="policy-item"]');
  }
}
