/**
 * The core worker: everything that touches keys, crypto or storage runs here, off the UI thread. It serves the Core
 * for the profile named in its own name (`core:<profile>`, see client.ts) over the RPC channel.
 */
import '../zod-without-eval';
import { isProfileName } from '../../electron/common/profile';
import type { CoreApi, CoreEvent } from './api';
import { Core } from './core';
import { serveRpc } from './rpc';
import { WorkerChecker } from './sync/envelope-checker';
import type { Opener } from './sync/envelope-facts';

const scope = self as unknown as Parameters<typeof serveRpc>[0] & { name: string };
const profile = scope.name.startsWith('core:') ? scope.name.slice('core:'.length) : '';
if (!isProfileName(profile)) throw new Error('the core worker needs a valid profile name');

/**
 * A check worker per unlock (check-worker.ts): signatures and payloads are computed on the machine's other core while
 * this worker stores. It is ended on lock, after wiping its copy of the box key; if it cannot start or fails, the
 * checks fall back to this worker.
 */
const STOP_GRACE_MS = 2_000;

function startChecker(opener: Opener): WorkerChecker {
  const worker = new Worker(new URL('./check-worker.ts', import.meta.url), { type: 'module', name: `checks:${profile}` });
  // The worker wipes its key and closes itself when told to forget; ended here too, in case it never gets that far.
  const checker = new WorkerChecker(worker, opener, () => setTimeout(() => worker.terminate(), STOP_GRACE_MS));
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    console.error('core: the check worker failed; checking here instead', event.message);
    checker.failed();
  });
  return checker;
}

let emit: (event: CoreEvent) => void = () => {};
const core = new Core({
  profile,
  socketFactory: (url) => new WebSocket(url),
  emit: (event) => emit(event),
  log: (message, error) => console.error(`core: ${message}`, error),
  checker: startChecker,
});

/** Exactly the CoreApi, as own properties: the RPC serves these and nothing else of the Core. */
const api: CoreApi = {
  cryptoInfo: () => core.cryptoInfo(),
  status: () => core.status(),
  createChannel: (input) => core.createChannel(input),
  joinChannel: (input) => core.joinChannel(input),
  resendEnrolment: () => core.resendEnrolment(),
  unlock: (passphrase) => core.unlock(passphrase),
  lock: () => core.lock(),
  changePassphrase: (current, next) => core.changePassphrase(current, next),
  pendingEnrolments: () => core.pendingEnrolments(),
  approveEnrolment: (deviceId) => core.approveEnrolment(deviceId),
  refuseEnrolment: (deviceId) => core.refuseEnrolment(deviceId),
  devices: () => core.devices(),
  send: (input) => core.send(input),
  messages: (limit) => core.messages(limit),
  messagePage: (offset, limit) => core.messagePage(offset, limit),
  search: (query, limit) => core.search(query, limit),
  inboxPage: (filter, now, offset, limit) => core.inboxPage(filter, now, offset, limit),
  inboxNeighbours: (filter, now, id) => core.inboxNeighbours(filter, now, id),
  draft: () => core.draft(),
  saveDraft: (draft) => core.saveDraft(draft),
  discardDraft: () => core.discardDraft(),
  message: (id) => core.message(id),
  urgent: () => core.urgent(),
  openMessages: () => core.openMessages(),
  markRead: (id) => core.markRead(id),
  acknowledge: (id) => core.acknowledge(id),
  annotate: (id, text) => core.annotate(id, text),
  requestTranslation: (id, languages) => core.requestTranslation(id, languages),
  translatorLanguages: () => core.translatorLanguages(),
  setTranslatorLanguages: (languages) => core.setTranslatorLanguages(languages),
  translationQueue: () => core.translationQueue(),
  translationWork: (messageId, lang) => core.translationWork(messageId, lang),
  saveTranslationWork: (messageId, lang, subject, body) => core.saveTranslationWork(messageId, lang, subject, body),
  submitTranslation: (messageId, lang, subject, body) => core.submitTranslation(messageId, lang, subject, body),
  reviewTranslation: (input) => core.reviewTranslation(input),
  memoryMatches: (sourceLang, targetLang, sentence) => core.memoryMatches(sourceLang, targetLang, sentence),
  glossary: () => core.glossary(),
  saveGlossary: (entries, removed) => core.saveGlossary(entries, removed),
  memoryPairs: () => core.memoryPairs(),
  policy: () => core.policy(),
  setPolicy: (rules) => core.setPolicy(rules),
  lineChecks: () => core.lineChecks(),
  sendLineCheck: () => core.sendLineCheck(),
  alarms: () => core.alarms(),
  dismissAlarm: (id) => core.dismissAlarm(id),
};
emit = serveRpc<CoreApi, CoreEvent>(scope, api, (error) => console.error('core: unexpected failure', error));
