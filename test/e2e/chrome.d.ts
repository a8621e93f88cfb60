/** The few extension APIs the e2e tests call inside extension pages and the worker (evaluate). */
declare const chrome: {
  storage: {
    local: {
      set(items: Record<string, unknown>): Promise<void>;
      get(keys: string | null): Promise<Record<string, unknown>>;
    };
  };
  runtime: { sendMessage(message: unknown): Promise<unknown>; getURL(path: string): string };
  permissions: { contains(permissions: { origins: string[] }): Promise<boolean> };
  tabs: {
    query(filter: { url?: string }): Promise<Array<{ id?: number; windowId: number }>>;
    create(properties: { url: string; windowId: number; active: boolean }): Promise<unknown>;
  };
  action: {
    getBadgeText(details: { tabId: number }): Promise<string>;
    getTitle(details: { tabId: number }): Promise<string>;
    openPopup(): Promise<void>;
  };
};
