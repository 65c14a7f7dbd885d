import { DomainError, notFound, type ErrorCode } from './errors';
import {
  acceptInvitation,
  atLeast,
  canSeeNetwork,
  changeRole,
  enforce,
  invite,
  joinNetwork,
  listMembers,
  NETWORK_ROLES,
  NETWORK_VISIBILITIES,
  normaliseEmail,
  removeMember,
  viewNetwork,
  type Decision,
  type NetworkRole,
  type NetworkVisibility,
  type Removal,
  type RoleChange,
  type Standing,
} from './networks';

const STANDINGS: Standing[] = [null, 'member', 'moderator', 'admin'];
const ADMIN_COUNTS = [0, 1, 2, 5];

/** What a network that does not exist answers; a hidden network must answer the same. */
const NETWORK_NOT_FOUND = notFound('Network').message;

function expectAllowed(decision: Decision): void {
  expect(decision).toEqual({ allowed: true });
}

function expectRefused(decision: Decision, code: ErrorCode, message: RegExp | string): void {
  expect(decision.allowed).toBe(false);
  if (decision.allowed) throw new Error('expected a refusal');
  expect(decision.error).toBeInstanceOf(DomainError);
  expect(decision.error.code).toBe(code);
  expect(decision.error.message.trim().length).toBeGreaterThan(0);
  if (typeof message === 'string') expect(decision.error.message).toBe(message);
  else expect(decision.error.message).toMatch(message);
}

/** A private network seen from outside: exactly "Network not found", nothing about privacy. */
function expectHidden(decision: Decision): void {
  expectRefused(decision, 'not_found', NETWORK_NOT_FOUND);
  if (!decision.allowed) expect(decision.error.message).not.toMatch(/private|invit|member/i);
}

function product<A, B>(as: readonly A[], bs: readonly B[]): [A, B][] {
  return as.flatMap((a) => bs.map((b): [A, B] => [a, b]));
}

describe('constants', () => {
  it('has three visibilities and three roles', () => {
    expect(NETWORK_VISIBILITIES).toEqual(['open', 'invite', 'private']);
    expect(NETWORK_ROLES).toEqual(['member', 'moderator', 'admin']);
  });
});

describe('atLeast', () => {
  it.each([
    [null, 'member', false],
    [null, 'moderator', false],
    [null, 'admin', false],
    ['member', 'member', true],
    ['member', 'moderator', false],
    ['member', 'admin', false],
    ['moderator', 'member', true],
    ['moderator', 'moderator', true],
    ['moderator', 'admin', false],
    ['admin', 'member', true],
    ['admin', 'moderator', true],
    ['admin', 'admin', true],
  ] as [Standing, NetworkRole, boolean][])('atLeast(%p, %s) is %p', (standing, role, expected) => {
    expect(atLeast(standing, role)).toBe(expected);
  });

  it('orders the roles member < moderator < admin', () => {
    for (const [i, lower] of NETWORK_ROLES.entries()) {
      for (const [j, higher] of NETWORK_ROLES.entries()) {
        expect(atLeast(higher, lower)).toBe(j >= i);
      }
    }
  });
});

describe('enforce', () => {
  it('returns quietly when the decision allows', () => {
    expect(enforce({ allowed: true })).toBeUndefined();
    expect(() => enforce(viewNetwork('open', null))).not.toThrow();
  });

  it('throws the refusal’s own error, unchanged', () => {
    const error = new DomainError('forbidden', 'No');
    let thrown: unknown;
    try {
      enforce({ allowed: false, error });
    } catch (caught) {
      thrown = caught;
    }
    expect(thrown).toBe(error);
  });

  it.each([
    ['hidden network', () => viewNetwork('private', null), 'not_found'],
    ['invitation-only join', () => joinNetwork('invite', null), 'forbidden'],
    ['already a member', () => joinNetwork('open', 'member'), 'conflict'],
  ] as [string, () => Decision, ErrorCode][])(
    'throws a DomainError with the policy’s code (%s)',
    (_name, decide, code) => {
      expect(() => enforce(decide())).toThrow(DomainError);
      expect(() => enforce(decide())).toThrow(expect.objectContaining({ code }));
    },
  );
});

