import { describe, expect, it } from 'vitest';
import { describeAuditEvent } from '../../lib/domain/audit-summary';
import { forkedFromMessage, readVersionMessage } from '../../lib/domain/version-message';

const names = { scenario: (id: string) => (id === 's1' ? '十堰 2003—2050' : undefined), user: (id: string) => (id === 'u1' ? '王芳' : undefined) };

describe('describeAuditEvent', () => {
  it('reads a saved version as a sentence naming the scenario by its name and the version by its number', () => {
    const described = describeAuditEvent({ action: 'scenario.version_saved', summary: { after: { scenarioId: 's1', number: 4, message: 'm', documentHash: 'h' } } }, '李伟', names);
    expect(described.sentence).toBe('scenario.version_saved');
    expect(described.values).toMatchObject({ actor: '李伟', scenario: '十堰 2003—2050', number: '4' });
    expect(described.changes).toEqual([]);
  });

  it('shows a change as before → after of the fields a reader knows, leaving out ids and what did not change', () => {
    const described = describeAuditEvent(
      { action: 'member.changed', summary: { before: { userId: 'u1', side: 'OBSERVER', canEdit: false, canSign: false }, after: { userId: 'u1', side: 'UPSTREAM', canEdit: true, canSign: false } } },
      '李伟',
      names,
    );
    expect(described.values.member).toBe('王芳');
    expect(described.changes).toEqual([
      { field: 'side', before: { kind: 'term', term: 'side', value: 'OBSERVER' }, after: { kind: 'term', term: 'side', value: 'UPSTREAM' } },
      { field: 'canEdit', before: { kind: 'term', term: 'yesNo', value: 'false' }, after: { kind: 'term', term: 'yesNo', value: 'true' } },
    ]);
  });

  it('names an offer status and an agreement status by their own terms', () => {
    expect(describeAuditEvent({ action: 'offer.accepted', summary: { before: { status: 'SENT' }, after: { status: 'ACCEPTED', reason: null } } }, 'a', names).changes).toEqual([
      { field: 'status', before: { kind: 'term', term: 'offerStatus', value: 'SENT' }, after: { kind: 'term', term: 'offerStatus', value: 'ACCEPTED' } },
    ]);
    expect(describeAuditEvent({ action: 'agreement.archived', summary: { before: { status: 'DRAFT' }, after: { status: 'ARCHIVED', hash: 'x' } } }, 'a', names).changes[0]!.after).toEqual({
      kind: 'term',
      term: 'agreementStatus',
      value: 'ARCHIVED',
    });
  });

  it('reads changed deal periods as their new labels, and a change to none as a dash', () => {
    const periods = [
      { label: '2011–2013', from: 2011, to: 2013 },
      { label: '追溯补偿期', from: 2014, to: 2020 },
    ];
    expect(describeAuditEvent({ action: 'deal.periods_changed', summary: { before: { periods: [] }, after: { periods } } }, '管理员', names)).toEqual({
      sentence: 'deal.periods_changed',
      values: { actor: '管理员', periods: '2011–2013 · 追溯补偿期' },
      changes: [],
    });
    expect(describeAuditEvent({ action: 'deal.periods_changed', summary: { before: { periods }, after: { periods: [] } } }, '管理员', names).values.periods).toBe('—');
  });

  it('reads the deal’s parties set as how many organisations they name, none as one party per side', () => {
    const party = { organisationId: 'o', name: 'Henan', nameZh: '河南省', side: 'DOWNSTREAM', funder: null, share: null, quantity: '37.7' };
    expect(
      describeAuditEvent({ action: 'deal.parties_set', summary: { before: { parties: [], quantityUnit: null }, after: { parties: [party, party], quantityUnit: '亿立方米' } } }, '管理员', names),
    ).toEqual({
      sentence: 'deal.parties_set',
      values: { actor: '管理员', count: 2, parties: { kind: 'clause', clause: 'organisations', values: { count: 2 } } },
      changes: [],
    });
    expect(describeAuditEvent({ action: 'deal.parties_set', summary: null }, '管理员', names).values).toMatchObject({ count: 0, parties: { kind: 'clause', clause: 'noParties' } });
  });

  it('keeps old or unknown rows readable: an unknown action is "an action by …", missing fields are left out', () => {
    expect(describeAuditEvent({ action: 'something.new', summary: { x: 1 } }, '陈静', names)).toEqual({ sentence: 'other', values: { actor: '陈静' }, changes: [] });
    expect(describeAuditEvent({ action: 'scenario.version_saved', summary: null }, '陈静', names).values).toEqual({ actor: '陈静', scenario: '—' });
  });

  it('carries amounts as decimal yuan for the reader’s unit', () => {
    const described = describeAuditEvent(
      { action: 'settlement.run', summary: { before: { due: '100.00', balance: '0.00', fingerprint: 'f' }, after: { year: 2024, due: '250000.00', balance: '0.00' } } },
      'a',
      names,
    );
    expect(described.values.year).toBe('2024');
    expect(described.changes).toEqual([{ field: 'due', before: { kind: 'amount', yuan: '100.00' }, after: { kind: 'amount', yuan: '250000.00' } }]);
  });
});

describe('version messages', () => {
  it('stores a fork’s message as a code and reads it back', () => {
    expect(readVersionMessage(forkedFromMessage('北京反提案', 3))).toEqual({ kind: 'forkedFrom', scenario: '北京反提案', number: 3 });
  });
  it('reads the English sentence of older forks as the same code, and anything else as typed', () => {
    expect(readVersionMessage('Forked from "Shiyan 2003–2050" v3')).toEqual({ kind: 'forkedFrom', scenario: 'Shiyan 2003–2050', number: 3 });
    expect(readVersionMessage('Forked from nowhere')).toEqual({ kind: 'typed', text: 'Forked from nowhere' });
  });
});
