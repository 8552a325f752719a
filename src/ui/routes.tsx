/**
 * Every screen, registered once: the key scope it opens in, its parent (where Back goes
 * when nothing is below it on the stack, and the row to highlight there) and how it
 * renders. A screen of one assessment gets the assessment looked up once by the app;
 * when it has left the workbook the app draws "gone" instead, which answers Esc itself.
 *
 * A new screen: a member of `Screen` (navigation.ts), its entry here, and `nav.go(...)`
 * from the screen that opens it. The compiler asks for the entry.
 */
import type { ReactNode } from 'react';
import type { KeyScope } from './keybindings.js';
import { ORGANISATION_ROW, type Screen, type ScreenKind } from './navigation.js';
import type { AssessmentProps, ScreenProps } from './screen-props.js';
import { AssessmentForm } from './screens/AssessmentForm.js';
import { AssessmentScreen } from './screens/AssessmentScreen.js';
import { CompareScreen } from './screens/CompareScreen.js';
import { ControlsScreen } from './screens/ControlsScreen.js';
import { EvidenceForm } from './screens/EvidenceForm.js';
import { EvidenceScreen } from './screens/EvidenceScreen.js';
import { HomeScreen } from './screens/HomeScreen.js';
import { IntegrationForm } from './screens/IntegrationForm.js';
import { IntegrationsScreen } from './screens/IntegrationsScreen.js';
import { JourneyForm } from './screens/JourneyForm.js';
import { ParkedFormScreen } from './screens/ParkedForm.js';
import { ParkingLotScreen } from './screens/ParkingLotScreen.js';
import { PlanScreen } from './screens/PlanScreen.js';
import { PlanStatusForm } from './screens/PlanStatusForm.js';
import { RequestsScreen } from './screens/RequestsScreen.js';
import { ResultsScreen } from './screens/ResultsScreen.js';
import { SessionForm } from './screens/SessionForm.js';
import { SignoffForm } from './screens/SignoffForm.js';
import { SystemForm } from './screens/SystemForm.js';
import { SystemsScreen } from './screens/SystemsScreen.js';
import { WalkScreen } from './screens/WalkScreen.js';

type Of<N extends ScreenKind> = Extract<Screen, { name: N }>;

export type Route<N extends ScreenKind> = {
  /** The key scope the screen opens in (its footer, its `?`, its "gone" view). */
  scope: KeyScope;
  /** The screen one level up, with the row this one came from highlighted. */
  parent: (screen: Of<N>) => Screen;
} & (
  | { ofAssessment: true; render: (screen: Of<N> & { assessmentId: string }, props: AssessmentProps) => ReactNode }
  | { ofAssessment: false; render: (screen: Of<N>, props: ScreenProps) => ReactNode }
);

const home: Screen = { name: 'home' };
const assessment = (assessmentId: string, focus?: string): Screen => ({ name: 'assessment', assessmentId, ...(focus ? { focus } : {}) });
/** The walk on one question: a journey's, or the organisation-wide one's (journeyId null). */
const walkOf = (assessmentId: string, journeyId: string | null, questionId: string): Screen =>
  journeyId === null ? { name: 'organisation', assessmentId, questionId } : { name: 'walk', assessmentId, journeyId, questionId };

