import { Box } from 'ink';
import { capitalised, inScopeWords, scopeNamesOf } from '../../core/bank-words.js';
import { removeSystem, systemRemovalImpact } from '../../core/setup-ops.js';
import { plainLine } from '../../core/terminal-text.js';
import { updateAssessment } from '../../core/workbook-ops.js';
import { useNav } from '../navigation.js';
import type { AssessmentProps } from '../screen-props.js';
import { shareColumns, widest } from '../column-widths.js';
import { Cell } from '../components/Cell.js';
import { EntityList } from '../components/EntityList.js';
import { useShell } from '../shell.js';
import { plural } from '../words.js';

/** The systems of an assessment: name, kind, owner, vendor, and how many journeys (or what the bank assesses) use each. */
export function SystemsScreen({ apply, assessment, bank, focus }: AssessmentProps & { focus?: string | undefined }) {
  const shell = useShell();
  const nav = useNav();
  const assessmentId = assessment.id;
  const names = scopeNamesOf(bank);
  // The count's column is headed by what the bank assesses ("Applications"), and as wide as that word.
  const countHeader = capitalised(names.plural);
  const countWidth = Math.max(8, countHeader.length);
  const rest = Math.max(30, shell.size.columns - 2 - 18 - (countWidth + 1) - 4);
  const longest = (pick: (s: (typeof assessment.systems)[number]) => string, header: string) => widest([header, ...assessment.systems.map((s) => plainLine(pick(s)) || '—')]);
  // Each column its share of the room, but no wider than its longest text (at 200 columns they stood 50 apart).
  const [nameWidth, ownerWidth, vendorWidth] = shareColumns(rest - 2, [
    { share: 0.4, longest: longest((s) => s.name, 'System') },
    { share: 0.3, longest: longest((s) => s.owner, 'Owner') },
    { share: 0.3, longest: longest((s) => s.vendor, 'Vendor') },
  ]) as [number, number, number];
  const columns = (name: string, kind: string, owner: string, vendor: string, journeys: string, dim = false) => (
    <Box>
      <Cell width={nameWidth} dim={dim}>{name}</Cell>
      <Cell width={17} dim={dim}>{kind}</Cell>
      <Cell width={ownerWidth} dim={dim}>{owner}</Cell>
      <Cell width={vendorWidth} dim={dim}>{vendor}</Cell>
      <Cell width={countWidth} right dim={dim}>{journeys}</Cell>
    </Box>
  );
  const rows = assessment.systems.map((s) => ({
    key: s.id,
    label: columns(
      plainLine(s.name),
      s.kind,
      plainLine(s.owner) || '—',
      plainLine(s.vendor) || '—',
      String(assessment.journeys.filter((j) => j.systemIds.includes(s.id)).length),
    ),
  }));
  return (
    <EntityList
      scope="systems"
      trail={[assessment.name, 'Systems']}
      intro={inScopeWords('The systems the journeys pass through: e on a journey ticks them.', names)}
      header={assessment.systems.length > 0 ? columns('System', 'Kind', 'Owner', 'Vendor', countHeader, true) : undefined}
      rows={rows}
      addLabel="+ Add system"
      focus={focus}
      onAdd={() => nav.go({ name: 'system-form', assessmentId })}
      onEdit={(systemId) => nav.go({ name: 'system-form', assessmentId, systemId })}
      onBack={() => nav.back()}
      removal={(id) => {
        const system = assessment.systems.find((s) => s.id === id);
        const impact = systemRemovalImpact(assessment, id);
        const goes = [
          impact.journeys.length ? `takes it off ${plural(impact.journeys.length, names.singular, names.plural)}` : '',
          impact.integrations.length ? `deletes ${plural(impact.integrations.length, 'integration')}` : '',
        ].filter(Boolean);
        return `Removing '${plainLine(system?.name ?? id)}' ${goes.length ? goes.join(' and ') : 'touches nothing else'}; answers stay. Press y to remove it, any other key to keep it.`;
      }}
      onRemove={(id) => apply((w) => updateAssessment(w, assessmentId, (a) => removeSystem(a, id)))}
    />
  );
}
