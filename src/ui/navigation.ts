/**
 * Where the user is: screens are states of one reducer, and every move between them is
 * a tagged action. Each screen keeps its own local state (a list cursor, a text field).
 */
export type Screen =
  | { name: 'home' }
  | { name: 'new-assessment' }
  | { name: 'assessment'; assessmentId: string }
  | { name: 'new-journey'; assessmentId: string }
  | { name: 'walk'; assessmentId: string; journeyId: string };

export type Navigation =
  | { type: 'open-home' }
  | { type: 'create-assessment' }
  | { type: 'open-assessment'; assessmentId: string }
  | { type: 'create-journey'; assessmentId: string }
  | { type: 'walk-journey'; assessmentId: string; journeyId: string }
  | { type: 'back' };

function checkExhaustive(value: never): never {
  throw new Error(`unhandled navigation: ${JSON.stringify(value)}`);
}

/** The screen one level up from `screen`. */
function parentOf(screen: Screen): Screen {
  switch (screen.name) {
    case 'home':
    case 'new-assessment':
    case 'assessment':
      return { name: 'home' };
    case 'new-journey':
    case 'walk':
      return { name: 'assessment', assessmentId: screen.assessmentId };
    default:
      return checkExhaustive(screen);
  }
}

export function navigate(screen: Screen, action: Navigation): Screen {
  switch (action.type) {
    case 'open-home':
      return { name: 'home' };
    case 'create-assessment':
      return { name: 'new-assessment' };
    case 'open-assessment':
      return { name: 'assessment', assessmentId: action.assessmentId };
    case 'create-journey':
      return { name: 'new-journey', assessmentId: action.assessmentId };
    case 'walk-journey':
      return { name: 'walk', assessmentId: action.assessmentId, journeyId: action.journeyId };
    case 'back':
      return parentOf(screen);
    default:
      return checkExhaustive(action);
  }
}
