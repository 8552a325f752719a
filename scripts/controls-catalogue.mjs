/**
 * Regenerates the control catalogue (src/core/controls/*-data.ts) from the framework
 * libraries of CISO Assistant (intuitem/ciso-assistant-community). Only facts are taken:
 * control ids, their hierarchy and official names; the libraries' own descriptions are
 * not copied. Titles that a framework does not name (PCI DSS sub-requirements, GDPR
 * paragraphs, SOC 2 criteria) come from the tables below, written for cxray.
 *
 *   node scripts/controls-catalogue.mjs /path/to/ciso-assistant-community/.git
 *
 * It reads the files at the commit named in SOURCE_COMMIT with `git show`, so a newer
 * checkout gives the same catalogue until that constant is changed on purpose.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const SOURCE_REPO = 'intuitem/ciso-assistant-community';
const SOURCE_COMMIT = 'f990d7b1b9a9f56e391acbc247c9076262a11412';
const LIB = 'backend/library/libraries';
const gitDir = process.argv[2];
if (!gitDir) {
  console.error('usage: node scripts/controls-catalogue.mjs PATH-TO-ciso-assistant-community-GIT-DIR');
  process.exit(2);
}
const load = (file) =>
  parse(execFileSync('git', ['--git-dir', gitDir, 'show', `${SOURCE_COMMIT}:${LIB}/${file}`], { encoding: 'utf8', maxBuffer: 1 << 28 }));
const nodesOf = (file) => load(file).objects.framework.requirement_nodes;
const byUrn = (nodes) => new Map(nodes.map((n) => [n.urn, n]));
const clean = (s) => String(s).replace(/\s+/g, ' ').trim();

// ---------------------------------------------------------------- ISO/IEC 27001:2022
function iso2022() {
  const nodes = nodesOf('iso27001-2022.yaml');
  const urn = byUrn(nodes);
  const out = [];
  for (const n of nodes) {
    if (!n.ref_id || n.ref_id === 'core' || n.ref_id === 'annex-a') continue;
    const parent = n.parent_urn ? urn.get(n.parent_urn)?.ref_id : undefined;
    out.push([n.ref_id, clean(n.name), parent === 'core' || parent === 'annex-a' ? undefined : parent]);
  }
  return out;
}

// ---------------------------------------------------------------- ISO/IEC 27001:2013 -> 2022
// Corrections to the library's mapping, from the correspondence table of ISO/IEC
// 27002:2022 (Annex B, table B.2) as published by isms.online and hicomply: the library
// leaves these 2013 controls out, or sends A.13.2.1-3 to A.8.14 (redundancy).
const MAP_2013_FIXES = {
  'A.6.1.3': ['A.5.5'],
  'A.6.1.4': ['A.5.6'],
  'A.6.1.5': ['A.5.8'],
  'A.9.2.5': ['A.5.18'],
  'A.9.2.6': ['A.5.18'],
  'A.12.6.2': ['A.8.19'],
  'A.12.7.1': ['A.8.34'],
  'A.13.2.1': ['A.5.14'],
  'A.13.2.2': ['A.5.14'],
  'A.13.2.3': ['A.5.14'],
  'A.14.2.3': ['A.8.32'],
  'A.14.2.4': ['A.8.32'],
};
function iso2013Map() {
  const names = new Map(
    nodesOf('iso27001-2013.yaml')
      .filter((n) => /^A\.\d+\.\d+\.\d+$/.test(n.ref_id ?? ''))
      .map((n) => [n.ref_id, clean(n.name)]),
  );
  const set = load('mapping-iso27001-2013-to-iso27001-2022.yaml').objects.requirement_mapping_set;
  const map = new Map();
  for (const r of set.requirement_mappings) {
    const from = r.source_requirement_urn.split(':').pop().toUpperCase().replace(/^A\./, 'A.');
    const to = r.target_requirement_urn.split(':').pop().toUpperCase();
    if (!/^A\.\d+\.\d+\.\d+$/.test(from)) continue;
    if (!map.has(from)) map.set(from, []);
    if (!map.get(from).includes(to)) map.get(from).push(to);
  }
  for (const [from, to] of Object.entries(MAP_2013_FIXES)) map.set(from, to);
  const order = (id) => id.slice(2).split('.').map(Number);
  const cmp = (a, b) => {
    const x = order(a), y = order(b);
    for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
    return 0;
  };
  return [...names.keys()].sort(cmp).map((id) => {
    if (!map.has(id)) throw new Error(`no 2022 id for ${id}`);
    return [id, names.get(id), map.get(id)];
  });
}

// ---------------------------------------------------------------- NIST CSF 2.0
// NIST's text is a work of the US government (not subject to copyright in the US), so
// the subcategory outcome statements are kept as they are: they are the subcategories'
// only names.
function csf() {
  const nodes = nodesOf('nist-csf-2.0.yaml');
  const urn = byUrn(nodes);
  return nodes.map((n) => {
    const parent = n.parent_urn ? urn.get(n.parent_urn)?.ref_id : undefined;
    const title = n.depth === 3 ? clean(n.description) : titleCase(clean(n.name));
    return [n.ref_id, title, parent];
  });
}
const titleCase = (s) => (s === s.toUpperCase() ? s[0] + s.slice(1).toLowerCase() : s);

// ---------------------------------------------------------------- PCI DSS 4.0.1
// Official names: the twelve principal requirements and their sections (x.y). Below
// that PCI DSS has no names, only requirement text; cxray gives a short title of its own
// to every requirement it or the reference material cites, and keeps the opening
// sentence of the requirement for the others, so that each id can be recognised.
const PCI_TITLES = {
  '1.2.4': 'Accurate, current account-data flow diagrams',
  '3.2.1': 'Account data storage kept to a minimum by retention and disposal rules',
  '3.3.1': 'No sensitive authentication data kept after authorisation',
  '3.3.1.1': 'No full track data kept after authorisation',
  '3.3.1.2': 'No card verification code kept after authorisation',
  '3.3.1.3': 'No PIN or PIN block kept after authorisation',
  '3.3.2': 'Sensitive authentication data encrypted before authorisation',
  '3.4.1': 'PAN masked when displayed',
  '3.4.2': 'Remote-access technologies prevent copying or moving PAN',
  '3.5.1': 'PAN unreadable wherever it is stored',
  '4.2.2': 'PAN secured when sent by end-user messaging',
  '6.5.5': 'No live PANs in pre-production environments',
  '7.2.1': 'Access control model defined',
  '7.2.2': 'Access assigned by job function and least privilege',
  '7.2.4': 'User accounts and access reviewed at least every six months',
  '7.2.5': 'Application and system accounts given least privilege',
  '7.2.6': 'User query access to stored cardholder data restricted',
  '8.2.1': 'Unique ID for every user',
  '8.2.2': 'Shared and generic accounts only by exception',
  '8.2.4': 'User ID changes authorised and approved',
  '8.2.5': 'Access of terminated users revoked immediately',
  '8.2.6': 'Inactive user accounts removed or disabled within 90 days',
  '8.2.7': 'Third-party remote access enabled only when needed and monitored',
  '8.4.2': 'MFA for all non-console access into the CDE',
  '8.4.3': 'MFA for remote network access that could reach the CDE',
  '8.6.1': 'Interactive login by system and application accounts only by exception',
  '8.6.2': 'No hard-coded passwords for interactive-capable system accounts',
  '10.2.1.1': 'Audit logs capture every user access to cardholder data',
  '10.2.1.2': 'Audit logs capture all administrative actions',
  '10.2.2': 'Audit log entries record who, what, when, where, outcome and resource',
  '10.4.1': 'Security and cardholder-data system logs reviewed daily',
  '10.4.1.1': 'Automated audit log reviews',
  '10.5.1': 'Audit log history kept at least 12 months',
  '12.5.1': 'Inventory of in-scope system components',
  '12.8.1': 'List of third-party service providers that handle or affect account data',
  '12.8.2': 'Written agreements with third-party service providers',
  '12.8.4': 'Third-party service provider compliance monitored yearly',
  '12.8.5': 'Responsibilities split between entity and each service provider',
  '12.10.7': 'Incident procedure for PAN found where it is not expected',
  'A3.2.5': 'Data discovery for cleartext PAN (designated entities)',
  'A3.2.6': 'Cleartext PAN prevented from leaving the CDE (designated entities)',
};
function pci() {
  const nodes = nodesOf('pcidss-4_0.yaml');
  const urn = byUrn(nodes);
  const out = [];
  for (const n of nodes) {
    if (!n.ref_id) continue; // the six goal headings have no number
    const parentNode = n.parent_urn ? urn.get(n.parent_urn) : undefined;
    const parent = parentNode?.ref_id;
    const isPrincipal = /^(\d+|A\d)$/.test(n.ref_id);
    const isSection = /^(\d+|A\d)\.\d+$/.test(n.ref_id);
    let title;
    if (PCI_TITLES[n.ref_id]) title = PCI_TITLES[n.ref_id];
    else if (isPrincipal || isSection) title = clean(n.description).replace(/\.$/, '');
    else title = openingSentence(n.description);
    out.push([n.ref_id, title, parent]);
  }
  return out;
}
function openingSentence(text) {
  const first = String(text).split('\n')[0].trim();
  let s = first.split(/(?<=\.)\s/)[0].replace(/[.:]$/, '');
  if (s.length > 150) s = `${s.slice(0, 147).replace(/\s+\S*$/, '')}…`;
  else if (first.endsWith(':')) s = `${s}…`;
  return clean(s);
}

// ---------------------------------------------------------------- SOC 2 (TSC 2017)
// AICPA's criteria have no titles; these are cxray's own short names. Category names
// (CC1 "Control environment" ...) are the official ones.
const SOC2_TITLES = {
  CC1: 'Control environment',
  'CC1.1': 'Commitment to integrity and ethical values',
  'CC1.2': 'Board independence and oversight of internal control',
  'CC1.3': 'Structures, reporting lines and authorities',
  'CC1.4': 'Commitment to competent people',
  'CC1.5': 'Accountability for internal control duties',
  CC2: 'Communication and information',
  'CC2.1': 'Relevant, quality information for internal control',
  'CC2.2': 'Internal communication about internal control',
  'CC2.3': 'Communication with external parties',
  CC3: 'Risk assessment',
  'CC3.1': 'Objectives clear enough to assess risks',
  'CC3.2': 'Risks identified and analysed',
  'CC3.3': 'Potential for fraud considered',
  'CC3.4': 'Significant changes identified and assessed',
  CC4: 'Monitoring activities',
  'CC4.1': 'Ongoing and separate evaluations of controls',
  'CC4.2': 'Control deficiencies evaluated and communicated',
  CC5: 'Control activities',
  'CC5.1': 'Control activities that mitigate risks',
  'CC5.2': 'General controls over technology',
  'CC5.3': 'Controls deployed through policies and procedures',
  CC6: 'Logical and physical access controls',
  'CC6.1': 'Logical access security over information assets',
  'CC6.2': 'Users registered and authorised before access',
  'CC6.3': 'Access granted, changed and removed by role',
  'CC6.4': 'Physical access restricted',
  'CC6.5': 'Protections removed only once data cannot be recovered',
  'CC6.6': 'Protection against threats from outside the system boundary',
  'CC6.7': 'Transmission, movement and removal of information restricted',
  'CC6.8': 'Unauthorised or malicious software prevented or detected',
  CC7: 'System operations',
  'CC7.1': 'Configuration changes and vulnerabilities detected',
  'CC7.2': 'System components monitored for anomalies',
  'CC7.3': 'Security events evaluated',
  'CC7.4': 'Security incidents responded to',
  'CC7.5': 'Recovery from security incidents',
  CC8: 'Change management',
  'CC8.1': 'Changes authorised, tested and approved',
  CC9: 'Risk mitigation',
  'CC9.1': 'Risks of business disruption mitigated',
  'CC9.2': 'Vendor and business partner risks managed',
  A1: 'Additional criteria for availability',
  'A1.1': 'Processing capacity managed',
  'A1.2': 'Environmental protection, backup and recovery infrastructure',
  'A1.3': 'Recovery plan tested',
  C1: 'Additional criteria for confidentiality',
  'C1.1': 'Confidential information identified and maintained',
  'C1.2': 'Confidential information disposed of',
  PI1: 'Additional criteria for processing integrity',
  'PI1.1': 'Quality information about processing',
  'PI1.2': 'Controls over system inputs',
  'PI1.3': 'Controls over system processing',
  'PI1.4': 'Controls over system outputs',
  'PI1.5': 'Inputs, items in processing and outputs stored completely',
  P1: 'Privacy criteria related to notice',
  'P1.1': 'Privacy notice to data subjects',
  P2: 'Privacy criteria related to choice and consent',
  'P2.1': 'Choices and consent communicated',
  P3: 'Privacy criteria related to collection',
  'P3.1': 'Personal information collected in line with objectives',
  'P3.2': 'Explicit consent obtained where needed',
  P4: 'Privacy criteria related to use, retention and disposal',
  'P4.1': 'Use of personal information limited to identified purposes',
  'P4.2': 'Personal information retained in line with objectives',
  'P4.3': 'Personal information disposed of securely',
  P5: 'Privacy criteria related to access',
  'P5.1': 'Data subjects can access their personal information',
  'P5.2': 'Personal information corrected or amended on request',
  P6: 'Privacy criteria related to disclosure and notification',
  'P6.1': 'Disclosure to third parties only with consent',
  'P6.2': 'Record of authorised disclosures',
  'P6.3': 'Record of unauthorised disclosures, including breaches',
  'P6.4': 'Privacy commitments from vendors, and their compliance assessed',
  'P6.5': 'Vendors commit to report unauthorised disclosures',
  'P6.6': 'Breaches and incidents notified to those affected',
  'P6.7': 'Accounting of personal information held and disclosed',
  P7: 'Privacy criteria related to quality',
  'P7.1': 'Personal information accurate, complete and relevant',
  P8: 'Privacy criteria related to monitoring and enforcement',
  'P8.1': 'Privacy inquiries, complaints and disputes handled',
};
function soc2() {
  const criteria = nodesOf('soc2-2017.yaml')
    .map((n) => n.ref_id)
    .filter((id) => /^(CC\d|A1|C1|PI1|P\d)\.\d+$/.test(id ?? ''));
  const out = [];
  const seen = new Set();
  for (const id of criteria) {
    const group = id.split('.')[0];
    if (!seen.has(group)) {
      seen.add(group);
      out.push([group, need(SOC2_TITLES, group)]);
    }
    if (seen.has(id)) continue;
    seen.add(id);
    out.push([id, need(SOC2_TITLES, id), group]);
  }
  // soc2-2017.yaml omits P6.1 and P6.2 (soc2_2017_with_rev_2022.yaml and strongdm/comply
  // have them): put them back in order.
  for (const id of ['P6.1', 'P6.2']) {
    if (seen.has(id)) continue;
    const at = out.findIndex(([x]) => x === 'P6.3');
    out.splice(at, 0, [id, need(SOC2_TITLES, id), 'P6']);
    seen.add(id);
  }
  const extra = Object.keys(SOC2_TITLES).filter((id) => !seen.has(id));
  if (extra.length) throw new Error(`SOC 2 titles for unknown ids: ${extra}`);
  return out;
}
const need = (table, id) => {
  if (!table[id]) throw new Error(`no title for ${id}`);
  return table[id];
};

// ---------------------------------------------------------------- GDPR
// Article titles are the Regulation's own (EU legislation may be reused). Paragraphs and
// points have no titles: cxray names the ones it or the reference material cites, and
// the others after their article.
const GDPR_TITLES = {
  'Art. 4(1)': "Definition of 'personal data'",
  'Art. 4(2)': "Definition of 'processing'",
  'Art. 4(4)': "Definition of 'profiling'",
  'Art. 4(5)': "Definition of 'pseudonymisation'",
  'Art. 4(12)': "Definition of 'personal data breach'",
  'Art. 5(1)': 'Principles of processing',
  'Art. 5(1)(a)': 'Lawfulness, fairness and transparency',
  'Art. 5(1)(b)': 'Purpose limitation',
  'Art. 5(1)(c)': 'Data minimisation',
  'Art. 5(1)(d)': 'Accuracy',
  'Art. 5(1)(e)': 'Storage limitation',
  'Art. 5(1)(f)': 'Integrity and confidentiality',
  'Art. 5(2)': 'Accountability',
  'Art. 15(1)': 'Right of access',
  'Art. 15(3)': 'Copy of the personal data',
  'Art. 17(1)': 'Right to erasure',
  'Art. 22(1)': 'No decision based solely on automated processing',
  'Art. 24(1)': 'Controller implements and reviews appropriate measures',
  'Art. 25(1)': 'Data protection by design',
  'Art. 25(2)': 'Data protection by default',
  'Art. 28(1)': 'Only processors with sufficient guarantees',
  'Art. 28(2)': 'Sub-processors need prior authorisation',
  'Art. 28(3)': 'Terms of the processing contract',
  'Art. 28(3)(b)': 'Processor staff bound to confidentiality',
  'Art. 28(3)(c)': 'Processor takes the measures of Article 32',
  'Art. 28(3)(g)': 'Processor deletes or returns data at the end',
  'Art. 30(1)': "Controller's record of processing activities",
  'Art. 30(1)(f)': 'Time limits for erasure in the record',
  'Art. 30(1)(g)': 'Security measures in the record',
  'Art. 30(2)': "Processor's record of processing activities",
  'Art. 32(1)': 'Appropriate technical and organisational measures',
  'Art. 32(1)(a)': 'Pseudonymisation and encryption',
  'Art. 32(1)(b)': 'Ongoing confidentiality, integrity, availability and resilience',
  'Art. 32(1)(d)': 'Regular testing of the measures',
  'Art. 32(2)': 'Risks of processing weighed, incl. unauthorised disclosure or access',
  'Art. 32(4)': 'People with access act only on instructions',
  'Art. 33(1)': 'Breach notified to the supervisory authority within 72 hours',
  'Art. 33(2)': 'Processor notifies the controller without undue delay',
  'Art. 33(5)': 'Every personal data breach documented',
  'Art. 34(1)': 'High-risk breach communicated to data subjects',
  'Art. 35(1)': 'Data protection impact assessment before high-risk processing',
  'Art. 35(3)': 'When an impact assessment is required',
  'Art. 35(3)(a)': 'Impact assessment for systematic automated evaluation or profiling',
  'Art. 35(7)': 'Minimum content of an impact assessment',
  'Art. 46(2)(c)': 'Standard data protection clauses',
};
function gdpr() {
  const nodes = nodesOf('gdpr.yaml');
  const out = [];
  let article; // { n, title }
  const seen = new Set();
  for (const n of nodes) {
    const ref = n.ref_id ?? '';
    const art = ref.match(/^Article (\d+)$/);
    if (art) {
      article = { n: art[1], title: clean(n.description) };
      out.push([`Art. ${article.n}`, article.title]);
      seen.add(`Art. ${article.n}`);
      continue;
    }
    if (!article) continue;
    const part = ref.match(/^(\d+)\.(\d+)(?:\.([a-z]))?$/);
    if (!part || part[1] !== article.n) continue;
    const para = `Art. ${article.n}(${part[2]})`;
    const id = part[3] ? `${para}(${part[3]})` : para;
    if (seen.has(id)) continue;
    seen.add(id);
    const parent = part[3] ? para : `Art. ${article.n}`;
    const title =
      GDPR_TITLES[id] ?? (part[3] ? `${article.title}: paragraph ${part[2]}, point (${part[3]})` : `${article.title}: paragraph ${part[2]}`);
    out.push([id, title, parent]);
  }
  const missing = Object.keys(GDPR_TITLES).filter((id) => !seen.has(id));
  if (missing.length) throw new Error(`GDPR titles for ids not in the library: ${missing}`);
  const articles = out.filter(([id]) => /^Art\. \d+$/.test(id)).length;
  if (articles !== 99) throw new Error(`expected 99 GDPR articles, found ${articles}`);
  return out;
}

// ---------------------------------------------------------------- writing
const q = (s) => JSON.stringify(s);
function write(file, header, name, rows) {
  const body = rows
    .map((r) => `  [${q(r[0])}, ${q(r[1])}${r[2] === undefined ? '' : `, ${Array.isArray(r[2]) ? `[${r[2].map(q).join(', ')}]` : q(r[2])}`}],`)
    .join('\n');
  const type = name === 'ISO27001_2013_TO_2022' ? 'Iso2013Row' : 'ControlRow';
  const text = `/**\n${header.map((l) => ` * ${l}`.trimEnd()).join('\n')}\n *\n * Generated by scripts/controls-catalogue.mjs from ${SOURCE_REPO} at\n * ${SOURCE_COMMIT}; edit the script, not this file.\n */\nimport type { ${type} } from './types.js';\n\nexport const ${name}: readonly ${type}[] = [\n${body}\n];\n`;
  writeFileSync(new URL(`../src/core/controls/${file}`, import.meta.url), text);
  console.log(file, rows.length);
}

write('iso27001-data.ts', [
  'ISO/IEC 27001:2022: the clauses 4-10 and the 93 controls of Annex A under their four',
  'themes, with the official names. Source: iso27001-2022.yaml (numbers and names only).',
], 'ISO27001_2022', iso2022());
write('iso27001-2013-data.ts', [
  'ISO/IEC 27001:2013 Annex A controls and the 2022 controls each one became, after the',
  'correspondence table of ISO/IEC 27002:2022 (Annex B). Source: iso27001-2013.yaml (names)',
  'and mapping-iso27001-2013-to-iso27001-2022.yaml, corrected where it leaves a control out',
  '(A.6.1.3-5, A.9.2.5-6, A.12.6.2, A.12.7.1, A.14.2.3-4) or sends A.13.2.1-3 to A.8.14',
  'instead of A.5.14 (isms.online and hicomply give the published table).',
], 'ISO27001_2013_TO_2022', iso2013Map());
write('nist-csf-data.ts', [
  'NIST Cybersecurity Framework 2.0: functions, categories and all 106 subcategories.',
  'Source: nist-csf-2.0.yaml. Subcategory titles are NIST\'s outcome statements (a US',
  'government work); function and category names are NIST\'s.',
], 'NIST_CSF_2_0', csf());
write('pci-dss-data.ts', [
  'PCI DSS v4.0.1: every numbered requirement, with the twelve principal requirements and',
  'their sections under their official names. Source: pcidss-4_0.yaml (v4.0; v4.0.1 kept',
  'the numbering). Requirements below a section have no official name: cxray titles the',
  'ones its bank and reference material cite in its own words, and shows the opening',
  'words of the requirement for the rest.',
], 'PCI_DSS_4_0_1', pci());
write('soc2-data.ts', [
  'SOC 2: the AICPA 2017 Trust Services Criteria (revised points of focus 2022 leave the',
  'criteria unchanged): CC1.1-CC9.2, A1, C1, PI1 and P1-P8. Source: soc2-2017.yaml for',
  'the ids (it omits P6.1 and P6.2, which soc2_2017_with_rev_2022.yaml and',
  'strongdm/comply TSC-2017.yml have). Category names are AICPA\'s; criterion titles are',
  'cxray\'s own short names, since the criteria have none.',
], 'SOC2_2017', soc2());
write('gdpr-data.ts', [
  'GDPR, Regulation (EU) 2016/679: all 99 articles with their official titles, and every',
  'paragraph and point as Art. N(p)(x). Source: gdpr.yaml (written there as N.p.x).',
  'Paragraphs have no titles in the Regulation: cxray names the cited ones in its own',
  'words and the others after their article.',
], 'GDPR_2016_679', gdpr());