describe('canSeeNetwork and viewNetwork', () => {
  const table: [NetworkVisibility, Standing, boolean][] = [
    ['open', null, true],
    ['open', 'member', true],
    ['open', 'moderator', true],
    ['open', 'admin', true],
    ['invite', null, true],
    ['invite', 'member', true],
    ['invite', 'moderator', true],
    ['invite', 'admin', true],
    ['private', null, false],
    ['private', 'member', true],
    ['private', 'moderator', true],
    ['private', 'admin', true],
  ];

  it('the table covers every visibility × standing', () => {
    expect(table).toHaveLength(NETWORK_VISIBILITIES.length * STANDINGS.length);
  });

  it.each(table)(
    '%s network, standing %p: canSeeNetwork is %p',
    (visibility, standing, visible) => {
      expect(canSeeNetwork(visibility, standing)).toBe(visible);
    },
  );

  it.each(table)(
    '%s network, standing %p: viewNetwork allowed is %p',
    (visibility, standing, visible) => {
      const decision = viewNetwork(visibility, standing);
      if (visible) expectAllowed(decision);
      else expectHidden(decision);
    },
  );
});

describe('joinNetwork', () => {
  it.each([
    ['open', null, 'allow'],
    ['open', 'member', 'conflict'],
    ['open', 'moderator', 'conflict'],
    ['open', 'admin', 'conflict'],
    ['invite', null, 'forbidden'],
    ['invite', 'member', 'conflict'],
    ['invite', 'moderator', 'conflict'],
    ['invite', 'admin', 'conflict'],
    ['private', null, 'not_found'],
    ['private', 'member', 'conflict'],
    ['private', 'moderator', 'conflict'],
    ['private', 'admin', 'conflict'],
  ] as [NetworkVisibility, Standing, 'allow' | 'not_found' | 'forbidden' | 'conflict'][])(
    '%s network, standing %p → %s',
    (visibility, standing, outcome) => {
      const decision = joinNetwork(visibility, standing);
      switch (outcome) {
        case 'allow':
          expectAllowed(decision);
          break;
        case 'not_found':
          expectHidden(decision);
          break;
        case 'forbidden':
          expectRefused(decision, 'forbidden', /invitation only/i);
          break;
        case 'conflict':
          expectRefused(decision, 'conflict', /already a member/i);
          break;
      }
    },
  );

  it('admits only non-members of open networks', () => {
    for (const [visibility, standing] of product(NETWORK_VISIBILITIES, STANDINGS)) {
      expect(joinNetwork(visibility, standing).allowed).toBe(
        visibility === 'open' && standing === null,
      );
    }
  });
});

describe('listMembers', () => {
  it.each([
    ['open', null, 'forbidden'],
    ['open', 'member', 'allow'],
    ['open', 'moderator', 'allow'],
    ['open', 'admin', 'allow'],
    ['invite', null, 'forbidden'],
    ['invite', 'member', 'allow'],
    ['invite', 'moderator', 'allow'],
    ['invite', 'admin', 'allow'],
    ['private', null, 'not_found'],
    ['private', 'member', 'allow'],
    ['private', 'moderator', 'allow'],
    ['private', 'admin', 'allow'],
  ] as [NetworkVisibility, Standing, 'allow' | ErrorCode][])(
    '%s network, standing %p → %s',
    (visibility, standing, outcome) => {
      const decision = listMembers(visibility, standing);
      if (outcome === 'allow') expectAllowed(decision);
      else if (outcome === 'not_found') expectHidden(decision);
      else expectRefused(decision, 'forbidden', /join/i);
    },
  );
});

