/** The mirror commands by id: here, apart from their handlers, so that activation does not load the mirror code. */
export const MIRROR_COMMANDS = ['gongsql.syncToMirror', 'gongsql.addMirrorConnection', 'gongsql.searchTranscripts'] as const;
export type MirrorCommand = (typeof MIRROR_COMMANDS)[number];
