import type { AnswerCache } from "../../lib/answer-cache.js";

interface Entry {
  generation: number;
  storedAt: number;
  value: unknown;
}

const MAX_ENTRIES = 5000;
const MAX_AGE_MS = 60_000;
const stores = new WeakMap<AnswerCache, Map<string, Entry>>();

/**
 * Parsed objects (peer values, partnership profiles) kept beside the app's answer cache and valid
 * for as long as the generation of their key's topic: every write that invalidates that topic
 * (a change of everything, of impact, or for "impact-values:" keys of values alone), here or in
 * another process, makes them stale too. A read stores its result only if no write happened
 * while it ran, so a slow read never brings old numbers back.
 */
export async function rememberValue<T>(
  answers: AnswerCache,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  let store = stores.get(answers);
  if (!store) {
    store = new Map();
    stores.set(answers, store);
  }
  // The key names its topic ("impact:catalog", "impact-values:peers:…"): that topic's changes make it stale.
  const topicKey = key;
  const hit = store.get(key);
  if (hit && hit.generation === answers.generationOf(topicKey) && Date.now() - hit.storedAt < MAX_AGE_MS)
    return hit.value as T;
  const generation = answers.generationOf(topicKey);
  const value = await compute();
  if (generation === answers.generationOf(topicKey)) {
    if (store.size >= MAX_ENTRIES) store.clear();
    store.set(key, { generation, storedAt: Date.now(), value });
  }
  return value;
}
