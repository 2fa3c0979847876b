import { describe, expect, it } from 'vitest';
import { auditSentence } from './audit-sentence.ts';

const names = (id: string) => (id === 'p1' ? 'Werkfit Zwolle' : id);

describe('audit entries as sentences', () => {
  it('names the participant by reference and the time in nl-NL', () => {
    const e = {
      at: '2026-12-01T13:03:00.000Z',
      actorEmail: 'beheer@gemeente.example',
      action: 'participant.read',
      pilotId: 'p1',
      participantId: '17',
      participantRef: 'P-0012',
      rowCount: null,
    };
    expect(auditSentence(e, names, 'nl')).toBe(
      'beheer@gemeente.example opende deelnemer P-0012 in pilot Werkfit Zwolle op 01-12-2026 14:03',
    );
  });

  it('counts imported rows and says who when nobody was logged in', () => {
    expect(
      auditSentence(
        {
          at: '2026-06-01T08:00:00.000Z',
          actorEmail: 'manager@gemeente.example',
          action: 'import.participants',
          pilotId: 'p1',
          participantRef: null,
          rowCount: 1250,
        },
        names,
        'nl',
      ),
    ).toBe(
      'manager@gemeente.example importeerde 1.250 deelnemers in Werkfit Zwolle op 01-06-2026 10:00',
    );
    expect(
      auditSentence(
        {
          at: '2026-06-01T08:00:00.000Z',
          actorEmail: null,
          action: 'login.failed',
          pilotId: null,
          participantRef: null,
          rowCount: null,
        },
        names,
        'nl',
      ),
    ).toBe('Iemand probeerde zonder succes in te loggen op 01-06-2026 10:00');
  });

  it('calls an erased participant erased rather than showing its internal id', () => {
    const s = auditSentence(
      {
        at: '2026-06-01T08:00:00.000Z',
        actorEmail: 'a@b.nl',
        action: 'participant.erase',
        pilotId: null,
        participantId: '9',
        participantRef: null,
        rowCount: null,
      },
      names,
      'nl',
    );
    expect(s).toBe('a@b.nl wiste deelnemer (verwijderd) op 01-06-2026 10:00');
    expect(s).not.toContain('9');
  });
});
