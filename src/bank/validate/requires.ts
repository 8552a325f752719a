/**
 * Step 5c: prerequisites between actions (SCORING.md, "Bank syntax"). An action's
 * `requires` names remediation actions the bank defines (an action is discovery when a
 * question names it as its `discovery`); a discovery action requires nothing; and no
 * chain of `requires` leads back to where it started.
 */
import { closest } from './closest.js';
import { isPlainObject, printable } from './describe.js';
import type { Locator } from './locate.js';
import type { ProblemList } from './problems.js';

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function checkRequires(data: Record<string, unknown>, locate: Locator, problems: ProblemList): void {
  const actions = list(data.actions);
  const idOf = (action: unknown) => (isPlainObject(action) && typeof action.id === 'string' ? action.id : undefined);
  /** action id -> its first index (duplicates are step 5's problem). */
  const index = new Map<string, number>();
  actions.forEach((action, a) => {
    const id = idOf(action);
    if (id !== undefined && !index.has(id)) index.set(id, a);
  });
  /** discovery action id -> the first question naming it. */
  const discoveryOf = new Map<string, string>();
  for (const question of list(data.questions)) {
    if (!isPlainObject(question) || typeof question.discovery !== 'string') continue;
    if (!discoveryOf.has(question.discovery)) discoveryOf.set(question.discovery, typeof question.id === 'string' ? question.id : '?');
  }
  const remediation = [...index.keys()].filter((id) => !discoveryOf.has(id));

  /** The valid edges, by action index, for the cycle search. */
  const edges = new Map<number, Array<{ to: number; at: number }>>();
  actions.forEach((action, a) => {
    const id = idOf(action);
    if (id === undefined || !isPlainObject(action) || index.get(id) !== a) return;
    const requires = list(action.requires);
    if (discoveryOf.has(id) && requires.length > 0) {
      problems.at(
        locate.keyOffset(['actions', a], 'requires'),
        `action "${printable(id)}" is a discovery action (question "${printable(discoveryOf.get(id)!)}" names it) and so requires nothing: finding out never waits for a fix; remove its "requires"`,
      );
      return;
    }
    const out: Array<{ to: number; at: number }> = [];
    requires.forEach((required, r) => {
      if (typeof required !== 'string') return;
      const offset = locate.valueOffset(['actions', a, 'requires', r]);
      const target = index.get(required);
      if (target === undefined) {
        const near = closest(required, remediation);
        const fix = near ? `did you mean "${near}"?` : remediation.length > 0 ? `use one of the remediation actions defined (${remediation.join(', ')}) or add it under actions` : 'add it under actions';
        problems.at(offset, `action "${printable(id)}" requires "${printable(required)}", which the bank does not define; ${fix}`);
      } else if (discoveryOf.has(required)) {
        problems.at(
          offset,
          `action "${printable(id)}" requires "${printable(required)}", a discovery action (question "${printable(discoveryOf.get(required)!)}" names it); require remediation actions only`,
        );
      } else {
        out.push({ to: target, at: offset });
      }
    });
    edges.set(a, out);
  });

  for (const cycle of findCycles(edges)) {
    const names = [...cycle.map((step) => idOf(actions[step.from])!), idOf(actions[cycle[0]!.from])!].map((id) => printable(id));
    problems.at(
      cycle[0]!.at,
      `the requires of action "${names[0]}" go round in a cycle: ${names.join(' -> ')}; remove one of these requirements so that one action comes first`,
    );
  }
}

interface Step {
  from: number;
  to: number;
  at: number;
}

/**
 * One cycle per strongly connected component that has one (Tarjan), starting at its
 * first action in file order and following the shortest way back to it.
 */
function findCycles(edges: Map<number, Array<{ to: number; at: number }>>): Step[][] {
  const order = new Map<number, number>();
  const low = new Map<number, number>();
  const stack: number[] = [];
  const onStack = new Set<number>();
  const components: number[][] = [];
  let counter = 0;
  // Iterative, so that a long chain of requires cannot overflow the call stack.
  for (const start of [...edges.keys()].sort((a, b) => a - b)) {
    if (order.has(start)) continue;
    const work: Array<{ node: number; next: number }> = [{ node: start, next: 0 }];
    order.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const out = edges.get(frame.node) ?? [];
      if (frame.next < out.length) {
        const { to } = out[frame.next++]!;
        if (!edges.has(to)) continue;
        if (!order.has(to)) {
          order.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, order.get(to)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === order.get(frame.node)) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  const cycles: Step[][] = [];
  for (const component of components) {
    const members = new Set(component);
    const first = Math.min(...component);
    // Breadth first from the first action, within the component, back to it.
    const cameFrom = new Map<number, Step>();
    const queue = [first];
    let closing: Step | undefined;
    for (let i = 0; i < queue.length && !closing; i++) {
      const node = queue[i]!;
      for (const { to, at } of edges.get(node) ?? []) {
        if (!members.has(to)) continue;
        if (to === first) {
          closing = { from: node, to, at };
          break;
        }
        if (cameFrom.has(to)) continue;
        cameFrom.set(to, { from: node, to, at });
        queue.push(to);
      }
    }
    if (!closing) continue; // a single action that does not require itself
    const steps = [closing];
    while (steps[0]!.from !== first) steps.unshift(cameFrom.get(steps[0]!.from)!);
    cycles.push(steps);
  }
  return cycles.sort((a, b) => a[0]!.from - b[0]!.from);
}
