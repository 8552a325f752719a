/**
 * What the demo organisation, Northwind Home Energy, found in its workshop on the
 * built-in bank (questions/cx-data-exposure.yaml, 2.x): the answers a facilitator would
 * have recorded, by question id. The demo applies a fact only where the bank it is built
 * on has that question and option; every other question is answered by the demo's rules
 * (src/core/demo.ts), so the demo stays valid on any bank. Pure data.
 *
 * The facts are chosen so that the plan reads the way a CX security lead would order the
 * work: the verified worst cases contained first (logins handed between BPO hires, mail
 * forwarded out of the returns mailbox and its shared password, conversations pasted
 * into consumer AI with managers' blessing, a verification script that writes ID numbers
 * into tickets), then MFA and the integration tokens nobody can find, central logging
 * started early because everything on detection waits for it, the redesign of agent
 * roles started now because it takes months (a long lead), and the unknowns as a short
 * evidence sprint. The returns journey overrides two organisation answers, each with
 * its reason: its BPO home workers use their own laptops, and its tools sit outside SSO.
 */
import type { Confidence, Policy } from './workbook-schema.js';

/** One recorded answer: an option id of the question, or "unknown" / "na". */
export interface DemoFact {
  answer: string;
  /** For option answers; "reported" when not given. */
  confidence?: Confidence;
  policy?: Policy;
  note?: string;
}

const verified = (answer: string, note: string, policy?: Policy): DemoFact => ({ answer, confidence: 'verified', note, ...(policy ? { policy } : {}) });
const reported = (answer: string, note = '', policy?: Policy): DemoFact => ({ answer, confidence: 'reported', note, ...(policy ? { policy } : {}) });
const disputed = (answer: string, note: string): DemoFact => ({ answer, confidence: 'disputed', note });
const unknown = (note: string): DemoFact => ({ answer: 'unknown', note });
const na = (note: string): DemoFact => ({ answer: 'na', note });

/** Organisation answers, by question id. */
export const ORGANISATION_FACTS: Readonly<Record<string, DemoFact>> = {
  // Footprint
  'cx-tool-inventory': reported('it-only', 'The survey and returns tools were bought by the teams; IT has never listed them.'),
  'sandbox-copies': reported('real-limited'),
  'unsanctioned-ai-paste': verified('encouraged', 'October proxy report: about 1,900 visits from agent laptops to two consumer AI sites; team leads suggest it for wrap-up notes.'),
  'warehouse-cx-copies': reported('raw-analysts'),
  'mailbox-auto-forwarding': verified('forwarding-now', 'Tenant report run in the room: two rules send returns mailbox mail to a former team lead\'s personal address.'),
  // Access
  'access-review': reported('rubber-stamp', 'Signed off in March; nothing was removed.'),
  'temporary-access-expiry': reported('until-noticed'),
  'admin-impersonation': verified('limited-logged', 'Checked live in the admin console during the workshop.'),
  'qa-recording-access': reported('supervisors'),
  'agent-devices': reported('managed-open'),
  // Free text
  'free-text-pii-detection': reported('qa-chance', 'The policy forbids card numbers in notes, but nothing looks for them.', 'documented'),
  'har-file-handling': reported('stored-restricted'),
  'screenshot-chat-sharing': reported('sometimes'),
  // Integrations
  'connected-app-inventory': verified('it-built-only', 'The CRM lists 23 connected apps; the team recognised 14.'),
  'integration-scopes': reported('full-read'),
  'integration-token-hygiene': verified('days-blind', 'Nobody could say where the Mailcraft and returns-portal keys are kept; two tokens belong to people who have left.'),
  'contact-field-writes': reported('many-logged'),
  'middleware-logging': reported('errors-only'),
  'app-install-rights': reported('admin-light'),
  // Automation
  'automation-owners': reported('few'),
  'automation-audit-trail': reported('last-change'),
  'automation-service-accounts': reported('standing-admin'),
  'misdirected-messages': reported('complaint-fixed', 'A survey merge field showed another customer\'s first name in May; fixed, never logged as an incident.'),
  'automated-decisions': reported('told-can-contest'),
  // Detection
  'bulk-export-detection': reported('by-chance'),
  'mass-view-detection': unknown('Record views may be logged on the CRM plan we pay for; nobody has looked.'),
  'integration-read-anomaly': unknown('Depends on a setting only the supplier can see. Ask at the next service review.'),
  'log-retention-period': reported('vendor-default'),
  'alert-triage': reported('tool-admin'),
  'cx-incident-rehearsal': reported('generic', 'The IT plan names no CX tool and no vendor contact.'),
  'bpo-activity-monitoring': reported('bpo-report'),
  // Retention
  'tool-retention-settings': reported('paper-only', 'The schedule says two years; the help desk still holds tickets from 2017.', 'documented'),
  'backup-erasure': unknown('The SaaS backup was set up by a contractor; nobody knows its retention.'),
  'retired-tool-data': reported('contract-only'),
  'marketing-audience-suppression': reported('next-refresh'),
  // Third parties
  'plugin-approval-practice': reported('install-first'),
  'installed-vs-approved': reported('some-unknown'),
  'ai-vendor-terms': reported('unclear'),
  'subprocessor-changes': reported('unread'),
  'vendor-assurance': reported('onboarding-only'),
  'vendor-support-access': reported('standing-logged'),
  'bpo-contract-terms': reported('never-used'),
  'vendor-breach-notice': reported('undue-delay'),
  // Identity
  'sso-coverage': reported('main'),
  'mfa-coverage': verified('optional', 'The policy requires MFA; the identity provider\'s report shows it optional for most agents.', 'documented'),
  'shared-accounts': reported('a-few', 'One night-shift login on the contact-centre tool.'),
  'leaver-removal': reported('local-noticed'),
  'mover-access': reported('next-review'),
  'dormant-accounts': reported('many-yearly'),
  'bpo-account-lifecycle': verified('handed-on', 'Coastline\'s roster lists 38 agents against 22 accounts; several were passed on to new hires.'),
  'service-desk-resets': reported('employee-facts'),
  'request-identity-checks': reported('id-from-all'),
};