describe('invite', () => {
  type Outcome = 'allow' | 'hidden' | 'not_inviter' | 'not_admin';
  const expected = (
    visibility: NetworkVisibility,
    standing: Standing,
    role: NetworkRole,
  ): Outcome => {
    if (visibility === 'private' && standing === null) return 'hidden';
    if (standing === null || standing === 'member') return 'not_inviter';
    if (role !== 'member' && standing !== 'admin') return 'not_admin';
    return 'allow';
  };
  const cases = NETWORK_VISIBILITIES.flatMap((visibility) =>
    product(STANDINGS, NETWORK_ROLES).map(
      ([standing, role]): [NetworkVisibility, Standing, NetworkRole, Outcome] => [
        visibility,
        standing,
        role,
        expected(visibility, standing, role),
      ],
    ),
  );

  it('covers every visibility × standing × invited role', () => {
    expect(cases).toHaveLength(3 * 4 * 3);
  });

  it.each(cases)(
    '%s network, inviter %p inviting a %s → %s',
    (visibility, standing, role, outcome) => {
      const decision = invite(visibility, standing, role);
      switch (outcome) {
        case 'allow':
          expectAllowed(decision);
          break;
        case 'hidden':
          expectHidden(decision);
          break;
        case 'not_inviter':
          expectRefused(decision, 'forbidden', 'Only moderators and admins can invite people');
          break;
        case 'not_admin':
          expectRefused(decision, 'forbidden', 'Only admins can invite moderators or admins');
          break;
      }
    },
  );

  it.each([
    ['open', 'moderator', 'member'],
    ['invite', 'moderator', 'member'],
    ['private', 'moderator', 'member'],
    ['open', 'admin', 'admin'],
    ['private', 'admin', 'moderator'],
  ] as [NetworkVisibility, Standing, NetworkRole][])(
    'lets a %s network’s %s invite a %s',
    (visibility, standing, role) => {
      expectAllowed(invite(visibility, standing, role));
    },
  );
});

describe('changeRole', () => {
  const base: RoleChange = {
    visibility: 'open',
    actor: 'admin',
    target: 'member',
    next: 'moderator',
    adminCount: 1,
  };

  it.each([
    ['an admin promotes a member to moderator', {}],
    ['an admin promotes a member to admin', { next: 'admin' }],
    ['an admin demotes a moderator to member', { target: 'moderator', next: 'member' }],
    ['an admin sets a member to member (no change)', { next: 'member' }],
    [
      'an admin demotes another admin when two exist',
      { target: 'admin', next: 'member', adminCount: 2 },
    ],
    [
      'an admin makes an admin moderator when several exist',
      { target: 'admin', next: 'moderator', adminCount: 5 },
    ],
    [
      'the last admin is “changed” to admin (no change)',
      { target: 'admin', next: 'admin', adminCount: 1 },
    ],
    ['a private network’s admin promotes', { visibility: 'private' }],
    [
      'an invite network’s admin demotes',
      { visibility: 'invite', target: 'moderator', next: 'member' },
    ],
  ] as [string, Partial<RoleChange>][])('allows: %s', (_name, overrides) => {
    expectAllowed(changeRole({ ...base, ...overrides }));
  });

  it.each(
    product(NETWORK_VISIBILITIES, [null, 'member', 'moderator'] as Standing[]).filter(
      ([visibility, actor]) => !(visibility === 'private' && actor === null),
    ),
  )('forbids a %s network’s %p from changing roles', (visibility, actor) => {
    for (const [target, next] of product(STANDINGS, NETWORK_ROLES)) {
      expectRefused(
        changeRole({ visibility, actor, target, next, adminCount: 2 }),
        'forbidden',
        'Only admins can change roles',
      );
    }
  });

  it('answers not_found (never forbidden) to a non-member of a private network', () => {
    for (const [target, next] of product(STANDINGS, NETWORK_ROLES)) {
      for (const adminCount of ADMIN_COUNTS) {
        expectHidden(changeRole({ visibility: 'private', actor: null, target, next, adminCount }));
      }
    }
  });

  it.each(NETWORK_VISIBILITIES.map((v) => [v]))(
    'answers not_found when the target is not a member (%s)',
    (visibility) => {
      expectRefused(
        changeRole({ ...base, visibility, target: null }),
        'not_found',
        'Member not found',
      );
    },
  );

  it.each(
    product(NETWORK_VISIBILITIES, ['member', 'moderator'] as NetworkRole[]).flatMap(
      ([visibility, next]) => [0, 1].map((adminCount) => [visibility, next, adminCount] as const),
    ),
  )(
    'refuses to demote the last admin (%s network, to %s, adminCount %i)',
    (visibility, next, adminCount) => {
      expectRefused(
        changeRole({ visibility, actor: 'admin', target: 'admin', next, adminCount }),
        'conflict',
        /last admin/i,
      );
    },
  );

  it('never lets anyone but an admin change a role, whatever the other inputs', () => {
    for (const [visibility, actor] of product(NETWORK_VISIBILITIES, STANDINGS)) {
      for (const [target, next] of product(STANDINGS, NETWORK_ROLES)) {
        for (const adminCount of ADMIN_COUNTS) {
          const decision = changeRole({ visibility, actor, target, next, adminCount });
          if (decision.allowed) {
            expect(actor).toBe('admin');
            expect(target).not.toBeNull();
            expect(target === 'admin' && next !== 'admin' && adminCount <= 1).toBe(false);
          }
        }
      }
    }
  });
});

