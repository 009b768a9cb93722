// In-process state of one open Core (what lives between two calls and dies with the app): each
// feature declares its own typed slot, the Core holds the values. No module globals, so two cores
// in one process (tests, the bridge) never see each other's.

/** A typed place in a Core's session, declared by the feature that owns it. */
export interface SessionSlot<T> {
  readonly name: string;
  create(): T;
}

export function sessionSlot<T>(name: string, create: () => T): SessionSlot<T> {
  return { name, create };
}

export class Session {
  readonly #values = new Map<SessionSlot<unknown>, unknown>();

  /** The slot's value, created on first use. */
  get<T>(slot: SessionSlot<T>): T {
    if (!this.#values.has(slot)) this.#values.set(slot, slot.create());
    return this.#values.get(slot) as T;
  }
}
