// Labels (memo → category, and payee → category for every memo of a merchant), user keyword rules and user-made
// categories.

import type { Db } from './db.js';

export interface LabelRow {
  memo: string;
  category: string;
  createdAt: string;
}

export interface PayeeLabelRow {
  payee: string;
  category: string;
  createdAt: string;
}

export interface KeywordRow {
  keyword: string;
  category: string;
  createdAt: string;
}

export class LabelsRepo {
  constructor(private readonly db: Db) {}

  labels(): LabelRow[] {
    return this.db.prepare('SELECT memo, category, created_at AS createdAt FROM labels ORDER BY memo').all() as LabelRow[];
  }

  label(memo: string): LabelRow | undefined {
    return this.db.prepare('SELECT memo, category, created_at AS createdAt FROM labels WHERE memo = ?').get(memo) as
      | LabelRow
      | undefined;
  }

  setLabel(memo: string, category: string): void {
    this.db
      .prepare(
        `INSERT INTO labels (memo, category) VALUES (?, ?)
         ON CONFLICT(memo) DO UPDATE SET category = excluded.category, created_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')`,
      )
      .run(memo, category);
  }

  removeLabel(memo: string): boolean {
    return this.db.prepare('DELETE FROM labels WHERE memo = ?').run(memo).changes > 0;
  }

  payeeLabels(): PayeeLabelRow[] {
    return this.db.prepare('SELECT payee, category, created_at AS createdAt FROM payee_labels ORDER BY payee').all() as PayeeLabelRow[];
  }

  setPayeeLabel(payee: string, category: string): void {
    this.db
      .prepare(
        `INSERT INTO payee_labels (payee, category) VALUES (?, ?)
         ON CONFLICT(payee) DO UPDATE SET category = excluded.category, created_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')`,
      )
      .run(payee, category);
  }

  removePayeeLabel(payee: string): boolean {
    return this.db.prepare('DELETE FROM payee_labels WHERE payee = ?').run(payee).changes > 0;
  }

  keywords(): KeywordRow[] {
    return this.db.prepare('SELECT keyword, category, created_at AS createdAt FROM keyword_rules ORDER BY keyword').all() as KeywordRow[];
  }

  addKeyword(keyword: string, category: string): void {
    this.db
      .prepare(
        `INSERT INTO keyword_rules (keyword, category) VALUES (?, ?)
         ON CONFLICT(keyword) DO UPDATE SET category = excluded.category, created_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')`,
      )
      .run(keyword, category);
  }

  userCategories(): string[] {
    return (this.db.prepare('SELECT id FROM user_categories ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);
  }

  addUserCategory(id: string): void {
    this.db.prepare('INSERT OR IGNORE INTO user_categories (id) VALUES (?)').run(id);
  }

  /** Deletes a user category with its labels and keyword rules (its rows are then re-classified by the caller). */
  removeUserCategory(id: string): { labels: number; keywords: number } {
    return this.db.transaction(() => {
      const labels = this.db.prepare('DELETE FROM labels WHERE category = ?').run(id).changes;
      const keywords = this.db.prepare('DELETE FROM keyword_rules WHERE category = ?').run(id).changes;
      this.db.prepare('DELETE FROM user_categories WHERE id = ?').run(id);
      return { labels, keywords };
    })();
  }

  /** Renames a user category everywhere it is used: labels, keyword rules and stored transactions. */
  renameUserCategory(from: string, to: string): void {
    this.db.transaction(() => {
      this.db.prepare('INSERT OR IGNORE INTO user_categories (id, created_at) SELECT ?, created_at FROM user_categories WHERE id = ?').run(to, from);
      this.db.prepare('DELETE FROM user_categories WHERE id = ?').run(from);
      this.db.prepare('UPDATE labels SET category = ? WHERE category = ?').run(to, from);
      this.db.prepare('UPDATE keyword_rules SET category = ? WHERE category = ?').run(to, from);
      this.db.prepare('UPDATE transactions SET category = ? WHERE category = ?').run(to, from);
    })();
  }
}
