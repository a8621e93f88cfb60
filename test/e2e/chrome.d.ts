/** The few extension APIs the e2e tests call inside extension pages (page.evaluate). */
declare const chrome: {
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};
