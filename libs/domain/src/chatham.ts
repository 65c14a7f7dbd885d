import {
  FINE_LABEL_CODES,
  type FineLabelCode,
  type LabelCode,
  renderLabel,
} from './organisation-labels';
import type { Sector } from './organisations';
import { DomainError } from './errors';
import type { Decision, Standing } from './networks';
import type { PresenceView } from './contract';
import type { Attribution } from './discussions';

/*
 * Chatham House labels that hold in small circles (k-anonymity). A label is shown only when
 * at least `minGroup` members of the network could be behind it; otherwise the author is shown
 * by a coarser label that is. The label is decided when a post is written and frozen with it.
 */

/** The least `minGroup` allowed anywhere: a group of one is a name. */
export const CHATHAM_MIN_GROUP_FLOOR = 2;
/** The most a network may ask for: beyond it nearly every post would read "A member". */
export const CHATHAM_MIN_GROUP_CEILING = 50;
export const CHATHAM_MIN_GROUP_DEFAULT = 3;

/** How many of a network's members carry each fine label (absent: none). */
export type NetworkComposition = Partial<Record<FineLabelCode, number>>;

/**
 * Why a fine label is shown as it is: `shared` when at least minGroup members share it,
 * `coarsened` when fewer do (so a coarser label stands in), `pooled` when enough share it but it
 * was merged into "A member" so that label too stands for at least minGroup people.
 */
export type ChathamReason = 'shared' | 'coarsened' | 'pooled';

export interface ChathamAssignment {
  code: LabelCode;
  reason: ChathamReason;
}

function sectorOf(code: FineLabelCode): Sector | null {
  return code === 'independent' ? null : (code.split('.')[0] as Sector);
}

function countOf(composition: NetworkComposition, code: FineLabelCode): number {
  const count = composition[code] ?? 0;
  return Number.isFinite(count) && count > 0 ? Math.floor(count) : 0;
}

/**
 * The shown label of every fine label present in the network. Each shown label is carried by
 * at least `minGroup` members (its carriers are the members assigned to it, not everyone whose
 * label it generalises: "Government" shown for one regional official while the others show
 * "Local government" would name that official). Only when the whole network is smaller than
 * minGroup is everyone "A member", which then says no more than membership does.
 *
 * Deterministic: ties go to the code that comes first in FINE_LABEL_CODES.
 */
export function assignChathamLabels(
  composition: NetworkComposition,
  minGroup: number,
): Partial<Record<FineLabelCode, ChathamAssignment>> {
  const k = Math.max(1, Math.floor(minGroup));
  const present = FINE_LABEL_CODES.filter((code) => countOf(composition, code) > 0);
  const shown = new Map<FineLabelCode, LabelCode>();

  // 1. Fine labels enough people share; 2. the rest pooled by sector, if the pool is enough.
  const sectorPools = new Map<Sector, FineLabelCode[]>();
  for (const code of present) {
    const sector = sectorOf(code);
    if (countOf(composition, code) >= k) shown.set(code, code);
    else if (sector === null) shown.set(code, 'member');
    else sectorPools.set(sector, [...(sectorPools.get(sector) ?? []), code]);
  }
  for (const [sector, codes] of sectorPools) {
    const pooled = codes.reduce((sum, code) => sum + countOf(composition, code), 0);
    for (const code of codes) shown.set(code, pooled >= k ? sector : 'member');
  }

  const carriers = (label: LabelCode): number =>
    present
      .filter((code) => shown.get(code) === label)
      .reduce((sum, code) => sum + countOf(composition, code), 0);

  // 3. "A member" must itself stand for at least k people: merge until it does.
  for (;;) {
    const members = carriers('member');
    if (members === 0 || members >= k) break;
    // Preferably form a sector label: the sector's members in "A member" plus its smallest
    // fine group (which alone is at least k) — more stays known than in "A member".
    const sectorMerge = present
      .filter((code) => shown.get(code) === code && sectorOf(code) !== null)
      .filter((code) =>
        present.some(
          (other) => shown.get(other) === 'member' && sectorOf(other) === sectorOf(code),
        ),
      )
      .sort((a, b) => countOf(composition, a) - countOf(composition, b))[0];
    if (sectorMerge) {
      const sector = sectorOf(sectorMerge) as Sector;
      for (const code of present) {
        if (sectorOf(code) === sector && (code === sectorMerge || shown.get(code) === 'member'))
          shown.set(code, sector);
      }
      continue;
    }
    // Else the fewest people join "A member": one fine group whose label keeps at least k
    // without it, or else a whole label.
    const moves: FineLabelCode[][] = [];
    for (const code of present) {
      const label = shown.get(code) as LabelCode;
      if (label === 'member') continue;
      const left = carriers(label) - countOf(composition, code);
      if (left === 0 || left >= k) moves.push([code]);
    }
    for (const label of new Set(present.map((code) => shown.get(code) as LabelCode))) {
      if (label !== 'member') moves.push(present.filter((code) => shown.get(code) === label));
    }
    if (moves.length === 0) break;
    const people = (move: FineLabelCode[]) =>
      move.reduce((sum, code) => sum + countOf(composition, code), 0);
    const cheapest = moves.reduce((best, move) => (people(move) < people(best) ? move : best));
    for (const code of cheapest) shown.set(code, 'member');
  }

  const result: Partial<Record<FineLabelCode, ChathamAssignment>> = {};
  for (const code of present) {
    const label = shown.get(code) as LabelCode;
    const reason: ChathamReason =
      label === code ? 'shared' : countOf(composition, code) < k ? 'coarsened' : 'pooled';
    result[code] = { code: label, reason };
  }
  return result;
}