describe('removeMember', () => {
  describe('leaving (self)', () => {
    it.each(product(NETWORK_VISIBILITIES, ['member', 'moderator'] as NetworkRole[]))(
      'a %s network’s %s may always leave',
      (visibility, role) => {
        for (const adminCount of ADMIN_COUNTS) {
          expectAllowed(
            removeMember({ visibility, actor: role, target: role, self: true, adminCount }),
          );
        }
      },
    );

    it.each(NETWORK_VISIBILITIES.map((v) => [v]))(
      'an admin of a %s network may leave when another admin remains',
      (visibility) => {
        for (const adminCount of [2, 3, 10]) {
          expectAllowed(
            removeMember({ visibility, actor: 'admin', target: 'admin', self: true, adminCount }),
          );
        }
      },
    );

    it.each(NETWORK_VISIBILITIES.map((v) => [v]))(
      'the last admin of a %s network may not leave',
      (visibility) => {
        expectRefused(
          removeMember({ visibility, actor: 'admin', target: 'admin', self: true, adminCount: 1 }),
          'conflict',
          /last admin.*before leaving/i,
        );
      },
    );

    it.each(['open', 'invite'] as NetworkVisibility[])(
      'a non-member leaving a visible %s network is told they are not a member',
      (visibility) => {
        expectRefused(
          removeMember({ visibility, actor: null, target: null, self: true, adminCount: 1 }),
          'not_found',
          'You are not a member of this network',
        );
      },
    );

    it('a non-member “leaving” a private network learns nothing about it', () => {
      expectHidden(
        removeMember({
          visibility: 'private',
          actor: null,
          target: null,
          self: true,
          adminCount: 1,
        }),
      );
    });
  });

  describe('removing someone else', () => {
    it.each(product(NETWORK_VISIBILITIES, ['member', 'moderator', 'admin'] as NetworkRole[]))(
      'a %s network’s admin may remove a %s (two admins)',
      (visibility, target) => {
        expectAllowed(
          removeMember({ visibility, actor: 'admin', target, self: false, adminCount: 2 }),
        );
      },
    );

    it.each(product(NETWORK_VISIBILITIES, ['member', 'moderator'] as NetworkRole[]))(
      'a %s network’s admin may remove a %s even as the only admin',
      (visibility, target) => {
        expectAllowed(
          removeMember({ visibility, actor: 'admin', target, self: false, adminCount: 1 }),
        );
      },
    );

    it.each(NETWORK_VISIBILITIES.map((v) => [v]))(
      'the last admin of a %s network cannot be removed',
      (visibility) => {
        for (const adminCount of [0, 1]) {
          expectRefused(
            removeMember({ visibility, actor: 'admin', target: 'admin', self: false, adminCount }),
            'conflict',
            'The last admin cannot be removed',
          );
        }
      },
    );

    it.each(
      product(NETWORK_VISIBILITIES, [null, 'member', 'moderator'] as Standing[]).filter(
        ([visibility, actor]) => !(visibility === 'private' && actor === null),
      ),
    )('a %s network’s %p may not remove others', (visibility, actor) => {
      for (const target of ['member', 'moderator', 'admin'] as NetworkRole[]) {
        for (const adminCount of [1, 2]) {
          expectRefused(
            removeMember({ visibility, actor, target, self: false, adminCount }),
            'forbidden',
            'Only admins can remove members',
          );
        }
      }
    });

    it.each(NETWORK_VISIBILITIES.map((v) => [v]))(
      'removing a non-member of a %s network as admin → Member not found',
      (visibility) => {
        expectRefused(
          removeMember({ visibility, actor: 'admin', target: null, self: false, adminCount: 1 }),
          'not_found',
          'Member not found',
        );
      },
    );
  });

  it('answers not_found (never forbidden) to every non-member request on a private network', () => {
    for (const target of STANDINGS) {
      for (const self of [true, false]) {
        for (const adminCount of ADMIN_COUNTS) {
          expectHidden(
            removeMember({ visibility: 'private', actor: null, target, self, adminCount }),
          );
        }
      }
    }
  });

  it('never removes the last admin, whoever asks and however', () => {
    for (const [visibility, actor] of product(NETWORK_VISIBILITIES, STANDINGS)) {
      for (const self of [true, false]) {
        for (const adminCount of [0, 1]) {
          const removal: Removal = { visibility, actor, target: 'admin', self, adminCount };
          expect(removeMember(removal).allowed).toBe(false);
        }
      }
    }
  });
});

