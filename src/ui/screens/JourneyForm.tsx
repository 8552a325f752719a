import { useCallback, useMemo, useRef, useState } from 'react';
import { Box } from 'ink';
import { capitalised, scopeNamesOf } from '../../core/bank-words.js';
import { updateJourney } from '../../core/setup-ops.js';
import { plainLine } from '../../core/terminal-text.js';
import type { Channel, DataCategory, Sensitivity } from '../../core/vocabulary.js';
import { addJourney, updateAssessment } from '../../core/workbook-ops.js';
import { Gone } from '../components/AssessmentGone.js';
import { Form, type FormHandle, type FormValues } from '../components/Form.js';
import { adjustJourney, journeyFields, journeyInitial, journeyRemark, withSystemTicked } from '../journey-form.js';
import { commandFor } from '../keybindings.js';
import { useNav } from '../navigation.js';
import type { AssessmentProps } from '../screen-props.js';
import { ShellContext, useQuitGuard, useShell, type QuitGuard, type Shell } from '../shell.js';
import { SystemForm } from './SystemForm.js';

/**
 * A journey's set-up: name, description, channels, data categories, sensitivity
 * (suggested from the categories until set by hand) and the systems it passes through.
 * `a` on the systems opens a new system's form in its place (the journey form stays
 * mounted, hidden, with what was typed); once saved, the system is ticked. Ctrl-C asks
 * about the system's typing first, then the journey's.
 */
export function JourneyForm(props: AssessmentProps & { journeyId?: string | undefined }) {
  const { apply, assessment, bank, journeyId } = props;
  const nav = useNav();
  const shell = useShell();
  const names = scopeNamesOf(bank);
  const assessmentId = assessment.id;
  const journey = journeyId ? assessment.journeys.find((j) => j.id === journeyId) : undefined;
  const [adding, setAdding] = useState(false);
  const addingRef = useRef(false);
  const form = useRef<FormHandle | undefined>(undefined);
  const journeyGuard = useRef<QuitGuard | undefined>(undefined);
  const systemGuard = useRef<QuitGuard | undefined>(undefined);

  const showAdding = useCallback((on: boolean) => {
    addingRef.current = on;
    setAdding(on);
  }, []);
  // Ctrl-C: the system's form asks first; once it lets go it closes, and the journey's asks.
  const guard = useCallback(() => {
    if (addingRef.current) {
      if (systemGuard.current?.()) return true;
      showAdding(false);
    }
    return journeyGuard.current?.() ?? false;
  }, [showAdding]);
  useQuitGuard(guard);
  const journeyShell = useMemo<Shell>(
    () => ({ ...shell, active: shell.active && !adding, setQuitGuard: (g) => void (journeyGuard.current = g) }),
    [shell, adding],
  );
  const systemShell = useMemo<Shell>(
    () => ({
      ...shell,
      setQuitGuard: (g) => void (systemGuard.current = g),
      // "Quit without it": the journey's typing may still be asked about.
      forceQuit: () => {
        showAdding(false);
        if (journeyGuard.current?.()) return;
        shell.forceQuit();
      },
    }),
    [shell, showAdding],
  );

  if (journeyId && !journey) return <Gone scope="form" what={names.singular} />;

  const onSave = (values: FormValues): string | undefined => {
    const name = String(values.name ?? '').trim();
    if (!name) return 'Type a name first, or press Esc to go back.';
    const input = {
      name,
      description: String(values.description ?? '').trim(),
      channels: values.channels as Channel[],
      dataCategories: values.dataCategories as DataCategory[],
      sensitivity: values.sensitivity as Sensitivity,
      systemIds: values.systemIds as string[],
    };
    if (journey) {
      apply((w) => updateAssessment(w, assessmentId, (a) => updateJourney(a, journey.id, input)));
      nav.back(journey.id);
    } else {
      const { id } = addJourney(assessment, input);
      apply((w) => updateAssessment(w, assessmentId, (a) => addJourney(a, input).assessment));
      nav.back(id);
    }
    return undefined;
  };

  const onFieldKey = (fieldId: string, input: string, key: Parameters<typeof commandFor>[2]): boolean => {
    if (fieldId !== 'systemIds' || commandFor('form', input, key) !== 'add-system') return false;
    showAdding(true);
    return true;
  };

  const trail = [assessment.name, journey ? journey.name : `New ${names.singular}`];
  return (
    <>
      <Box display={adding ? 'none' : 'flex'} flexDirection="column" flexGrow={1}>
        <ShellContext.Provider value={journeyShell}>
          <Form
            key={journeyId ?? 'new'}
            trail={trail}
            title={journey ? `${capitalised(names.singular)}: ${plainLine(journey.name)}` : `New ${names.singular}`}
            fields={journeyFields(assessment)}
            initial={journeyInitial(assessment, journey)}
            adjust={adjustJourney}
            remark={journeyRemark}
            onSave={onSave}
            onLeave={() => nav.back()}
            onFieldKey={onFieldKey}
            handle={form}
          />
        </ShellContext.Provider>
      </Box>
      {adding ? (
        <ShellContext.Provider value={systemShell}>
          <SystemForm
            {...props}
            trail={[...trail, 'New system']}
            onSaved={(systemId) => {
              const before = form.current?.values().systemIds;
              const order = [...assessment.systems.map((s) => s.id), systemId];
              const ticked = withSystemTicked(Array.isArray(before) ? before : [], systemId, order);
              showAdding(false);
              form.current?.change('systemIds', ticked.systemIds, ticked.cursor);
            }}
            onLeave={() => showAdding(false)}
          />
        </ShellContext.Provider>
      ) : null}
    </>
  );
}
