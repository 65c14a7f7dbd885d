import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A published public research summary, as the Atom feed shows it. */
export interface FeedResearchRow {
  id: string;
  title: string;
  key_finding: string;
  summary: string;
  practice_implications: string;
  topics: string[];
  published_at: Date;
  updated_at: Date;
  /** The publishing organisation's name, or null. */
  organisation: string | null;
  language: string;
}

/** A new summary or case study, as the digest lists it. */
export interface DigestRow {
  type: 'research' | 'case_study';
  id: string;
  title: string;
  line: string;
  topics: string[];
  published_at: Date;
}

/** Personal feed keys, the research feed and the weekly digest's items. */
@Injectable()
export class FeedsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores the hash of the user's feed key (only the hash: the key is shown once). */
  async setFeedKeyHash(userId: string, hash: string): Promise<void> {
    await this.dataSource.query(`UPDATE users SET feed_key_hash = $2 WHERE id = $1`, [
      userId,
      hash,
    ]);
  }

  /** Whether some account holds a feed key with this hash. */
  async feedKeyExists(hash: string): Promise<boolean> {
    const users: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM users WHERE feed_key_hash = $1`,
      [hash],
    );
    return users.length > 0;
  }

  /** The 50 most recently published public research summaries. */
  publicResearch(): Promise<FeedResearchRow[]> {
    return this.dataSource.query(
      `SELECT r.id, r.title, r.key_finding, r.summary, r.practice_implications, r.topics, r.published_at, r.updated_at,
                o.name AS organisation, r.language
           FROM research_summaries r LEFT JOIN organisations o ON o.id = r.organisation_id
          WHERE r.status = 'published' AND r.scope = 'public'
          ORDER BY r.published_at DESC, r.id DESC LIMIT 50`,
    );
  }

  /**
   * Summaries and case studies published since `since` that the user may read, on the topics
   * of the channels they read in their networks (all topics when those channels have none),
   * newest first, at most 30.
   */
  digestItems(userId: string, since: Date): Promise<DigestRow[]> {
    return this.dataSource.query(
      `WITH my_topics AS (
           -- Channels the caller reads: a private channel they are not on is not theirs.
           SELECT DISTINCT unnest(c.topics) AS topic FROM channels c
             JOIN network_memberships m ON m.network_id = c.network_id AND m.user_id = $1
            WHERE c.visibility = 'network'
               OR EXISTS (SELECT 1 FROM channel_members cm WHERE cm.channel_id = c.id AND cm.user_id = $1)
         ),
         items AS (
           SELECT 'research' AS type, x.id, x.title, x.key_finding AS line, x.topics, x.published_at, x.network_id, x.scope
             FROM research_summaries x WHERE x.status = 'published' AND x.published_at >= $2
           UNION ALL
           SELECT 'case_study', x.id, x.programme_name, left(x.summary, 200), x.topics, x.published_at, x.network_id, x.scope
             FROM case_studies x WHERE x.status = 'published' AND x.published_at >= $2
         )
         SELECT i.type, i.id, i.title, i.line, i.topics, i.published_at FROM items i
          WHERE (i.scope = 'public' OR EXISTS (SELECT 1 FROM network_memberships m WHERE m.network_id = i.network_id AND m.user_id = $1))
            AND (NOT EXISTS (SELECT 1 FROM my_topics) OR i.topics && ARRAY(SELECT topic FROM my_topics))
          ORDER BY i.published_at DESC LIMIT 30`,
      [userId, since],
    );
  }
}
