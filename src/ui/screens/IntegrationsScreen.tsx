import { Box } from 'ink';
import { removeIntegration } from '../../core/setup-ops.js';
import { plainLine } from '../../core/terminal-text.js';
import { updateAssessment } from '../../core/workbook-ops.js';
import { useNav } from '../navigation.js';
import type { AssessmentProps } from '../screen-props.js';
import { shareColumns, widest } from '../column-widths.js';
import { Cell } from '../components/Cell.js';
import { EntityList } from '../components/EntityList.js';
import { useShell } from '../shell.js';

const LOGGED: Record<string, string> = { yes: 'logged', no: 'NOT logged', unknown: 'logged?' };

/** The integrations of an assessment: from, to, read or write, which fields, logged or not. */
export function IntegrationsScreen({ apply, assessment, focus }: AssessmentProps & { focus?: string | undefined }) {
  const shell = useShell();
  const nav = useNav();
  const assessmentId = assessment.id;
  const name = (id: string) => plainLine(assessment.systems.find((s) => s.id === id)?.name ?? id);
  const rest = Math.max(30, shell.size.columns - 2 - 7 - 11 - 3);
  const texts = assessment.integrations.map((i) => ({ from: `${name(i.from)} →`, to: name(i.to), fields: i.fields.map(plainLine).join(', ') || '—' }));
  const longest = (pick: (t: (typeof texts)[number]) => string, header: string) => widest([header, ...texts.map(pick)]);
  // Each column its share of the room, but no wider than its longest text (at 200 columns they stood 50 apart).
  const [fromWidth, toWidth, fieldsWidth] = shareColumns(rest - 3, [
    { share: 0.28, longest: longest((t) => t.from, 'From') },
    { share: 0.28, longest: longest((t) => t.to, 'To') },
    { share: 0.44, longest: longest((t) => t.fields, 'Fields') },
  ]) as [number, number, number];
  const columns = (from: string, to: string, access: string, fields: string, logged: string, dim = false) => (
    <Box>
      <Cell width={fromWidth} dim={dim}>{from}</Cell>
      <Cell width={toWidth} dim={dim}>{to}</Cell>
      <Cell width={6} dim={dim}>{access}</Cell>
      <Cell width={fieldsWidth} dim={dim}>{fields}</Cell>
      <Cell width={10} dim={dim}>{logged}</Cell>
    </Box>
  );
  const rows = assessment.integrations.map((i, n) => ({
    key: i.id,
    label: columns(texts[n]!.from, texts[n]!.to, i.access, texts[n]!.fields, LOGGED[i.logged] ?? i.logged),
  }));
  return (
    <EntityList
      scope="integrations"
      trail={[assessment.name, 'Integrations']}
      intro={
        assessment.systems.length < 2
          ? 'An integration joins two systems: add the systems first (Esc, then s).'
          : 'What moves customer data between systems, and whether anyone could see it happen.'
      }
      header={assessment.integrations.length > 0 ? columns('From', 'To', 'Access', 'Fields', 'Logged', true) : undefined}
      rows={rows}
      addLabel="+ Add integration"
      focus={focus}
      onAdd={() => nav.go({ name: 'integration-form', assessmentId })}
      onEdit={(integrationId) => nav.go({ name: 'integration-form', assessmentId, integrationId })}
      onBack={() => nav.back()}
      removal={(id) => {
        const i = assessment.integrations.find((x) => x.id === id);
        return `Remove the integration ${i ? `${name(i.from)} → ${name(i.to)}` : id}? Nothing else goes with it. Press y to remove it, any other key to keep it.`;
      }}
      onRemove={(id) => apply((w) => updateAssessment(w, assessmentId, (a) => removeIntegration(a, id)))}
    />
  );
}