export const ROUTES: { [N in ScreenKind]: Route<N> } = {
  home: { scope: 'home', ofAssessment: false, parent: () => home, render: (s, p) => <HomeScreen {...p} focus={s.focus} /> },
  'assessment-form': {
    scope: 'form',
    ofAssessment: false,
    parent: (s) => ({ name: 'home', ...(s.assessmentId ? { focus: s.assessmentId } : {}) }),
    render: (s, p) => <AssessmentForm {...p} assessmentId={s.assessmentId} />,
  },
  assessment: { scope: 'assessment', ofAssessment: true, parent: (s) => ({ name: 'home', focus: s.assessmentId }), render: (s, p) => <AssessmentScreen {...p} focus={s.focus} /> },
  'journey-form': {
    scope: 'form',
    ofAssessment: true,
    parent: (s) => assessment(s.assessmentId, s.journeyId),
    render: (s, p) => <JourneyForm {...p} journeyId={s.journeyId} />,
  },
  systems: { scope: 'systems', ofAssessment: true, parent: (s) => assessment(s.assessmentId, 'systems'), render: (s, p) => <SystemsScreen {...p} focus={s.focus} /> },
  'system-form': {
    scope: 'form',
    ofAssessment: true,
    parent: (s) => ({ name: 'systems', assessmentId: s.assessmentId, ...(s.systemId ? { focus: s.systemId } : {}) }),
    render: (s, p) => <SystemForm {...p} systemId={s.systemId} />,
  },
  integrations: {
    scope: 'integrations',
    ofAssessment: true,
    parent: (s) => assessment(s.assessmentId, 'integrations'),
    render: (s, p) => <IntegrationsScreen {...p} focus={s.focus} />,
  },
  'integration-form': {
    scope: 'form',
    ofAssessment: true,
    parent: (s) => ({ name: 'integrations', assessmentId: s.assessmentId, ...(s.integrationId ? { focus: s.integrationId } : {}) }),
    render: (s, p) => <IntegrationForm {...p} integrationId={s.integrationId} />,
  },
  walk: {
    scope: 'walk',
    ofAssessment: true,
    parent: (s) => assessment(s.assessmentId, s.journeyId),
    render: (s, p) => <WalkScreen {...p} journeyId={s.journeyId} questionId={s.questionId} />,
  },
  organisation: {
    scope: 'walk',
    ofAssessment: true,
    parent: (s) => assessment(s.assessmentId, ORGANISATION_ROW),
    render: (s, p) => <WalkScreen {...p} journeyId={null} questionId={s.questionId} />,
  },
  results: { scope: 'results', ofAssessment: true, parent: (s) => assessment(s.assessmentId, 'results'), render: (s, p) => <ResultsScreen {...p} screen={s} /> },
  plan: { scope: 'plan', ofAssessment: true, parent: (s) => assessment(s.assessmentId, 'plan'), render: (s, p) => <PlanScreen {...p} focus={s.focus} /> },
  'plan-status': {
    scope: 'form',
    ofAssessment: true,
    parent: (s) => ({ name: 'plan', assessmentId: s.assessmentId, focus: s.actionId }),
    render: (s, p) => <PlanStatusForm {...p} actionId={s.actionId} />,
  },
  signoff: {
    scope: 'form',
    ofAssessment: true,
    parent: (s) => ({ name: 'plan', assessmentId: s.assessmentId }),
    render: (_, p) => <SignoffForm {...p} />,
  },
  compare: { scope: 'compare', ofAssessment: true, parent: (s) => assessment(s.assessmentId, 'compare'), render: (_, p) => <CompareScreen {...p} /> },
  parking: {
    scope: 'parking',
    ofAssessment: true,
    parent: (s) => assessment(s.assessmentId, 'parking'),
    render: (s, p) => <ParkingLotScreen {...p} focus={s.focus} />,
  },
  'parked-form': {
    scope: 'form',
    ofAssessment: true,
    parent: (s) => ({ name: 'parking', assessmentId: s.assessmentId, ...(s.itemId ? { focus: s.itemId } : {}) }),
    render: (s, p) => <ParkedFormScreen {...p} itemId={s.itemId} />,
  },
  'session-form': { scope: 'form', ofAssessment: true, parent: (s) => assessment(s.assessmentId), render: (_, p) => <SessionForm {...p} /> },
  'evidence-form': {
    scope: 'form',
    ofAssessment: true,
    parent: (s) => walkOf(s.assessmentId, s.journeyId, s.questionId),
    render: (s, p) => <EvidenceForm {...p} journeyId={s.journeyId} questionId={s.questionId} collectedBy={s.collectedBy} requestId={s.requestId} />,
  },
  evidence: {
    scope: 'evidence',
    ofAssessment: true,
    parent: (s) => walkOf(s.assessmentId, s.journeyId, s.questionId),
    render: (s, p) => <EvidenceScreen {...p} journeyId={s.journeyId} questionId={s.questionId} collectedBy={s.collectedBy} requestId={s.requestId} focus={s.focus} />,
  },
  requests: { scope: 'requests', ofAssessment: true, parent: (s) => assessment(s.assessmentId, 'requests'), render: (s, p) => <RequestsScreen {...p} focus={s.focus} /> },
  controls: { scope: 'controls', ofAssessment: true, parent: (s) => assessment(s.assessmentId, 'controls'), render: (_, p) => <ControlsScreen {...p} /> },
};

/** The route of a screen (the table, typed for any screen). */
export function routeOf(screen: Screen): Route<ScreenKind> {
  return ROUTES[screen.name] as unknown as Route<ScreenKind>;
}

/** The screen one level up from `screen`. */
export const parentOf = (screen: Screen): Screen => (routeOf(screen).parent as (s: Screen) => Screen)(screen);
