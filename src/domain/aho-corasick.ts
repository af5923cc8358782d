// A multi-pattern string matcher (Aho–Corasick): every occurrence of every keyword in one pass over the text. Pure.

/**
 * Multi-pattern matcher (Aho–Corasick) over UTF-16 code units; Hangul syllables are single units. The root's
 * transitions are a dense table and the rest one numeric-keyed map: memos spend most steps at the root.
 */
export class Automaton {
  private readonly root = new Int32Array(65536);
  private readonly edges = new Map<number, number>();
  private readonly fail: Int32Array;
  private readonly out: Int32Array;
  /** nearest node on the failure chain that ends a word, so every occurrence is reported */
  private readonly link: Int32Array;

  constructor(words: readonly string[]) {
    const children: Map<number, number>[] = [new Map()];
    const out = [-1];
    words.forEach((w, i) => {
      let node = 0;
      for (let k = 0; k < w.length; k++) {
        const c = w.charCodeAt(k);
        let child = children[node]!.get(c);
        if (child === undefined) {
          child = children.push(new Map()) - 1;
          out.push(-1);
          children[node]!.set(c, child);
          if (node === 0) this.root[c] = child;
          else this.edges.set(node * 65536 + c, child);
        }
        node = child;
      }
      out[node] = i;
    });
    this.out = Int32Array.from(out);
    this.fail = new Int32Array(children.length);
    this.link = new Int32Array(children.length).fill(-1);
    const queue = [...children[0]!.values()];
    for (let q = 0; q < queue.length; q++) {
      const u = queue[q]!;
      for (const [c, v] of children[u]!) {
        let f = this.fail[u]!;
        while (f !== 0 && !children[f]!.has(c)) f = this.fail[f]!;
        const fv = (this.fail[v] = children[f]!.get(c) ?? 0);
        this.link[v] = this.out[fv]! >= 0 ? fv : this.link[fv]!;
        queue.push(v);
      }
    }
  }

  /** Appends [wordIndex, end] pairs for every occurrence of every word in text. */
  scan(text: string, hits: number[]): void {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      for (;;) {
        if (state === 0) {
          state = this.root[c]!;
          break;
        }
        const next = this.edges.get(state * 65536 + c);
        if (next !== undefined) {
          state = next;
          break;
        }
        state = this.fail[state]!;
      }
      for (let n = this.out[state]! >= 0 ? state : this.link[state]!; n >= 0; n = this.link[n]!) {
        hits.push(this.out[n]!, i + 1);
      }
    }
  }
}
