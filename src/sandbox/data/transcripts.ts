import type { Party, SandboxCall } from './model';
import { Random } from './random';
import { CUSTOMER_SENTENCES, NO_ANSWER_SENTENCES, REP_SENTENCES, VOICEMAIL_SENTENCES, WRONG_NUMBER_SENTENCES } from './vocabulary';

export interface TranscriptMonologue {
  speakerId: string | null;
  topic: string | null;
  sentences: { start: number; end: number; text: string }[];
}

/** A speaker's turn lasts this long at most (ms); a sentence takes a few seconds. */
const TURN_MS = { min: 4_000, max: 45_000 };
const SENTENCE_MS = { min: 3_000, max: 12_000 };

/** A speaker, the talk time left to place, and how many lines of a script they have said. */
interface Voice { speakerId: string; internal: boolean; remainingMs: number; said: number }

/**
 * Transcripts are derived from the call on demand instead of being stored: at 100,000
 * calls they would dominate memory, and a per-call seed keeps them deterministic. The
 * speakers take turns through the whole call, each talking as long as the call's stats say
 * (CallSpeakers.TalkTime), with the silence spread between the turns; what they say fits
 * their side and the call: a customer's objections, a rep's questions, a voicemail left.
 */
export function transcriptOf(call: SandboxCall): TranscriptMonologue[] {
  const random = new Random(call.transcriptSeed ?? call.meta.id);
  const durationMs = call.meta.duration * 1000;
  const voices = voicesOf(call);
  const monologues: TranscriptMonologue[] = [];
  let clock = pause(random, voices, durationMs, 0);
  let last: Voice | null = null;
  for (;;) {
    const voice = nextVoice(random, voices, last);
    if (!voice || clock >= durationMs) break;
    const lines = scriptOf(call, voice);
    // A scripted call (a voicemail, a wrong number) says one line of its script per turn.
    const planned = lines ? voice.remainingMs / Math.max(1, lines.length - voice.said) : random.int(TURN_MS.min, TURN_MS.max);
    const turnMs = Math.round(Math.min(voice.remainingMs, planned, durationMs - clock));
    voice.remainingMs -= turnMs;
    monologues.push({
      // Gong sometimes cannot attribute a short interjection to a speaker: speakerId null is real data.
      speakerId: !lines && turnMs < 10_000 && random.bool(0.15) ? null : voice.speakerId,
      topic: call.topics.length > 0 && random.bool(0.4) ? random.pick(call.topics).name : null,
      sentences: lines ? [{ start: clock, end: clock + turnMs, text: lines[Math.min(voice.said++, lines.length - 1)] as string }] : sentencesOf(random, voice, clock, turnMs),
    });
    clock += turnMs;
    clock += pause(random, voices, durationMs, clock);
    last = voice;
  }
  return monologues;
}

/** The silence before the next turn: a share of what the talk left still to place leaves free. */
function pause(random: Random, voices: readonly Voice[], durationMs: number, clock: number): number {
  const talkLeft = voices.reduce((sum, v) => sum + v.remainingMs, 0);
  const silenceLeft = durationMs - clock - talkLeft;
  if (silenceLeft <= 0) return 0;
  const turnsLeft = talkLeft / ((TURN_MS.min + TURN_MS.max) / 2);
  return Math.round(Math.min(silenceLeft, (silenceLeft / (turnsLeft + 1)) * (0.5 + random.next())));
}

/** The call's speakers with their talk time; a call without stats (an upload) shares most of its length evenly. */
function voicesOf(call: SandboxCall): Voice[] {
  const speakers = call.parties.filter((p): p is Party & { speakerId: string } => p.speakerId !== null);
  const even = (call.meta.duration * 800) / Math.max(1, speakers.length);
  return speakers
    .map((p) => ({ speakerId: p.speakerId, internal: p.affiliation === 'Internal', remainingMs: call.analytics ? Math.round((call.analytics.talkTimes[p.speakerId] ?? 0) * 1000) : even, said: 0 }))
    .filter((v) => v.remainingMs >= 1000);
}

/** Whoever has most left to say is likeliest to speak next; rarely the same speaker twice. */
function nextVoice(random: Random, voices: Voice[], last: Voice | null): Voice | null {
  const left = voices.filter((v) => v.remainingMs >= 1000);
  const others = left.filter((v) => v !== last);
  const pool = others.length > 0 ? others : left;
  const total = pool.reduce((sum, v) => sum + v.remainingMs, 0);
  let r = random.next() * total;
  for (const v of pool) if ((r -= v.remainingMs) < 0) return v;
  return pool[pool.length - 1] ?? null;
}

function sentencesOf(random: Random, voice: Voice, startMs: number, turnMs: number): TranscriptMonologue['sentences'] {
  const sentences: TranscriptMonologue['sentences'] = [];
  let at = startMs;
  const endMs = startMs + turnMs;
  while (at < endMs) {
    const rest = endMs - at;
    // A short remainder joins the sentence before it rather than standing alone.
    const length = rest < SENTENCE_MS.min * 2 ? rest : random.int(SENTENCE_MS.min, Math.min(SENTENCE_MS.max, rest - SENTENCE_MS.min));
    sentences.push({ start: at, end: at + length, text: random.pick(voice.internal ? REP_SENTENCES : CUSTOMER_SENTENCES) });
    at += length;
  }
  return sentences;
}

/** The lines of a call that went by a script: nobody answered, a voicemail, a wrong number. */
function scriptOf(call: SandboxCall, voice: Voice): readonly string[] | null {
  switch (call.connection) {
    case 'voicemail': return VOICEMAIL_SENTENCES;
    case 'noAnswer': return NO_ANSWER_SENTENCES;
    case 'wrongNumber': return voice.internal ? WRONG_NUMBER_SENTENCES.rep : WRONG_NUMBER_SENTENCES.stranger;
    default: return null;
  }
}
