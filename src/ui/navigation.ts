/**
 * Where the user is: screens are states of one reducer, and every move between them is
 * a tagged action. Each screen keeps its own local state (a list cursor, a text field);
 * `focus` remembers which row to highlight when coming back up to a list.
 */
export type Screen =
  | { name: 'home'; focus?: string }
  | { name: 'assessment-form'; assessmentId?: string }
  | { name: 'assessment'; assessmentId: string; focus?: string }
  | { name: 'journey-form'; assessmentId: string; journeyId?: string }
  | { name: 'systems'; assessmentId: string; focus?: string }
  | { name: 'system-form'; assessmentId: string; systemId?: string }
  | { name: 'integrations'; assessmentId: string; focus?: string }
  | { name: 'integration-form'; assessmentId: string; integrationId?: string }
  | { name: 'walk'; assessmentId: string; journeyId: string; questionId?: string }
  | { name: 'results'; assessmentId: string }
  | { name: 'plan'; assessmentId: string; focus?: string }
  | { name: 'plan-status'; assessmentId: string; actionId: string }
  | { name: 'compare'; assessmentId: string; from: 'assessment' | 'results' };

export type ScreenKind = Screen['name'];

export type Navigation =
  | { type: 'open-home'; focus?: string }
  | { type: 'create-assessment' }
  | { type: 'edit-assessment'; assessmentId: string }
  | { type: 'open-assessment'; assessmentId: string; focus?: string }
  | { type: 'create-journey'; assessmentId: string }
  | { type: 'edit-journey'; assessmentId: string; journeyId: string }
  | { type: 'open-systems'; assessmentId: string; focus?: string }
  | { type: 'create-system'; assessmentId: string }
  | { type: 'edit-system'; assessmentId: string; systemId: string }
  | { type: 'open-integrations'; assessmentId: string; focus?: string }
  | { type: 'create-integration'; assessmentId: string }
  | { type: 'edit-integration'; assessmentId: string; integrationId: string }
  | { type: 'walk-journey'; assessmentId: string; journeyId: string; questionId?: string }
  | { type: 'open-results'; assessmentId: string }
  | { type: 'open-plan'; assessmentId: string; focus?: string }
  | { type: 'edit-plan-status'; assessmentId: string; actionId: string }
  | { type: 'open-compare'; assessmentId: string; from: 'assessment' | 'results' }
  | { type: 'back' };

export function checkExhaustive(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}

/** The screen one level up from `screen`, with the row it came from highlighted. */
export function parentOf(screen: Screen): Screen {
  switch (screen.name) {
    case 'home':
      return screen;
    case 'assessment-form':
      return { name: 'home', ...(screen.assessmentId ? { focus: screen.assessmentId } : {}) };
    case 'assessment':
      return { name: 'home', focus: screen.assessmentId };
    case 'journey-form':
      return { name: 'assessment', assessmentId: screen.assessmentId, ...(screen.journeyId ? { focus: screen.journeyId } : {}) };
    case 'walk':
      return { name: 'assessment', assessmentId: screen.assessmentId, focus: screen.journeyId };
    case 'systems':
      return { name: 'assessment', assessmentId: screen.assessmentId, focus: 'systems' };
    case 'integrations':
      return { name: 'assessment', assessmentId: screen.assessmentId, focus: 'integrations' };
    case 'results':
      return { name: 'assessment', assessmentId: screen.assessmentId, focus: 'results' };
    case 'plan':
      return { name: 'assessment', assessmentId: screen.assessmentId, focus: 'plan' };
    case 'plan-status':
      return { name: 'plan', assessmentId: screen.assessmentId, focus: screen.actionId };
    case 'compare':
      return screen.from === 'results'
        ? { name: 'results', assessmentId: screen.assessmentId }
        : { name: 'assessment', assessmentId: screen.assessmentId, focus: 'compare' };
    case 'system-form':
      return { name: 'systems', assessmentId: screen.assessmentId, ...(screen.systemId ? { focus: screen.systemId } : {}) };
    case 'integration-form':
      return { name: 'integrations', assessmentId: screen.assessmentId, ...(screen.integrationId ? { focus: screen.integrationId } : {}) };
    default:
      return checkExhaustive(screen);
  }
}

export function navigate(screen: Screen, action: Navigation): Screen {
  const focus = (f: string | undefined) => (f === undefined ? {} : { focus: f });
  switch (action.type) {
    case 'open-home':
      return { name: 'home', ...focus(action.focus) };
    case 'create-assessment':
      return { name: 'assessment-form' };
    case 'edit-assessment':
      return { name: 'assessment-form', assessmentId: action.assessmentId };
    case 'open-assessment':
      return { name: 'assessment', assessmentId: action.assessmentId, ...focus(action.focus) };
    case 'create-journey':
      return { name: 'journey-form', assessmentId: action.assessmentId };
    case 'edit-journey':
      return { name: 'journey-form', assessmentId: action.assessmentId, journeyId: action.journeyId };
    case 'open-systems':
      return { name: 'systems', assessmentId: action.assessmentId, ...focus(action.focus) };
    case 'create-system':
      return { name: 'system-form', assessmentId: action.assessmentId };
    case 'edit-system':
      return { name: 'system-form', assessmentId: action.assessmentId, systemId: action.systemId };
    case 'open-integrations':
      return { name: 'integrations', assessmentId: action.assessmentId, ...focus(action.focus) };
    case 'create-integration':
      return { name: 'integration-form', assessmentId: action.assessmentId };
    case 'edit-integration':
      return { name: 'integration-form', assessmentId: action.assessmentId, integrationId: action.integrationId };
    case 'walk-journey':
      return {
        name: 'walk',
        assessmentId: action.assessmentId,
        journeyId: action.journeyId,
        ...(action.questionId ? { questionId: action.questionId } : {}),
      };
    case 'open-results':
      return { name: 'results', assessmentId: action.assessmentId };
    case 'open-plan':
      return { name: 'plan', assessmentId: action.assessmentId, ...focus(action.focus) };
    case 'edit-plan-status':
      return { name: 'plan-status', assessmentId: action.assessmentId, actionId: action.actionId };
    case 'open-compare':
      return { name: 'compare', assessmentId: action.assessmentId, from: action.from };
    case 'back':
      return parentOf(screen);
    default:
      return checkExhaustive(action);
  }
}
