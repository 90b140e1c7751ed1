// anki-apkg-export 4.0.3 ships no types. Only the pieces we use are declared here.
declare module 'anki-apkg-export/dist/exporter' {
  import type JSZip from 'jszip';
  import type { Database, SqlJsStatic } from 'sql.js';

  export default class Exporter {
    constructor(deckName: string, options: { template: string; sql: SqlJsStatic });
    db: Database;
    zip: JSZip;
    media: { filename: string; data: Uint8Array }[];
    topDeckId: number;
    topModelId: number;
    addMedia(filename: string, data: Uint8Array): void;
    addCard(front: string, back: string, options?: { tags?: string[] | string }): void;
    save(options?: object): Promise<Buffer>;
  }
}

declare module 'anki-apkg-export/dist/template' {
  export default function createTemplate(options?: {
    questionFormat?: string;
    answerFormat?: string;
    css?: string;
  }): string;
}