/**
 * The label a post by someone with `fine` label carries in this network now. The author is a
 * member, so is counted in the composition; if the composition misses them (it was read a
 * moment earlier), they are added rather than left unprotected.
 */
export function chathamLabelFor(
  composition: NetworkComposition,
  minGroup: number,
  fine: FineLabelCode,
): ChathamAssignment {
  const counted = countOf(composition, fine) > 0 ? composition : { ...composition, [fine]: 1 };
  return assignChathamLabels(counted, minGroup)[fine] as ChathamAssignment;
}

/** How many members carry each shown label under an assignment (for checks and tests). */
export function carriersByLabel(
  composition: NetworkComposition,
  assignment: Partial<Record<FineLabelCode, ChathamAssignment>>,
): Partial<Record<LabelCode, number>> {
  const carriers: Partial<Record<LabelCode, number>> = {};
  for (const code of FINE_LABEL_CODES) {
    const shown = assignment[code];
    if (!shown) continue;
    carriers[shown.code] = (carriers[shown.code] ?? 0) + countOf(composition, code);
  }
  return carriers;
}

/** The network's group size: its own setting, never below the instance's. */
export function effectiveMinGroup(
  instanceMinGroup: number,
  networkMinGroup: number | null,
): number {
  return Math.max(instanceMinGroup, networkMinGroup ?? instanceMinGroup);
}

/** What `GET /api/threads/:id/attribution-preview` answers. */
export interface AttributionPreview {
  attribution: 'named' | 'chatham';
  /** The label the next post will carry, in the reader's language (English by default). */
  label: string;
  labelCode: LabelCode;
  /** The author's own fine label and its text, which the shown label may coarsen. */
  fineLabelCode: FineLabelCode;
  fineLabel: string;
  /** `named` threads show the name: there is nothing to coarsen. */
  reason: ChathamReason | 'named';
  minGroup: number;
}

export function toAttributionPreview(
  attribution: 'named' | 'chatham',
  fine: FineLabelCode,
  assignment: ChathamAssignment | null,
  minGroup: number,
  locale: string,
): AttributionPreview {
  const code = attribution === 'chatham' && assignment ? assignment.code : fine;
  return {
    attribution,
    label: renderLabel(code, locale),
    labelCode: code,
    fineLabelCode: fine,
    fineLabel: renderLabel(fine, locale),
    reason: attribution === 'chatham' && assignment ? assignment.reason : 'named',
    minGroup,
  };
}

/** `GET|PATCH /api/networks/:slug/chatham`. */
export interface ChathamSettingsView {
  /** In force: the network's own value, or the instance's when it has none or a lower one. */
  minGroup: number;
  /** The instance's value, the least a network may ask for. */
  instanceMinGroup: number;
  maxMinGroup: number;
}

export interface UpdateChathamSettingsBody {
  minGroup: number;
}

/** Members see their network's group size (the composer explains labels with it). */
export function readChathamSettings(standing: Standing): Decision {
  if (standing === null)
    return { allowed: false, error: new DomainError('not_found', 'Network not found') };
  return { allowed: true };
}

/** Only admins change it, and never below the instance's value nor above the ceiling. */
export function changeChathamSettings(
  standing: Standing,
  minGroup: number,
  instanceMinGroup: number,
): Decision {
  if (standing === null)
    return { allowed: false, error: new DomainError('not_found', 'Network not found') };
  if (standing !== 'admin')
    return {
      allowed: false,
      error: new DomainError('forbidden', 'Only admins can change the Chatham House group size'),
    };
  if (
    !Number.isInteger(minGroup) ||
    minGroup < instanceMinGroup ||
    minGroup > CHATHAM_MIN_GROUP_CEILING
  )
    return {
      allowed: false,
      error: new DomainError(
        'bad_request',
        `minGroup must be a whole number from ${instanceMinGroup} (this server's least) to ${CHATHAM_MIN_GROUP_CEILING}`,
        [
          {
            field: 'minGroup',
            problems: [
              `minGroup must be between ${instanceMinGroup} and ${CHATHAM_MIN_GROUP_CEILING}`,
            ],
          },
        ],
      ),
    };
  return { allowed: true };
}

/**
 * What `typing` may say of someone in a thread: their name, or nothing in a Chatham House thread
 * (a name beside an anonymous post would say who wrote it; the web shows "Someone").
 */
export function typingName(attribution: Attribution, displayName: string): string | null {
  return attribution === 'chatham' ? null : displayName;
}

/**
 * Who is online in a channel, as its members may see it: names, or only how many when the
 * channel holds a Chatham House thread (names online beside an anonymous post narrow it down).
 */
export function presenceFor(
  channelId: string,
  online: ReadonlyMap<string, string>,
  holdsChathamThread: boolean,
): PresenceView {
  return {
    channelId,
    online: holdsChathamThread
      ? []
      : [...online].map(([userId, displayName]) => ({ userId, displayName })),
    count: online.size,
    countOnly: holdsChathamThread,
  };
}
