import type { SandboxCall } from './model';
import { Random } from './random';
import { SENTENCES } from './vocabulary';

export interface TranscriptMonologue {
  speakerId: string | null;
  topic: string | null;
  sentences: { start: number; end: number; text: string }[];
}

/**
 * Transcripts are derived from the call on demand instead of being stored: at 100,000
 * calls they would dominate memory, and a per-call seed keeps them deterministic.
 */
export function transcriptOf(call: SandboxCall): TranscriptMonologue[] {
  const random = new Random(call.transcriptSeed ?? call.meta.id);
  const speakers: (string | null)[] = call.parties.map((p) => p.speakerId).filter((s): s is string => s !== null);
  if (speakers.length === 0) speakers.push(null);
  const durationMs = call.meta.duration * 1000;
  const monologues: TranscriptMonologue[] = [];
  let clock = random.int(500, 4000);
  const sentenceBudget = Math.min(40, Math.max(2, Math.floor(call.meta.duration / 20)));
  let written = 0;
  while (written < sentenceBudget && clock < durationMs) {
    const sentences: TranscriptMonologue['sentences'] = [];
    for (let n = random.int(1, 3); n > 0 && written < sentenceBudget && clock < durationMs; n--, written++) {
      const length = random.int(1500, 6000);
      const end = Math.min(durationMs, clock + length);
      sentences.push({ start: clock, end, text: random.pick(SENTENCES) });
      clock = end + random.int(100, 1500);
    }
    monologues.push({
      // Gong sometimes cannot attribute speech to a speaker: speakerId null is real data.
      speakerId: random.bool(0.05) ? null : random.pick(speakers),
      topic: call.topics.length > 0 && random.bool(0.4) ? random.pick(call.topics).name : null,
      sentences,
    });
  }
  return monologues;
}
