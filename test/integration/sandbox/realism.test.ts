import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { execute, type StatementResult } from '../../../src/engine';
import type { GongClient } from '../../../src/gong';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { CUSTOMER_SENTENCES, REP_SENTENCES, STRUCTURE, VOICEMAIL_SENTENCES } from '../../../src/sandbox/data/vocabulary';
import { connect } from '../../helpers/connect';

/**
 * The sandbox's data hangs together the way Gong's does, checked over the whole generated
 * data set through the engine (SQL over HTTP), as an analyst would find it: every call's
 * content against its outcome, speakers and length; the per-user stats against the calls;
 * coaching against the activity stats; the privacy lookups against the people.
 */

type Row = Record<string, any>;
const group = <T>(items: readonly T[], key: (x: T) => string) => {
  const groups = new Map<string, T[]>();
  for (const x of items) groups.set(key(x), [...(groups.get(key(x)) ?? []), x]);
  return groups;
};
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const mean = (values: readonly number[]) => sum(values) / values.length;
/** The violations found, a few of them shown: an empty list passes. */
const none = (violations: unknown[], what: string) => assert.deepEqual(violations.slice(0, 5), [], `${violations.length} ${what}`);

describe('sandbox data realism: invariants over the whole data set', () => {
  let sandbox: Sandbox;
  let client: GongClient;
  const sql = async (text: string): Promise<Row[]> => {
    // Yes to the cost question: these reads cover every call on purpose.
    const result = (await execute(text, { client, connectionId: 'sb', useCache: false, confirm: async () => true }))[0] as StatementResult;
    return result.rows.map((r) => Object.fromEntries(result.columns.map((c, i) => [c.name, r[i]])));
  };
  let calls: Map<string, Row>;
  let speakers: Map<string, Row[]>;
  let stats: Map<string, Row>;
  let outcomes: Map<string, Row>;

  before(async () => {
    sandbox = await startSandbox({ rateLimit: false, scale: 2000, anchorMs: Date.parse('2026-11-26T00:00:00Z') });
    client = connect(sandbox);
    calls = new Map((await sql('SELECT Id, Duration, Scope, Direction, PrimaryUserId, Started, Scheduled FROM Calls')).map((c) => [c.Id, c]));
    speakers = group(await sql('SELECT CallId, SpeakerId, Affiliation, TalkTime FROM CallSpeakers'), (s) => s.CallId);
    stats = new Map((await sql('SELECT * FROM CallInteractionStats')).map((s) => [s.CallId, s]));
    outcomes = new Map((await sql('SELECT CallId, OutcomeId, Name, Category FROM CallOutcomes')).map((o) => [o.CallId, o]));
    assert.ok(calls.size > 1900 && stats.size > 1900 && outcomes.size > 1200, `${calls.size} calls, ${stats.size} stats, ${outcomes.size} outcomes`);
  });
  after(async () => {
    await client.close();
    await sandbox.close();
  });

  it('voicemail and unanswered calls have no brief, no key points and at most one speaker', async () => {
    const briefs = new Set((await sql('SELECT CallId FROM CallBriefs')).map((b) => b.CallId));
    const keyPoints = new Set((await sql('SELECT CallId FROM CallKeyPoints')).map((k) => k.CallId));
    const unanswered = [...outcomes.values()].filter((o) => o.Name === 'Left voicemail' || o.Name === 'No answer');
    assert.ok(unanswered.length > 100, `${unanswered.length} unanswered calls`);
    none(unanswered.filter((o) => briefs.has(o.CallId) || keyPoints.has(o.CallId) || (speakers.get(o.CallId)?.length ?? 0) > 1), 'unanswered calls with a brief, key points or a conversation');
    // And they are short: ringing or a voicemail, not a 20-minute call.
    none(unanswered.filter((o) => calls.get(o.CallId)!.Duration > 60), 'unanswered calls longer than a minute');
  });

  it("the talk ratio is the company's share of the speakers' talk times", () => {
    const wrong = [...stats.values()].flatMap((s) => {
      const talk = speakers.get(s.CallId) ?? [];
      const company = sum(talk.filter((t) => t.Affiliation === 'Internal').map((t) => t.TalkTime));
      const total = sum(talk.map((t) => t.TalkTime));
      return s.TalkRatio !== null && total > 0 && Math.abs(s.TalkRatio - company / total) > 0.006 ? [`${s.CallId}: ${s.TalkRatio} vs ${company}/${total}`] : [];
    });
    none(wrong, 'talk ratios that disagree with the talk times');
  });

  it("the longest monologue is at most the company speaker's talk time, the longest customer story the customer's", () => {
    const wrong = [...stats.values()].flatMap((s) => {
      const talk = speakers.get(s.CallId) ?? [];
      const most = (internal: boolean) => Math.max(0, ...talk.filter((t) => (t.Affiliation === 'Internal') === internal).map((t) => t.TalkTime));
      return s.LongestMonologue > most(true) || s.LongestCustomerStory > most(false) ? [`${s.CallId}: ${s.LongestMonologue}/${most(true)}, ${s.LongestCustomerStory}/${most(false)}`] : [];
    });
    none(wrong, 'monologues longer than their speaker talked');
    none([...stats.values()].filter((s) => (speakers.get(s.CallId)?.length ?? 0) < 2 && s.Interactivity > 0), 'interactivity without a second speaker');
  });

  it('internal calls have no customers: no external parties, customer brief, key points, CRM context or outcome', async () => {
    const parties = await sql('SELECT CallId, Affiliation FROM CallParties');
    const internal = new Set([...calls.values()].filter((c) => c.Scope === 'Internal').map((c) => c.Id));
    assert.ok(internal.size > 20);
    none(parties.filter((p) => internal.has(p.CallId) && p.Affiliation === 'External'), 'external parties on internal calls');
    for (const [table, what] of [['CallBriefs', 'briefs'], ['CallKeyPoints', 'key points'], ['CallCrmContext', 'CRM context'], ['CallOutcomes', 'outcomes']]) {
      none((await sql(`SELECT CallId FROM ${table}`)).filter((r) => internal.has(r.CallId)), `internal calls with ${what}`);
    }
  });

  it('unanswered calls (no answer, voicemail, wrong number) have no interaction stats and no answered scorecards', async () => {
    const unanswered = [...outcomes.values()].filter((o) => o.Category === 'NOT_ANSWERED');
    assert.ok(unanswered.length > 100 && unanswered.some((o) => o.Name === 'Wrong number'));
    none(unanswered.filter((o) => stats.get(o.CallId)?.TalkRatio !== null || stats.get(o.CallId)?.Interactivity !== null), 'unanswered calls with interaction stats');
    // A wrong number is a short exchange with a stranger, not a conversation.
    none(unanswered.filter((o) => o.Name === 'Wrong number' && calls.get(o.CallId)!.Duration > 40), 'wrong numbers longer than a short exchange');
    const scored = await sql("SELECT CallId FROM AnsweredScorecards WHERE ReviewTime >= '2025-01-01'");
    assert.ok(scored.length > 50);
    const ids = new Set(unanswered.map((o) => o.CallId));
    none(scored.filter((a) => ids.has(a.CallId)), 'answered scorecards on unanswered calls');
  });

  it("briefs and next steps agree with the outcome; next steps are not the key points; sentences start upper case", async () => {
    const briefs = new Map((await sql('SELECT CallId, Brief FROM CallBriefs')).map((b) => [b.CallId, b.Brief as string]));
    const agreed = ['Meeting booked', 'Next steps set', 'Referred to colleague', 'Follow-up needed'];
    const ended = ['Not interested', 'Do not call', 'Disqualified'];
    const of = (names: string[]) => [...outcomes.values()].filter((o) => names.includes(o.Name) && briefs.has(o.CallId));
    assert.ok(of(agreed).length > 100 && of(ended).length > 30, `${of(agreed).length} agreed, ${of(ended).length} ended`);
    none(of(agreed).filter((o) => /No next step|not going ahead/.test(briefs.get(o.CallId)!)), 'briefs without a next step on calls that set one');
    none(of(ended).filter((o) => /Next step:| will /.test(briefs.get(o.CallId)!)), 'briefs with a next step on calls that ended the deal');
    const highlights = await sql("SELECT CallId, ItemText FROM CallHighlights WHERE Title = 'Next steps'");
    const keyPoints = await sql('SELECT CallId, Text FROM CallKeyPoints');
    const points = new Set(keyPoints.map((k) => `${k.CallId} ${k.Text}`));
    assert.ok(highlights.length > 100);
    none(highlights.filter((h) => points.has(`${h.CallId} ${h.ItemText}`)), 'next steps copied from the key points');
    none(highlights.filter((h) => ended.includes(outcomes.get(h.CallId)?.Name)), 'next steps on calls that ended the deal');
    const sentences = [...briefs.values(), ...keyPoints.map((k) => k.Text as string)].flatMap((t) => t.split(/(?<=[.!?]) /));
    none(sentences.filter((x) => /^[a-z]/.test(x)), 'sentences starting lower case');
  });

  it('the CRM context follows deals: one account per company, opportunities over several calls, closed when old, open when recent', async () => {
    const rows = await sql('SELECT CallId, ObjectType, ObjectId, Timing, FieldName, FieldValue FROM CallCrmContext');
    const accounts = group(rows.filter((r) => r.ObjectType === 'Account' && r.FieldName === 'Name'), (r) => r.FieldValue);
    none([...accounts].filter(([, rs]) => new Set(rs.map((r) => r.ObjectId)).size > 1).map(([name]) => name), 'companies with several account ids');
    const opportunities = group(rows.filter((r) => r.ObjectType === 'Opportunity'), (r) => r.ObjectId);
    const callsOf = (rs: Row[]) => new Set(rs.map((r) => r.CallId)).size;
    const shared = [...opportunities.values()].filter((rs) => callsOf(rs) > 1).length;
    assert.ok(shared > 0.3 * opportunities.size, `${shared} of ${opportunities.size} opportunities on more than one call`);
    // Now is the same for every call of a deal.
    none([...opportunities].filter(([, rs]) => ['Amount', 'StageName'].some((f) => new Set(rs.filter((r) => r.Timing === 'Now' && r.FieldName === f).map((r) => r.FieldValue)).size > 1)).map(([id]) => id), 'deals with two values now');
    const stageNow = rows.filter((r) => r.ObjectType === 'Opportunity' && r.Timing === 'Now' && r.FieldName === 'StageName');
    const closedShare = (fromDays: number, toDays: number) => {
      const inAge = stageNow.filter((r) => {
        const age = (Date.parse('2026-11-26') - Date.parse(calls.get(r.CallId)!.Started)) / 86_400_000;
        return age >= fromDays && age < toDays;
      });
      return inAge.filter((r) => String(r.FieldValue).startsWith('Closed')).length / inAge.length;
    };
    assert.ok(closedShare(180, 600) > 0.7, `deals of calls over 6 months old closed: ${closedShare(180, 600)}`);
    assert.ok(closedShare(0, 21) < 0.4, `deals of calls in the last 3 weeks closed: ${closedShare(0, 21)}`);
  });

  it("a transcript runs through the call, each speaker talking about as long as their talk time, in words that fit their side", async () => {
    const sample = [...calls.values()].filter((c) => c.Duration > 300 && stats.get(c.Id)?.TalkRatio !== null).slice(0, 60).map((c) => c.Id as string);
    const voicemails = [...outcomes.values()].filter((o) => o.Name === 'Left voicemail').slice(0, 20).map((o) => o.CallId as string);
    const lines = group(await sql(`SELECT CallId, SpeakerId, Affiliation, StartMs, EndMs, Text FROM CallTranscripts WHERE CallId IN (${[...sample, ...voicemails].map((id) => `'${id}'`).join(', ')})`), (t) => t.CallId);
    const wrong = sample.flatMap((id) => {
      const mine = lines.get(id) ?? [];
      const end = Math.max(0, ...mine.map((t) => t.EndMs)) / 1000;
      const off = (speakers.get(id) ?? []).filter((s) => s.TalkTime >= 30).flatMap((s) => {
        const said = sum(mine.filter((t) => t.SpeakerId === s.SpeakerId).map((t) => t.EndMs - t.StartMs)) / 1000;
        return said < 0.75 * s.TalkTime || said > 1.01 * s.TalkTime ? [`${s.SpeakerId} said ${said} s of ${s.TalkTime}`] : [];
      });
      return end < 0.8 * calls.get(id)!.Duration || off.length ? [`${id}: ends at ${end} of ${calls.get(id)!.Duration}; ${off.join(', ')}`] : [];
    });
    none(wrong, 'transcripts that do not cover the call or its talk times');
    const customerLines = new Set(CUSTOMER_SENTENCES);
    const repLines = new Set(REP_SENTENCES);
    const all = sample.flatMap((id) => lines.get(id) ?? []);
    none(all.filter((t) => (t.Affiliation === 'Internal' && customerLines.has(t.Text)) || (t.Affiliation === 'External' && repLines.has(t.Text))), 'sentences said by the wrong side');
    const voicemailLines = new Set(VOICEMAIL_SENTENCES);
    assert.ok(voicemails.length > 5);
    none(voicemails.flatMap((id) => lines.get(id) ?? []).filter((t) => !voicemailLines.has(t.Text) || t.Affiliation !== 'Internal'), 'voicemail transcripts that are not a message left by the rep');
  });

  it("each user's settings history flips a setting at each change and ends at the user's current setting", async () => {
    const users = new Map((await sql('SELECT Id, Settings, Active FROM Users')).map((u) => [u.Id, u]));
    const history = await sql('SELECT UserId, Setting, Value, Time FROM UserSettingsHistory ORDER BY UserId, Setting, Time');
    assert.ok(history.length > 200);
    const wrong: string[] = [];
    let compared = 0;
    for (const [key, changes] of group(history, (h) => `${h.UserId} ${h.Setting}`)) {
      changes.forEach((c, i) => i > 0 && c.Value === changes[i - 1]!.Value && wrong.push(`${key} repeats ${c.Value} at ${c.Time}`));
      const user = users.get(changes[0]!.UserId);
      if (!user) continue;
      const settings = JSON.parse(user.Settings);
      const setting = changes[0]!.Setting === 'callsImported' ? 'telephonyCallsImported' : changes[0]!.Setting;
      const current = setting === 'active' ? user.Active : settings[setting];
      if (current === undefined) continue;
      compared++;
      if (Boolean(changes.at(-1)!.Value) !== Boolean(current)) wrong.push(`${key} ends at ${changes.at(-1)!.Value}, Users says ${current}`);
    }
    assert.ok(compared > 100, `${compared} settings compared`);
    none(wrong, 'settings histories that repeat a value or end elsewhere than Users');
  });

  it('emails transliterate accented names', async () => {
    const users = await sql('SELECT FirstName, EmailAddress FROM Users');
    const expected: Record<string, string> = { Søren: 'soren.', Łukasz: 'lukasz.', Zoë: 'zoe.', Nguyễn: 'nguyen.', Björk: 'bjork.' };
    const accented = users.filter((u) => expected[u.FirstName]);
    assert.ok(accented.length > 5, `${accented.length} users with accented names`);
    none(accented.filter((u) => !String(u.EmailAddress).startsWith(expected[u.FirstName]!)), 'emails that drop letters of accented names');
  });

  it("a call's structure is in order and fits in the call; its outline's sections and items lie within it", async () => {
    const parts = group(await sql('SELECT CallId, Position, Name, Duration FROM CallStructure ORDER BY CallId, Position'), (p) => p.CallId);
    assert.ok(parts.size > 1000);
    const wrong = [...parts].flatMap(([id, ps]) => {
      const order = ps.map((p) => STRUCTURE.indexOf(p.Name));
      const sorted = order.every((o, i) => i === 0 || o > order[i - 1]!);
      return !sorted || sum(ps.map((p) => p.Duration)) > calls.get(id)!.Duration ? [`${id}: ${ps.map((p) => `${p.Name} ${p.Duration}`).join(', ')} of ${calls.get(id)!.Duration}`] : [];
    });
    none(wrong, 'structures out of order or longer than the call');
    const outline = await sql('SELECT CallId, SectionStartTime, SectionDuration, ItemStartTime FROM CallOutlines');
    assert.ok(outline.some((o) => o.ItemStartTime !== null));
    none(outline.filter((o) => {
      const end = o.SectionStartTime + o.SectionDuration;
      return end > calls.get(o.CallId)!.Duration || (o.ItemStartTime !== null && (o.ItemStartTime < o.SectionStartTime || o.ItemStartTime > end));
    }), 'outline sections or items outside the call or their section');
  });

  it("every call's outcome is one of CallOutcomeTypes, with the same name and category, and one id per name", async () => {
    const types = new Map((await sql('SELECT CallOutcome, Category FROM CallOutcomeTypes')).map((t) => [t.CallOutcome, t.Category]));
    // The join on id works: every call's outcome id is an id of the list, naming the same outcome.
    const joined = await sql('SELECT o.CallId, o.Name, t.CallOutcome FROM CallOutcomes o LEFT JOIN CallOutcomeTypes t ON t.OutcomeId = o.OutcomeId');
    assert.equal(joined.length, outcomes.size);
    none(joined.filter((j) => j.CallOutcome !== j.Name), 'outcomes whose id is not in CallOutcomeTypes under the same name');
    none([...outcomes.values()].filter((o) => types.get(o.Name) !== o.Category), 'outcomes not in the list (or in another category)');
    const ids = group([...outcomes.values()], (o) => o.OutcomeId);
    none([...ids].filter(([, os]) => new Set(os.map((o) => o.Name)).size > 1), 'ids naming two outcomes');
    assert.equal(new Set([...outcomes.values()].map((o) => o.Name)).size, ids.size, 'one id per name');
    assert.ok([...outcomes.values()].some((o) => o.Name === 'Call back later') && types.has('Call back later'));
  });

  it('briefs and key points vary: most are unique, none dominates', async () => {
    const briefs = (await sql('SELECT Brief FROM CallBriefs')).map((b) => b.Brief as string);
    assert.ok(new Set(briefs).size > 0.9 * briefs.length, `${new Set(briefs).size} distinct of ${briefs.length} briefs`);
    const points = (await sql('SELECT Text FROM CallKeyPoints')).map((k) => k.Text as string);
    const counts = [...group(points, (p) => p).values()].map((g) => g.length);
    // Short facts do repeat across calls (a decision by Q3), but not as a handful of strings.
    assert.ok(counts.length > 0.3 * points.length, `${counts.length} distinct of ${points.length} key points`);
    assert.ok(Math.max(...counts) < 0.02 * points.length, `the commonest key point is said ${Math.max(...counts)} times`);
  });

  it("the CRM context's Amount and stage at the time of the call sometimes differ from now's", async () => {
    const fields = await sql("SELECT CallId, Timing, FieldName, FieldValue FROM CallCrmContext WHERE ObjectType = 'Opportunity'");
    const at = (timing: string, name: string) => new Map(fields.filter((f) => f.Timing === timing && f.FieldName === name).map((f) => [f.CallId, f.FieldValue]));
    for (const name of ['Amount', 'StageName']) {
      const now = at('Now', name);
      const then = at('TimeOfCall', name);
      const changed = [...now].filter(([id, v]) => then.get(id) !== v).length;
      assert.equal(then.size, now.size);
      // Most deals of an 18-month history have closed since (the stage test above checks it by age); an amount changes less often.
      assert.ok(changed > 0.1 * now.size && (name === 'StageName' || changed < 0.9 * now.size), `${name}: ${changed} of ${now.size} changed since the call`);
    }
  });

  it("the privacy lookups return emails exchanged with the sandbox's own people", async () => {
    const users = await sql('SELECT EmailAddress FROM Users');
    const parties = await sql('SELECT EmailAddress, Affiliation FROM CallParties WHERE EmailAddress IS NOT NULL');
    // Everyone on a call, listed or not: the lookups cover calls Gong is still processing too.
    const people = new Set([...users.map((u) => u.EmailAddress as string), ...sandbox.world.calls.flatMap((c) => c.parties.map((p) => p.emailAddress ?? ''))].map((e) => e.toLowerCase()));
    const customer = parties.find((p) => p.Affiliation === 'External')!.EmailAddress as string;
    for (const email of [customer, users[5]!.EmailAddress as string]) {
      const emails = await sql(`SELECT Details FROM DataPrivacyByEmail WHERE EmailAddress = '${email}' AND ObjectType = 'Email'`);
      assert.ok(emails.length > 0, `emails about ${email}`);
      none(emails.map((e) => JSON.parse(e.Details).from).filter((from) => !people.has(from.toLowerCase())), `emails about ${email} from strangers`);
    }
  });

  it("each user's interaction stats are the averages of their conversations' per-call stats", async () => {
    const from = '2026-06-01';
    const to = '2026-11-01';
    const perUser = await sql(`SELECT UserId, TalkRatio, LongestMonologue, Interactivity, QuestionRate FROM UserInteractionStats WHERE FromDate >= '${from}' AND ToDate <= '2026-10-31'`);
    const inWindow = [...stats.values()].filter((s) => {
      const c = calls.get(s.CallId)!;
      const talk = speakers.get(s.CallId) ?? [];
      // Gong's window compares a conference's scheduled start, a dialer call's start (both Scheduled here).
      const day = String(c.Scheduled ?? c.Started).slice(0, 10);
      return day >= from && day < to && s.TalkRatio !== null && talk.some((t) => t.Affiliation === 'Internal') && talk.some((t) => t.Affiliation !== 'Internal');
    });
    const hosted = group(inWindow, (s) => calls.get(s.CallId)!.PrimaryUserId);
    assert.deepEqual(new Set(perUser.map((u) => u.UserId)), new Set(hosted.keys()));
    const wrong = perUser.flatMap((u) => {
      const mine = hosted.get(u.UserId)!;
      const want = {
        TalkRatio: mean(mine.map((s) => s.TalkRatio)),
        LongestMonologue: mean(mine.map((s) => s.LongestMonologue)),
        Interactivity: mean(mine.map((s) => s.Interactivity)),
        QuestionRate: mean(mine.map((s) => (s.CompanyQuestions * 3600) / calls.get(s.CallId)!.Duration)),
      };
      return Object.entries(want).filter(([k, v]) => Math.abs(u[k] - v) > 0.006).map(([k, v]) => `${u.UserId} ${k}: ${u[k]} vs ${v}`);
    });
    none(wrong, 'user stats that are not the averages of their calls');
    const ratios = perUser.map((u) => u.TalkRatio as number);
    assert.ok(Math.max(...ratios) - Math.min(...ratios) > 0.3, `reps differ: ${Math.min(...ratios)}..${Math.max(...ratios)}`);
  });

  it("coaching counts what each manager did with their reports' calls, as the activity stats show it", async () => {
    const workspace = sandbox.world.workspaces[0]!.id;
    const managers = await sql("SELECT Id FROM Users WHERE Title IN ('Sales Manager', 'CRO')");
    const activity = await sql("SELECT UserId, OthersCallsListenedToCallIds, CallsGaveFeedbackCallIds FROM UserActivityDayByDay WHERE Date >= '2026-07-01' AND Date < '2026-10-01'");
    let listened = 0;
    const perReport: number[] = [];
    for (const { Id: manager } of managers) {
      const rows = await sql(`SELECT ReportUserId, Metric, Value FROM Coaching WHERE WorkspaceId = '${workspace}' AND ManagerId = '${manager}' AND PeriodFrom = '2026-07-01T00:00:00Z' AND PeriodTo = '2026-10-01T00:00:00Z'`);
      const mine = activity.filter((a) => a.UserId === manager);
      const callsOf = (column: string, report: string) => new Set(mine.flatMap((a) => JSON.parse(a[column]) as string[]).filter((id) => calls.get(id)?.PrimaryUserId === report)).size;
      for (const r of rows) {
        if (r.Metric === 'Calls listened to') {
          assert.equal(r.Value, callsOf('OthersCallsListenedToCallIds', r.ReportUserId), `${manager} listened to ${r.ReportUserId}'s calls`);
          listened += r.Value;
          perReport.push(r.Value);
        }
        if (r.Metric === 'Feedback given') assert.equal(r.Value, callsOf('CallsGaveFeedbackCallIds', r.ReportUserId), `${manager} gave ${r.ReportUserId} feedback`);
      }
    }
    assert.ok(listened > 20, `managers listened to ${listened} of their reports' calls`);
    assert.ok(new Set(perReport).size > 3, `some reports are coached more than others: ${perReport}`);
  });
});
