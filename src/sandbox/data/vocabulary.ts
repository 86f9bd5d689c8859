/** Word lists the generator draws from. Hostile-but-valid values live here on purpose. */

export const FIRST_NAMES = [
  'Avery', 'Blake', 'Carmen', 'Dana', 'Eli', 'Farah', 'Gus', 'Hana', 'Ivan', 'Jules', 'Kai', 'Lena',
  'Mateo', 'Nadia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tara', 'Umar', 'Vera', 'Wes', 'Xiu',
  'Yara', 'Zoe', 'José', 'Zoë', 'Søren', 'Björk', 'Łukasz', 'Chloé', '美咲', 'Nguyễn',
];

export const LAST_NAMES = [
  'Anders', 'Brooks', 'Chen', 'Diaz', 'Eriksen', 'Fischer', 'Garcia', 'Huang', 'Ito', 'Johnson',
  'Kowalski', 'Lopez', 'Müller', 'Novak', "O'Brien", 'Patel', 'Quispe', 'Rossi', 'Silva', 'Tanaka',
  'Usman', 'Volkov', 'Wright', 'Xu', 'Yilmaz', 'Zimmermann', "D'Angelo", 'García-Márquez', '山田',
];

export const TITLES = [
  'Account Executive', 'Senior Account Executive', 'Sales Development Rep', 'Customer Success Manager',
  'Solutions Engineer', 'Sales Manager', 'VP Sales', 'RevOps Analyst', 'Enablement Lead', 'CRO',
];

export const COMPANIES = [
  'Acme Corp', 'Globex', 'Initech', 'Umbrella', 'Stark Industries', 'Wayne Enterprises', 'Hooli',
  'Pied Piper', 'Vandelay Industries', 'Soylent', 'Tyrell', 'Cyberdyne', 'Nakatomi', 'Oscorp',
  'Müller & Söhne GmbH', 'Café "Le Gourmet"', "Bob's Burgers", 'Zürich Re', 'Öko-Test', '株式会社テスト',
];

export const MEETING_KINDS = [
  'Discovery call', 'Demo', 'Pricing review', 'Kickoff', 'QBR', 'Renewal discussion', 'Technical deep dive',
  'Intro', 'Negotiation', 'Onboarding session', 'Security review', 'Follow-up',
];

/** Titles that are valid but test escaping, quoting, unicode and width everywhere they are shown. */
export const HOSTILE_TITLES = [
  '<img src=x onerror=alert(1)>',
  `O'Brien said "it's a deal" — 100% 🎉`,
  'Ünïcödé 📞 通话 مكالمة',
  'Robert\'); DROP TABLE Calls;--',
  'Tab\there, newline\nthere',
  `${'Very long title '.repeat(40)}end`,
];

export const SYSTEMS_CONFERENCE = ['Zoom', 'WebEx', 'Google Meet', 'Microsoft Teams'];
export const SYSTEMS_PHONE = ['Outreach', 'RingCentral', 'Aircall', 'Dialpad', 'Salesloft'];

export const TOPICS = ['Pricing', 'Objections', 'Next Steps', 'Competitors', 'Small Talk', 'Product Demo', 'Timeline', 'Budget'];
export const STRUCTURE = ['Meeting Setup', 'Introductions', 'Discovery', 'Demo', 'Q&A', 'Wrap-up'];

export const TRACKER_KEYWORDS: Record<string, string[]> = {
  Competitors: ['Globex', 'Initech', 'Hooli', 'Walmart'],
  Pricing: ['price', 'discount', 'budget', 'cost'],
  'Next Steps': ['follow up', 'next week', 'send over'],
  Security: ['SOC 2', 'SSO', 'GDPR', 'encryption'],
  Churn: ['cancel', 'switch', 'unhappy'],
};

/** What the company's speakers say on a call. */
export const REP_SENTENCES = [
  'Thanks everyone for joining today.',
  'Could you walk me through your current process?',
  'What does the timeline look like on your side?',
  "I'll send over the proposal by Friday.",
  'How many seats are you thinking about?',
  'That integration is on our roadmap for next quarter.',
  "Let's schedule a follow up next week with your CFO.",
  'The demo environment is ready whenever you are.',
  'Who else should be involved in the decision?',
  'Let me share my screen and show you the dashboard.',
  'What happens today when a deal slips?',
  'We can start the trial as soon as legal signs off.',
  'Ça marche, on se reparle lundi.',
];

/** What customers (and anyone else outside the company) say on a call. */
export const CUSTOMER_SENTENCES = [
  'We looked at Globex last quarter but the pricing did not work for us.',
  'Security will want to see the SOC 2 report.',
  'Can we get a discount if we sign this month?',
  'Our budget is approved for this fiscal year.',
  'We had some issues with SSO during the trial.',
  'Great, that answers my question. 👍',
  'Right now our reps log everything in spreadsheets.',
  'I need to check with our head of IT first.',
  'How long does a typical rollout take?',
  'Our contract with the current vendor ends in March.',
];

/** A rep leaving a voicemail, in order. */
export const VOICEMAIL_SENTENCES = [
  'Hi, this is a quick message from the Gong SQL team.',
  'I was hoping to catch you about the note you sent last week.',
  'Give me a call back when you have a minute, or just reply to my email.',
  'Thanks, and have a great day.',
];

/** A call nobody took: the rep waits, then hangs up. */
export const NO_ANSWER_SENTENCES = ['Hello?', 'Hello, is anyone there?'];

/** A wrong number: a short exchange with a stranger. */
export const WRONG_NUMBER_SENTENCES = {
  rep: ['Hi, is this the head of sales operations?', 'Oh, sorry to bother you. Have a good day.'],
  stranger: ['Sorry, I think you have the wrong number.', 'No problem, bye.'],
};

export const LANGUAGES_ISO639 = ['eng', 'eng', 'eng', 'eng', 'fre', 'spa', 'ger', 'ita', 'und'];

export const COMMENTS = [
  'Great objection handling here.',
  'Listen to how @[Dana Brooks](234599484848423) handles pricing.',
  'Missed the chance to ask about budget.',
  '<b>not bold</b> & "quoted"',
  'Follow up on the security questionnaire 🔒',
];