/** Journey answers by journey id, then question id; on an organisation-wide question, the journey's override. */
export const JOURNEY_FACTS: Readonly<Record<string, Readonly<Record<string, DemoFact>>>> = {
  'phone-support': {
    'journey-data-map': verified('copies-missing', 'Traced one caller: the recording vault, QA scorecards and the weekly export were not on the map.'),
    'subject-access-copies': reported('main-only'),
    'export-destinations': reported('restricted-folder'),
    'analytics-identifiers': reported('keyed-hash'),
    'personal-messaging': reported('company-only'),
    'default-agent-role': verified('browse-and-lists', 'Logged in with a new starter\'s role: a search by partial name and the list of all accounts both worked.'),
    'export-permission': reported('dozens'),
    'sensitive-field-masking': reported('main-tool-only'),
    'special-category-records': reported('visible-all', 'Priority-service needs (medical equipment, hearing loss) show to every agent.'),
    'ticket-notes-content': verified('dob-ids', 'Fifty notes sampled: eleven with a date of birth, four with an ID number.'),
    'attachment-expiry': reported('all-agents'),
    'call-recording-card-data': verified('auto-pause', 'Ten payment calls listened to: recording paused in all of them.'),
    'transcript-redaction': reported('cards-only'),
    'macro-identity-prompts': verified('standard-script', 'The verification macro pastes the caller\'s full ID number into the case.'),
    'sensitive-field-integrations': reported('main-only'),
    'access-log-answer-time': verified('partial', 'Timed in the room: the CRM answered in minutes; the call recordings keep no record of who played them.'),
    'deletion-reach': reported('record-only'),
    'recording-retention': reported('years', 'Seven years "for disputes"; the schedule says one.', 'documented'),
    'processor-coverage': reported('assumed-processor'),
    'international-transfers': reported('covered-assessed'),
    'caller-verification': verified('questions-only', 'Agreed test call: date of birth and postcode were enough to change the e-mail address.'),
  },
  'web-chat': {
    'journey-data-map': reported('systems-missing'),
    'subject-access-copies': reported('main-only'),
    'export-destinations': reported('drives-email'),
    'analytics-identifiers': reported('shared-hash'),
    'session-replay-masking': reported('listed-only'),
    'personal-messaging': reported('company-only'),
    'default-agent-role': reported('exact-match', 'Chat customers are signed in; agents open the record the chat is linked to.'),
    'export-permission': reported('few-roles'),
    'sensitive-field-masking': disputed('masked-some-roles', 'Support says masked; security saw full card numbers in the chat tool last week.'),
    'cobrowse-visibility': reported('listed-masked'),
    'copilot-record-reach': reported('shared-index'),
    'ticket-notes-content': reported('occasional'),
    'attachment-expiry': reported('restricted-expiring'),
    'transcript-redaction': reported('redacted'),
    'macro-identity-prompts': reported('legacy'),
    'ai-summariser-input': verified('full-text', 'Seen in the Summa console: whole transcripts, nothing redacted.'),
    'sensitive-field-integrations': reported('whole-records'),
    'chatbot-data-collection': reported('account-number'),
    'customer-ai-bot-reach': na('No customer-facing bot; the AI only summarises chats for agents.'),
    'access-log-answer-time': reported('days'),
    'deletion-reach': reported('main-and-vendors'),
    'processor-coverage': reported('some-missing', 'Summa Labs has processor terms; its model provider has none we have seen.'),
    'international-transfers': reported('subprocessors-unknown'),
    'caller-verification': unknown('Nobody has tried changing an e-mail address through chat.'),
  },
  returns: {
    'journey-data-map': unknown('Nobody has followed a return from the portal to the refund.'),
    'subject-access-copies': reported('record-only'),
    'export-destinations': reported('drives-email', 'The weekly returns export sits on the shared drive back to 2022.'),
    'analytics-identifiers': reported('plain'),
    'session-replay-masking': reported('masked-default'),
    'personal-messaging': reported('callbacks'),
    'default-agent-role': reported('browse-all'),
    'export-permission': reported('most-agents'),
    'sensitive-field-masking': reported('shown'),
    'bpo-access-scope': reported('search-all'),
    'cobrowse-visibility': na('Returns has no co-browsing.'),
    'agent-devices': reported('own-browser', 'Coastline\'s home workers use their own laptops through the browser.'),
    'sso-coverage': verified('half', 'Only the help desk signs in through SSO here; the returns portal and Coastline\'s own tools keep local passwords.'),
    'ticket-notes-content': reported('routine-contact'),
    'attachment-expiry': reported('forever'),
    'macro-identity-prompts': reported('dob-in-replies'),
    'sensitive-field-integrations': unknown('The portal writes bank details into the help desk; nobody knows what else reads them.'),
    'access-log-answer-time': reported('partial'),
    'deletion-reach': reported('main-and-vendors'),
    'processor-coverage': reported('some-missing'),
    'international-transfers': reported('clauses-no-check'),
    'shared-inbox-access': verified('shared-no-mfa', 'The returns mailbox password is shared by the team and Coastline\'s agents; no MFA.'),
    'caller-verification': reported('questions-only'),
  },
};
