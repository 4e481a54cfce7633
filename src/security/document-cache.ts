import type { DocumentNode } from 'graphql';

/**
 * Apollo's cache of parsed and validated documents, bounded by what it really holds. Apollo's
 * default is "30 MiB" measured as the JSON of each AST, but a parsed document keeps its whole token
 * list (Token and Location objects), about 75 bytes of heap per character of query text: the soak
 * test saw ~200 MB retained by distinct batched queries. This cache counts query characters instead.
 */
export class DocumentCache {
  private readonly entries = new Map<string, DocumentNode>();
  private totalChars = 0;

  /** @param maxSourceChars total query text kept; default 256 K characters (~20 MB of heap). */
  constructor(private readonly maxSourceChars: number = 256 * 1024) {}

  async get(key: string): Promise<DocumentNode | undefined> {
    const document = this.entries.get(key);
    if (document !== undefined) {
      // Most recently used goes last; eviction takes from the front.
      this.entries.delete(key);
      this.entries.set(key, document);
    }
    return document;
  }

  async set(key: string, document: DocumentNode): Promise<void> {
    const size = sizeOf(document);
    if (size > this.maxSourceChars) return;
    await this.delete(key);
    this.entries.set(key, document);
    this.totalChars += size;
    for (const [oldest, evicted] of this.entries) {
      if (this.totalChars <= this.maxSourceChars) break;
      this.entries.delete(oldest);
      this.totalChars -= sizeOf(evicted);
    }
  }

  async delete(key: string): Promise<boolean> {
    const existing = this.entries.get(key);
    if (existing === undefined) return false;
    this.entries.delete(key);
    this.totalChars -= sizeOf(existing);
    return true;
  }

  get size(): { documents: number; sourceChars: number } {
    return { documents: this.entries.size, sourceChars: this.totalChars };
  }
}

function sizeOf(document: DocumentNode): number {
  // Documents without location info are small; count them as one character per definition.
  return document.loc?.source.body.length ?? document.definitions.length;
}