describe('private networks answer not_found to non-members in every policy', () => {
  it.each([
    ['viewNetwork', () => viewNetwork('private', null)],
    ['joinNetwork', () => joinNetwork('private', null)],
    ['listMembers', () => listMembers('private', null)],
    ...NETWORK_ROLES.map((role) => [`invite(${role})`, () => invite('private', null, role)]),
    [
      'changeRole',
      () =>
        changeRole({
          visibility: 'private',
          actor: null,
          target: 'member',
          next: 'admin',
          adminCount: 1,
        }),
    ],
    [
      'removeMember',
      () =>
        removeMember({
          visibility: 'private',
          actor: null,
          target: 'member',
          self: false,
          adminCount: 1,
        }),
    ],
  ] as [string, () => Decision][])('%s', (_name, decide) => {
    const decision = decide();
    expectHidden(decision);
    if (!decision.allowed) expect(decision.error.code).not.toBe('forbidden');
  });
});

describe('acceptInvitation', () => {
  const now = new Date('2025-03-01T12:00:00.000Z');
  const base = {
    invitedEmail: 'amina@example.org',
    accepterEmail: 'amina@example.org',
    expiresAt: new Date('2025-03-15T12:00:00.000Z'),
    acceptedAt: null,
    revokedAt: null,
    now,
    alreadyMember: false,
  };
  const at = (offsetMs: number): Date => new Date(now.getTime() + offsetMs);

  it('accepts a fresh invitation by its addressee', () => {
    expectAllowed(acceptInvitation(base));
  });

  it('accepts one millisecond before it expires', () => {
    expectAllowed(acceptInvitation({ ...base, expiresAt: at(1) }));
  });

  it.each([
    ['upper case', 'AMINA@EXAMPLE.ORG', 'amina@example.org'],
    ['mixed case on both sides', 'Amina@Example.org', 'aMINA@example.ORG'],
    ['surrounding spaces', '  amina@example.org  ', 'amina@example.org'],
    ['tabs and newlines', '\tamina@example.org\n', ' Amina@Example.Org '],
  ])('matches emails regardless of %s', (_name, invitedEmail, accepterEmail) => {
    expectAllowed(acceptInvitation({ ...base, invitedEmail, accepterEmail }));
  });

  it.each([
    ['another address', 'someone@example.org'],
    ['another domain', 'amina@example.com'],
    ['a longer address', 'amina@example.org.evil'],
    ['an empty address', ''],
  ])('refuses %s as forbidden', (_name, accepterEmail) => {
    expectRefused(
      acceptInvitation({ ...base, accepterEmail }),
      'forbidden',
      /different email address/i,
    );
  });

  it('refuses a used invitation as conflict', () => {
    expectRefused(
      acceptInvitation({ ...base, acceptedAt: at(-60_000) }),
      'conflict',
      /already been used/i,
    );
  });

  it.each([
    ['exactly now', 0],
    ['a millisecond ago', -1],
    ['a day ago', -86_400_000],
  ])('refuses an invitation that expired %s as conflict', (_name, offset) => {
    expectRefused(acceptInvitation({ ...base, expiresAt: at(offset) }), 'conflict', /expired/i);
  });

  it('refuses a revoked invitation as not_found', () => {
    expectRefused(
      acceptInvitation({ ...base, revokedAt: at(-1000) }),
      'not_found',
      'Invitation not found',
    );
  });

  it('refuses someone who is already a member as conflict', () => {
    expectRefused(
      acceptInvitation({ ...base, alreadyMember: true }),
      'conflict',
      /already a member/i,
    );
  });

  it('treats a revoked invitation as gone whatever else is true of it', () => {
    expectRefused(
      acceptInvitation({
        ...base,
        revokedAt: at(-1000),
        accepterEmail: 'someone@example.org',
        acceptedAt: at(-2000),
        expiresAt: at(-3000),
        alreadyMember: true,
      }),
      'not_found',
      'Invitation not found',
    );
  });

  it('tells a stranger only that the invitation is not theirs, not whether it was used or expired', () => {
    expectRefused(
      acceptInvitation({
        ...base,
        accepterEmail: 'someone@example.org',
        acceptedAt: at(-2000),
        expiresAt: at(-3000),
      }),
      'forbidden',
      /different email address/i,
    );
  });

  it('reports a used invitation as used even when it has since expired', () => {
    expectRefused(
      acceptInvitation({ ...base, acceptedAt: at(-2000), expiresAt: at(-1000) }),
      'conflict',
      /already been used/i,
    );
  });

  it('does not mutate its input', () => {
    const input = { ...base, expiresAt: new Date(base.expiresAt) };
    const snapshot = JSON.stringify(input);
    acceptInvitation(input);
    expect(JSON.stringify(input)).toBe(snapshot);
  });
});

describe('normaliseEmail', () => {
  it.each([
    ['amina@example.org', 'amina@example.org'],
    ['Amina@Example.ORG', 'amina@example.org'],
    ['  amina@example.org  ', 'amina@example.org'],
    ['\t Amina@Example.org \n', 'amina@example.org'],
    ['', ''],
    ['   ', ''],
  ])('normalises %p to %p', (input, output) => {
    expect(normaliseEmail(input)).toBe(output);
  });

  it('is idempotent', () => {
    for (const email of ['  MiXeD@Case.Org ', 'plain@example.org']) {
      expect(normaliseEmail(normaliseEmail(email))).toBe(normaliseEmail(email));
    }
  });

  it('keeps different addresses different', () => {
    expect(normaliseEmail('amina@example.org')).not.toBe(normaliseEmail('amina@example.com'));
    expect(normaliseEmail('a.mina@example.org')).not.toBe(normaliseEmail('amina@example.org'));
  });
});
